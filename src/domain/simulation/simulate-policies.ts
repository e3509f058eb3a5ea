// The IAM policy simulator: given policies and requests, the engine's decision for each action
// and resource, with the statements that decided it (by place in the policy text), the context
// keys the request lacked, and whether the boundary and the SCPs allowed.

import {
  evaluate,
  parsePolicy,
  statementSpans,
  PolicyParseError,
  type ContextValue,
  type Decision,
  type NamedPolicy,
  type PolicySet,
  type StatementSpan,
} from '../../policy/index.js';
import { invalid } from '../../lib/errors.js';

export interface PolicyText {
  /** How results name the policy, e.g. `PolicyInputList.1` or a policy ARN. */
  readonly id: string;
  readonly text: string;
  /** The IAM simulator's source type: `user`, `role`, `aws-managed`, `user-managed`, `resource`, `none`. */
  readonly sourceType: string;
}

export interface SimulationInput {
  readonly identity: readonly PolicyText[];
  readonly boundary?: readonly PolicyText[];
  readonly resourcePolicy?: PolicyText;
  readonly scpLevels?: readonly (readonly PolicyText[])[];
  readonly actions: readonly string[];
  readonly resources: readonly string[];
  readonly callerArn: string;
  readonly callerAccount: string;
  readonly resourceOwner?: string;
  readonly context: Readonly<Record<string, ContextValue>>;
}

export interface SimulatedStatement {
  readonly sourcePolicyId: string;
  readonly sourcePolicyType: string;
  readonly span: StatementSpan | undefined;
}

export interface SimulationResult {
  readonly action: string;
  readonly resource: string;
  readonly decision: 'allowed' | 'explicitDeny' | 'implicitDeny';
  readonly matched: readonly SimulatedStatement[];
  readonly missingContextValues: readonly string[];
  readonly allowedByOrganizations?: boolean;
  readonly allowedByPermissionsBoundary?: boolean;
}

const DECISION = { Allow: 'allowed', ExplicitDeny: 'explicitDeny', ImplicitDeny: 'implicitDeny' } as const;

const parse = (p: PolicyText): NamedPolicy => {
  try {
    return { id: p.id, document: parsePolicy(p.text) };
  } catch (e) {
    if (e instanceof PolicyParseError || e instanceof SyntaxError) {
      throw invalid(p.id, `${p.id} is not a valid policy: ${(e as Error).message}`, { resource: 'PolicyDocument' });
    }
    throw e;
  }
};

export const simulatePolicies = (input: SimulationInput): SimulationResult[] => {
  const all = [...input.identity, ...(input.boundary ?? []), ...(input.scpLevels ?? []).flat(), ...(input.resourcePolicy ? [input.resourcePolicy] : [])];
  const byId = new Map(all.map((p) => [p.id, p]));
  const spans = new Map(all.map((p) => [p.id, statementSpans(p.text)]));
  const set: PolicySet = {
    identity: input.identity.map(parse),
    ...(input.boundary ? { boundary: input.boundary.map(parse) } : {}),
    ...(input.scpLevels?.length ? { scpLevels: input.scpLevels.map((l) => l.map(parse)) } : {}),
    ...(input.resourcePolicy ? { resource: [parse(input.resourcePolicy)] } : {}),
  };
  const results: SimulationResult[] = [];
  for (const action of input.actions) {
    for (const resource of input.resources) {
      const decision: Decision = evaluate(set, {
        action,
        resource,
        principalArn: input.callerArn,
        principalAccount: input.callerAccount,
        resourceAccount: input.resourceOwner,
        context: input.context,
      });
      results.push({
        action,
        resource,
        decision: DECISION[decision.decision],
        matched: decision.matched.map((m) => ({
          sourcePolicyId: m.policyId,
          sourcePolicyType: byId.get(m.policyId)?.sourceType ?? 'none',
          span: spans.get(m.policyId)?.[Number(/^Statement\[(\d+)\]/.exec(m.path)?.[1] ?? 0)],
        })),
        missingContextValues: decision.missingContextKeys,
        ...(decision.byType.scp ? { allowedByOrganizations: decision.byType.scp === 'Allow' } : {}),
        ...(decision.byType.boundary ? { allowedByPermissionsBoundary: decision.byType.boundary === 'Allow' } : {}),
      });
    }
  }
  return results;
};
