// "Check access" in the console: the policy engine's answer for this exact role session, asked
// through the same Authorizer that decides its signed requests (its identity policies, boundary,
// the SCPs on its account's path, its session policies and tags), with the layer that decided
// and the statements that matched, each with its text and line.

import type { Services } from '../services.js';
import type { Principal } from '../principal.js';
import type { Decision, DecisionName, PolicyType } from '../../policy/index.js';
import { requestContext, type RequestOrigin } from '../authorization/request-context.js';
import { denialMessage } from '../authorization/denial-message.js';
import type { CheckRequest } from './check-request.js';
import type { PolicyKind, ShownPolicy } from './role-policies.js';
import { statementText } from './statement-text.js';

export interface CheckedStatement {
  readonly policyId: string;
  readonly policyName: string;
  readonly kind: PolicyKind | undefined;
  readonly policyType: PolicyType;
  readonly level?: number;
  readonly sid: string | undefined;
  readonly effect: 'Allow' | 'Deny';
  readonly text: string | undefined;
  readonly firstLine: number | undefined;
}

export interface CheckResult {
  readonly request: CheckRequest;
  readonly decision: DecisionName;
  /** The layer that refused (denials only). */
  readonly layer?: PolicyType;
  readonly message: string;
  readonly statements: readonly CheckedStatement[];
  readonly byType: Decision['byType'];
  readonly missingContextKeys: readonly string[];
}

// The order AWS reports the refusing layer in: organization guardrails first.
const ORDER: readonly PolicyType[] = ['scp', 'rcp', 'boundary', 'session', 'identity', 'resource'];

const refusingLayer = (d: Decision): PolicyType | undefined =>
  d.decision === 'Allow' ? undefined : ORDER.find((t) => d.byType[t] === d.decision) ?? 'identity';

/** The statements that decided: the denying ones for an explicit deny, else the allowing ones. */
const deciding = (d: Decision) => d.matched.filter((m) => (d.decision === 'ExplicitDeny' ? m.effect === 'Deny' : m.effect === 'Allow'));

const orgId = (services: Services) => services.organizations.describeOrganization().then((o) => o.id, () => undefined);

export async function checkAccess(
  services: Services,
  principal: Principal,
  policies: ReadonlyMap<string, ShownPolicy>,
  request: CheckRequest,
  origin: RequestOrigin,
): Promise<CheckResult> {
  const globals = requestContext({ principal, ...origin, now: services.ports.clock.now(), organizationId: await orgId(services) });
  const [decision] = await services.authorization.decide(principal, {
    action: request.action,
    resources: [request.resource],
    context: { ...globals, ...request.context },
  });
  const d = decision!;
  const statements = deciding(d).map((m): CheckedStatement => {
    const policy = policies.get(m.policyId);
    const text = policy ? statementText(policy.text, m.path) : undefined;
    return {
      policyId: m.policyId,
      policyName: policy?.name ?? m.policyId,
      kind: policy?.kind,
      policyType: m.policyType,
      ...(m.level === undefined ? {} : { level: m.level }),
      sid: m.sid,
      effect: m.effect,
      text: text?.text,
      firstLine: text?.firstLine,
    };
  });
  const layer = refusingLayer(d);
  const message = d.decision === 'Allow'
    ? `${principal.arn} is allowed to perform ${request.action} on resource: ${request.resource}`
    : denialMessage(principal.arn, request.action, request.resource, d);
  return { request, decision: d.decision, ...(layer ? { layer } : {}), message, statements, byType: d.byType, missingContextKeys: d.missingContextKeys };
}
