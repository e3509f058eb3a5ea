// The request context of an AssumeRole decision: the global keys about the caller and the
// request, the sts: keys trust policies test (sts:ExternalId, sts:RoleSessionName,
// sts:SourceIdentity, sts:TransitiveTagKeys), the tags being passed, and the role's own tags.

import type { ContextValue } from '../../policy/index.js';
import { isoSeconds, requestGlobals } from '../authorization/request-context.js';
import type { Principal } from '../principal.js';
import type { RoleSession, SessionTag } from './role-session.js';

export interface AssumeRoleFacts {
  readonly caller: Principal;
  readonly callerSession: RoleSession | undefined;
  /** `aws:PrincipalTag/*`: the user's tags, or the session's role tags and session tags. */
  readonly callerTags: Readonly<Record<string, string>>;
  /** The organization's id when the caller's account is in it (not for a standalone account). */
  readonly principalOrgId: string | undefined;
  /** The organization's id when the role's account is in it. */
  readonly resourceOrgId: string | undefined;
  readonly now: number;
  readonly sourceIp: string;
  readonly secureTransport: boolean;
  readonly region: string;
  readonly roleSessionName: string;
  readonly externalId: string | undefined;
  readonly sourceIdentity: string | undefined;
  /** The tags the request passes (not those inherited). */
  readonly requestTags: readonly SessionTag[];
  readonly transitiveTagKeys: readonly string[];
  readonly roleAccountId: string;
  readonly roleTags: readonly SessionTag[];
}

export function assumeRoleContext(f: AssumeRoleFacts): Record<string, ContextValue> {
  const p = f.caller;
  const session = f.callerSession;
  const ctx: Record<string, ContextValue> = {
    ...requestGlobals(f),
    'aws:PrincipalArn': session?.roleArn ?? (p.kind === 'iam-user' ? p.arn : roleArnOfSession(p.arn)),
    'aws:PrincipalAccount': p.accountId,
    'aws:PrincipalType': p.kind === 'iam-user' ? 'User' : 'AssumedRole',
    'aws:PrincipalIsAWSService': 'false',
    'aws:ViaAWSService': 'false',
    'aws:userid': p.userId,
    'aws:ResourceAccount': f.roleAccountId,
    'sts:RoleSessionName': f.roleSessionName,
  };
  if (p.kind === 'iam-user') ctx['aws:username'] = p.name;
  if (f.principalOrgId) ctx['aws:PrincipalOrgID'] = f.principalOrgId;
  if (f.resourceOrgId) ctx['aws:ResourceOrgID'] = f.resourceOrgId;
  for (const [k, v] of Object.entries(f.callerTags)) ctx[`aws:PrincipalTag/${k}`] = v;
  if (session) {
    ctx['aws:TokenIssueTime'] = isoSeconds(session.issuedAt);
    if (session.sourceIdentity !== undefined) ctx['aws:SourceIdentity'] = session.sourceIdentity;
  }
  if (f.externalId !== undefined) ctx['sts:ExternalId'] = f.externalId;
  if (f.sourceIdentity !== undefined) ctx['sts:SourceIdentity'] = f.sourceIdentity;
  if (f.requestTags.length > 0) {
    for (const t of f.requestTags) ctx[`aws:RequestTag/${t.key}`] = t.value;
    ctx['aws:TagKeys'] = f.requestTags.map((t) => t.key);
  }
  if (f.transitiveTagKeys.length > 0) ctx['sts:TransitiveTagKeys'] = [...f.transitiveTagKeys];
  for (const t of f.roleTags) ctx[`aws:ResourceTag/${t.key}`] = t.value;
  return ctx;
}

/** `arn:aws:sts::A:assumed-role/R/s` → `arn:aws:iam::A:role/R`, when the session's path is unknown. */
const roleArnOfSession = (sessionArn: string): string => {
  const m = /^arn:([^:]+):sts::(\d{12}):assumed-role\/(.+)\/[^/]+$/.exec(sessionArn);
  return m ? `arn:${m[1]}:iam::${m[2]}:role/${m[3]}` : sessionArn;
};
