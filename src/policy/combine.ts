// The AWS evaluation logic over the per-type outcomes, shared by the interpreter and the
// compiled path so the two can only differ in matching, never in how layers combine.
// Order (AWS "Policy evaluation logic"): explicit deny anywhere; RCPs; SCPs; resource-based
// policies; identity-based policies; permissions boundaries; session policies.

import type { DecisionName, PolicyType } from './request.js';
import { Grant } from './principal-match.js';

export interface Outcome {
  readonly allow: boolean;
  readonly deny: boolean;
}

export interface ResourceOutcome extends Outcome {
  /** The strongest way an Allow statement named the caller (see principal-match.ts). */
  readonly grant: Grant;
}

export interface Outcomes {
  readonly identity: Outcome;
  readonly boundary: Outcome | undefined;
  readonly session: Outcome | undefined;
  readonly scp: readonly Outcome[] | undefined;
  readonly rcp: readonly Outcome[] | undefined;
  readonly resource: ResourceOutcome | undefined;
  /** The resource's account differs from the principal's. */
  readonly crossAccount: boolean;
}

export interface Combined {
  readonly decision: DecisionName;
  readonly byType: Partial<Record<PolicyType, DecisionName>>;
}

export function combineOutcomes(o: Outcomes): Combined {
  const byType = typeDecisions(o);
  if (anyDeny(o)) return { decision: 'ExplicitDeny', byType };
  if (o.rcp && byType.rcp !== 'Allow') return { decision: 'ImplicitDeny', byType };
  if (o.scp && byType.scp !== 'Allow') return { decision: 'ImplicitDeny', byType };
  return { decision: allowed(o) ? 'Allow' : 'ImplicitDeny', byType };
}

function allowed(o: Outcomes): boolean {
  // A boundary or session policy, when present, must allow what identity policies grant.
  const limitsAllow = (!o.boundary || o.boundary.allow) && (!o.session || o.session.allow);
  const resource = o.resource?.allow ? o.resource.grant : Grant.none;
  if (o.crossAccount) {
    // Cross-account: the resource policy must name the principal (or its role or account) and
    // the principal's own policies must allow too.
    return resource !== Grant.none && o.identity.allow && limitsAllow;
  }
  // Same account: a grant to the user or the role session itself stands on its own; a grant
  // to the role ARN is still limited by the boundary and the session policy; a grant to the
  // account only delegates to identity policies.
  if (resource === Grant.direct) return true;
  if (resource === Grant.role && limitsAllow) return true;
  return o.identity.allow && limitsAllow;
}

function typeDecisions(o: Outcomes): Partial<Record<PolicyType, DecisionName>> {
  const byType: Partial<Record<PolicyType, DecisionName>> = { identity: single(o.identity) };
  if (o.boundary) byType.boundary = single(o.boundary);
  if (o.session) byType.session = single(o.session);
  if (o.scp) byType.scp = levels(o.scp);
  if (o.rcp) byType.rcp = levels(o.rcp);
  if (o.resource) byType.resource = single(o.resource);
  return byType;
}

function single(o: Outcome): DecisionName {
  return o.deny ? 'ExplicitDeny' : o.allow ? 'Allow' : 'ImplicitDeny';
}

/** SCPs and RCPs: any deny denies; every level (root, OUs, account) must allow. */
function levels(list: readonly Outcome[]): DecisionName {
  let all = true;
  for (const l of list) {
    if (l.deny) return 'ExplicitDeny';
    if (!l.allow) all = false;
  }
  return all ? 'Allow' : 'ImplicitDeny';
}

function anyDeny(o: Outcomes): boolean {
  if (o.identity.deny || o.boundary?.deny || o.session?.deny || o.resource?.deny) return true;
  for (const l of o.scp ?? []) if (l.deny) return true;
  for (const l of o.rcp ?? []) if (l.deny) return true;
  return false;
}
