// Whether a caller may assume a role: the role's trust policy is the resource-based policy, the
// caller's identity policies, boundary, session policies and SCPs its own side, decided by the
// engine under AWS's logic. Across accounts both sides must allow; in one account a trust
// policy naming the caller (user or session) suffices, one naming the caller's role is still
// bounded by its boundary and session policy, and one naming only the account delegates to
// the identity policies. Pure: the caller gathers the policies (assume-role.ts).

import { compilePolicySet, decide, parsePolicy, type ContextValue, type Decision, type NamedPolicy, type PolicySet } from '../../policy/index.js';
import type { PolicyText } from '../iam/principal-policies.js';
import type { ScpLevel } from '../organizations/scp-levels.js';

export interface AssumeRoleDecisionInput {
  readonly callerArn: string;
  readonly callerAccountId: string;
  readonly roleArn: string;
  readonly roleAccountId: string;
  readonly trustPolicy: string;
  readonly identity: readonly PolicyText[];
  readonly boundary?: PolicyText;
  /** The calling session's own session policies (role chaining), if it has any. */
  readonly session?: readonly NamedPolicy[];
  readonly scpLevels: readonly ScpLevel[];
  readonly context: Readonly<Record<string, ContextValue>>;
  /** `sts:AssumeRole`, plus `sts:TagSession` / `sts:SetSourceIdentity` when the request needs them. */
  readonly actions: readonly string[];
}

export type AssumeRoleVerdict =
  | { readonly allowed: true; readonly decisions: readonly Decision[] }
  | { readonly allowed: false; readonly action: string; readonly decision?: Decision; readonly error?: string };

const named = (p: PolicyText): NamedPolicy => ({ id: p.id, document: parsePolicy(p.document) });

export function policySetFor(input: AssumeRoleDecisionInput): PolicySet {
  return {
    identity: input.identity.map(named),
    ...(input.boundary ? { boundary: [named(input.boundary)] } : {}),
    ...(input.session ? { session: input.session } : {}),
    ...(input.scpLevels.length > 0
      ? { scpLevels: input.scpLevels.map((l) => l.policies.map((p) => ({ id: `scp:${p.policyId}`, document: parsePolicy(p.content) }))) }
      : {}),
    resource: [{ id: `trust:${input.roleArn}`, document: parsePolicy(input.trustPolicy) }],
  };
}

export function decideAssumeRole(input: AssumeRoleDecisionInput): AssumeRoleVerdict {
  let set: PolicySet;
  try {
    set = policySetFor(input);
  } catch (e) {
    // A stored policy that no longer parses cannot be shown to allow: deny.
    return { allowed: false, action: input.actions[0] ?? 'sts:AssumeRole', error: (e as Error).message };
  }
  const compiled = compilePolicySet(set);
  const decisions: Decision[] = [];
  for (const action of input.actions) {
    const decision = decide(compiled, {
      action,
      resource: input.roleArn,
      principalArn: input.callerArn,
      principalAccount: input.callerAccountId,
      resourceAccount: input.roleAccountId,
      context: input.context,
    });
    if (decision.decision !== 'Allow') return { allowed: false, action, decision };
    decisions.push(decision);
  }
  return { allowed: true, decisions };
}
