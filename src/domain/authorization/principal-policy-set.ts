// Everything that applies to one principal, gathered from IAM (identity policies and the
// boundary) and Organizations (the SCPs on the account's path), parsed into a PolicySet.

import type { Principal } from '../principal.js';
import type { Services } from '../services.js';
import { parsePolicy, type NamedPolicy, type PolicySet } from '../../policy/index.js';

/** The IAM entity whose policies apply: an IAM user, or the role behind a role session. */
const principalRef = (p: Principal) =>
  p.kind === 'iam-user' ? ({ kind: 'user', name: p.name } as const) : ({ kind: 'role', name: p.name } as const);

const named = (id: string, text: string): NamedPolicy => ({ id, document: parsePolicy(text) });

/** Service-linked roles, like the management account, are never restricted by SCPs. */
const exemptFromScps = (p: Principal) => p.kind === 'assumed-role' && p.arn.includes(':assumed-role/AWSServiceRoleFor');

export const loadPolicySet = async (services: Services, principal: Principal): Promise<PolicySet> => {
  const { identity, boundary } = await services.iam.getPrincipalPolicies(principal.accountId, principalRef(principal));
  const levels = exemptFromScps(principal) ? [] : await services.organizations.getScpLevels(principal.accountId);
  return {
    identity: identity.map((p) => named(p.id, p.document)),
    ...(boundary ? { boundary: [named(boundary.id, boundary.document)] } : {}),
    ...(levels.length > 0
      ? { scpLevels: levels.map((l) => l.policies.map((p) => named(`scp:${p.policyId}`, p.content))) }
      : {}),
  };
};
