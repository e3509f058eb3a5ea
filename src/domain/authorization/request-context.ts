// The global condition keys a request supplies (aws:SourceIp, aws:CurrentTime, ...), plus the
// request's own tags.

import type { ContextValue } from '../../policy/index.js';
import type { Principal } from '../principal.js';

/** Where a request comes from and goes to: the caller's address, over TLS or not, the region. */
export interface RequestOrigin {
  readonly sourceIp: string;
  /** True when the request reached Gatehouse over HTTPS (its own, or a trusted proxy's). */
  readonly secureTransport: boolean;
  readonly region: string;
}

export interface RequestFacts extends RequestOrigin {
  readonly principal: Principal;
  readonly now: number;
  readonly organizationId: string | undefined;
  /** `aws:RequestTag/*` and `aws:TagKeys`, from the request's Tags. */
  readonly requestTags?: Readonly<Record<string, string>>;
}

/** ISO 8601 to the second, as AWS writes `aws:CurrentTime` and `aws:TokenIssueTime`. */
export const isoSeconds = (ms: number): string => {
  const second = Math.floor(ms / 1000);
  // Every request asks for it, and formatting a Date costs more than the rest of the context.
  if (second !== lastSecond) {
    lastSecond = second;
    lastIso = new Date(second * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  }
  return lastIso;
};
let lastSecond = Number.NaN;
let lastIso = '';

/** The keys every request supplies, whoever makes it: when, from where, how, to which region. */
export const requestGlobals = (f: RequestOrigin & { readonly now: number }): Record<string, ContextValue> => ({
  'aws:CurrentTime': isoSeconds(f.now),
  'aws:EpochTime': String(Math.floor(f.now / 1000)),
  'aws:SourceIp': f.sourceIp,
  'aws:SecureTransport': String(f.secureTransport),
  'aws:RequestedRegion': f.region,
});

export const requestContext = (f: RequestFacts): Record<string, ContextValue> => {
  const p = f.principal;
  // Keys are assigned, not spread after `...requestGlobals(f)`: on Node 20 a spread followed by
  // more keys takes V8's slow path, several microseconds on every request.
  const ctx = requestGlobals(f);
  // For role sessions the principal's facts replace this with the role's ARN.
  ctx['aws:PrincipalArn'] = p.arn;
  ctx['aws:PrincipalAccount'] = p.accountId;
  ctx['aws:PrincipalType'] = p.kind === 'iam-user' ? 'User' : 'AssumedRole';
  ctx['aws:userid'] = p.userId;
  ctx['aws:ViaAWSService'] = 'false';
  if (p.kind === 'iam-user') ctx['aws:username'] = p.name;
  if (f.organizationId) ctx['aws:PrincipalOrgID'] = f.organizationId;
  if (f.requestTags) {
    for (const [k, v] of Object.entries(f.requestTags)) ctx[`aws:RequestTag/${k}`] = v;
    ctx['aws:TagKeys'] = Object.keys(f.requestTags);
  }
  return ctx;
};
