// Everything that applies to one principal, gathered from IAM (identity policies and the
// boundary), Organizations (the SCPs on the account's path) and, for a role session, its
// session policies; and the context keys that describe the principal itself.

import type { Principal } from '../principal.js';
import type { Services } from '../services.js';
import { parsePolicy, type ContextValue, type NamedPolicy, type PolicySet } from '../../policy/index.js';
import { callerTagsOf } from '../sts/caller-tags.js';
import { isoSeconds } from './request-context.js';

export interface PrincipalFacts {
  readonly set: PolicySet;
  /** `aws:PrincipalTag/*`, `aws:PrincipalArn` (the role's, with its path), `aws:SourceIdentity`, ... */
  readonly context: Readonly<Record<string, ContextValue>>;
  /** The principal's account left the organization: `aws:PrincipalOrgID` must not be present. */
  readonly outsideOrganization: boolean;
}

/** The IAM entity whose policies apply: an IAM user, or the role behind a role session. */
const principalRef = (p: Principal) =>
  p.kind === 'iam-user' ? ({ kind: 'user', name: p.name } as const) : ({ kind: 'role', name: p.name } as const);

const named = (id: string, text: string): NamedPolicy => ({ id, document: parsePolicy(text) });

/** Service-linked roles, like the management account, are never restricted by SCPs. */
const exemptFromScps = (p: Principal) => p.kind === 'assumed-role' && p.name.startsWith('AWSServiceRoleFor');

export const loadPrincipalFacts = async (services: Services, principal: Principal): Promise<PrincipalFacts> => {
  const session = services.sts.sessionOf(principal);
  const { identity, boundary } = await services.iam.getPrincipalPolicies(principal.accountId, principalRef(principal));
  const standing = await services.organizations.accountStanding(principal.accountId);
  // A standalone account (one that left the organization) has no SCPs; an unknown one is refused there.
  const outsideOrganization = standing?.kind === 'standalone';
  const levels = exemptFromScps(principal) || outsideOrganization ? [] : await services.organizations.getScpLevels(principal.accountId);
  const sessionPolicies = session ? await services.sts.sessionPolicies(session) : undefined;
  const tags = await callerTagsOf(services.ports.store.iam, principal, session);
  const context: Record<string, ContextValue> = Object.fromEntries(Object.entries(tags).map(([k, v]) => [`aws:PrincipalTag/${k}`, v]));
  if (session) {
    context['aws:PrincipalArn'] = session.roleArn;
    context['aws:TokenIssueTime'] = isoSeconds(session.issuedAt);
    if (session.sourceIdentity) context['aws:SourceIdentity'] = session.sourceIdentity;
  }
  return {
    set: {
      identity: identity.map((p) => named(p.id, p.document)),
      ...(boundary ? { boundary: [named(boundary.id, boundary.document)] } : {}),
      ...(sessionPolicies ? { session: sessionPolicies } : {}),
      ...(levels.length > 0 ? { scpLevels: levels.map((l) => l.policies.map((p) => named(`scp:${p.policyId}`, p.content))) } : {}),
    },
    context,
    outsideOrganization,
  };
};
