// Allow statements that grant more than they appear to: AWS's best practices and Access
// Analyzer's security warnings. Deny statements are never flagged: breadth there is safe.

import type { Statement } from '../ast.js';
import { finding, type Finding } from './finding.js';
import { entryPath } from './resolve-actions.js';
import { hasWildcard, wildcardMatches } from './wildcard.js';

/** Passing any role lets the caller hand a service more rights than the caller has. */
function passRole(st: Statement): Finding[] {
  if (!st.action || st.action.not || !st.resource || st.resource.not) return [];
  const star = st.resource.values.indexOf('*');
  if (star < 0) return [];
  const granting = st.action.values.filter((a) => wildcardMatches(a, 'iam:PassRole', true));
  if (granting.length === 0) return [];
  const path = entryPath(st.resource, star);
  if (granting.some((a) => !hasWildcard(a))) {
    return [finding('SECURITY_WARNING', 'PASS_ROLE_WITH_STAR_IN_RESOURCE', path, 'iam:PassRole with "Resource": "*" lets the caller pass any role; list the role ARNs.')];
  }
  return [
    finding('SECURITY_WARNING', 'PASS_ROLE_WITH_STAR_IN_ACTION_AND_RESOURCE', path, `"${granting[0]}" with "Resource": "*" includes iam:PassRole for any role; list the role ARNs.`),
  ];
}

export function checkBroadAccess(st: Statement): Finding[] {
  if (st.effect !== 'Allow') return [];
  const out: Finding[] = [];
  if (st.action?.not) {
    out.push(finding('SECURITY_WARNING', 'ALLOW_WITH_NOT_ACTION', st.action.path, 'Allow with NotAction grants every other action, including those of services added later.'));
  }
  if (st.resource?.not) {
    if (st.action && !st.action.not && st.action.values.includes('*')) {
      out.push(finding('SECURITY_WARNING', 'ALLOW_ALL_WITH_NOT_RESOURCE', st.resource.path, '"Action": "*" with NotResource grants every action on every other resource.'));
    } else {
      out.push(finding('WARNING', 'ALLOW_WITH_NOT_RESOURCE', st.resource.path, 'Allow with NotResource grants the actions on every other resource, including future ones.'));
    }
  }
  if (st.principal?.not) {
    out.push(finding('SECURITY_WARNING', 'ALLOW_WITH_NOT_PRINCIPAL', st.principal.path, 'Allow with NotPrincipal grants access to everyone not listed, including anonymous users.'));
  }
  out.push(...passRole(st));
  return out;
}
