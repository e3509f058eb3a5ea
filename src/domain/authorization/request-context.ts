// The global condition keys a request supplies (aws:SourceIp, aws:CurrentTime, ...), plus the
// request's own tags.

import type { ContextValue } from '../../policy/index.js';
import type { Principal } from '../principal.js';

export interface RequestFacts {
  readonly principal: Principal;
  readonly sourceIp: string;
  readonly secureTransport: boolean;
  readonly region: string;
  readonly now: number;
  readonly organizationId: string | undefined;
  /** `aws:RequestTag/*` and `aws:TagKeys`, from the request's Tags. */
  readonly requestTags?: Readonly<Record<string, string>>;
}

/** ISO 8601 to the second, as AWS writes `aws:CurrentTime` and `aws:TokenIssueTime`. */
export const isoSeconds = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** The keys every request supplies, whoever makes it: when, from where, to which region. */
export const requestGlobals = (f: { readonly now: number; readonly sourceIp: string; readonly region: string }): Record<string, ContextValue> => ({
  'aws:CurrentTime': isoSeconds(f.now),
  'aws:EpochTime': String(Math.floor(f.now / 1000)),
  'aws:SourceIp': f.sourceIp,
  'aws:RequestedRegion': f.region,
});

export const requestContext = (f: RequestFacts): Record<string, ContextValue> => {
  const p = f.principal;
  const ctx: Record<string, ContextValue> = {
    ...requestGlobals(f),
    'aws:SecureTransport': String(f.secureTransport),
    // For role sessions the principal's facts replace this with the role's ARN.
    'aws:PrincipalArn': p.arn,
    'aws:PrincipalAccount': p.accountId,
    'aws:PrincipalType': p.kind === 'iam-user' ? 'User' : 'AssumedRole',
    'aws:userid': p.userId,
    'aws:ViaAWSService': 'false',
  };
  if (p.kind === 'iam-user') ctx['aws:username'] = p.name;
  if (f.organizationId) ctx['aws:PrincipalOrgID'] = f.organizationId;
  if (f.requestTags) {
    for (const [k, v] of Object.entries(f.requestTags)) ctx[`aws:RequestTag/${k}`] = v;
    ctx['aws:TagKeys'] = Object.keys(f.requestTags);
  }
  return ctx;
};
