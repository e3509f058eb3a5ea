// Every policy that decides what one role session may do, readable: the role's AWS managed and
// customer managed policies, its inline policy, its permissions boundary, the SCPs on its
// account's path, and the session's own policies. Read from the same sources the request
// authorizer compiles (principal-policy-set.ts), so what the console shows is what decides.

import type { Services } from '../services.js';
import type { RoleSession } from '../sts/role-session.js';
import { serializePolicy } from '../../policy/index.js';

export type PolicyKind = 'aws-managed' | 'customer-managed' | 'inline' | 'boundary' | 'scp' | 'session';

export interface ShownPolicy {
  /** The id the policy engine reports matches under (a policy ARN, `ARN#name`, `scp:p-…`). */
  readonly id: string;
  readonly kind: PolicyKind;
  readonly name: string;
  /** The managed policy's ARN; for an SCP, where it is attached. */
  readonly arn?: string;
  /** The document as shown: pretty-printed when stored on one line, so line numbers mean something. */
  readonly text: string;
}

export interface RolePolicies {
  readonly identity: readonly ShownPolicy[];
  readonly boundary?: ShownPolicy;
  readonly scps: readonly ShownPolicy[];
  readonly session: readonly ShownPolicy[];
}

/** Stored documents are shown as written, unless they are one long line. */
export const displayText = (document: string): string => {
  if (document.includes('\n')) return document;
  try {
    return JSON.stringify(JSON.parse(document), null, 2);
  } catch {
    return document;
  }
};

const lastSegment = (arn: string) => arn.slice(arn.lastIndexOf('/') + 1);

const identityPolicy = (id: string, document: string): ShownPolicy => {
  const hash = id.indexOf('#');
  if (hash >= 0) return { id, kind: 'inline', name: id.slice(hash + 1), text: displayText(document) };
  const kind = id.startsWith('arn:aws:iam::aws:policy/') ? 'aws-managed' : 'customer-managed';
  return { id, kind, name: lastSegment(id), arn: id, text: displayText(document) };
};

export async function rolePolicies(services: Services, session: RoleSession): Promise<RolePolicies> {
  const { identity, boundary } = await services.iam.getPrincipalPolicies(session.accountId, { kind: 'role', name: session.roleName });
  const levels = await services.organizations.getScpLevels(session.accountId);
  const sessionPolicies = (await services.sts.sessionPolicies(session)) ?? [];
  return {
    identity: identity.map((p) => identityPolicy(p.id, p.document)),
    ...(boundary ? { boundary: { id: boundary.id, kind: 'boundary' as const, name: lastSegment(boundary.id), arn: boundary.id, text: displayText(boundary.document) } } : {}),
    scps: levels.flatMap((l) =>
      l.policies.map((p) => ({ id: `scp:${p.policyId}`, kind: 'scp' as const, name: p.name, arn: `${l.targetType} ${l.targetId}`, text: displayText(p.content) })),
    ),
    session: sessionPolicies.map((p) => ({ id: p.id, kind: 'session' as const, name: p.id, text: JSON.stringify(serializePolicy(p.document), null, 2) })),
  };
}

/** Every shown policy by the id the engine reports. */
export const policiesById = (p: RolePolicies): ReadonlyMap<string, ShownPolicy> =>
  new Map([...p.identity, ...(p.boundary ? [p.boundary] : []), ...p.scps, ...p.session].map((x) => [x.id, x]));
