// Which AWS API calls the audit log keeps. Every call that may change something, whether it
// succeeded or not; every refusal (AccessDenied), read or write; never a read that was answered,
// which is most of the traffic and changes nothing, nor GetCallerIdentity, which anyone may ask.
// Calls whose signature did not verify never reach here: there is nobody to name.

import type { AuditEventInput, AuditIdentity } from '../domain/audit/audit-event.js';
import type { Principal } from '../domain/principal.js';
import type { Services } from '../domain/services.js';
import { isReadOnly, type ActionCatalog } from '../protocols/authorization/action-catalog.js';
import type { ApiCall, OnCall } from '../protocols/http/aws-routes-options.js';

/** `always`: any outcome; `refused`: only an AccessDenied (reads); `never`. */
export type ApiCallRule = 'always' | 'refused' | 'never';

const NEVER_RECORDED: ReadonlySet<string> = new Set(['sts:GetCallerIdentity']);

/** The wire names of a refusal: awsJson services, then the query services (sts, iam). */
const REFUSALS: ReadonlySet<string> = new Set(['AccessDeniedException', 'AccessDenied']);

/** A user agent is the caller's to choose; the log keeps this much of it. */
const MAX_USER_AGENT = 1024;

/** The Gatehouse admin API is not in the AWS catalog; its reads say so in their names. */
const GATEHOUSE_READ = /^gatehouse:(?:List|Describe|Get|Lookup)[A-Z]/;

export const apiCallRule = (catalog: ActionCatalog, action: string): ApiCallRule => {
  if (NEVER_RECORDED.has(action)) return 'never';
  const readOnly = action.startsWith('gatehouse:') ? GATEHOUSE_READ.test(action) : isReadOnly(catalog.get(action.toLowerCase()));
  return readOnly ? 'refused' : 'always';
};

/** As CloudTrail names callers: a role session has no user name; its ARN names the session. */
const identityOf = (p: Principal): AuditIdentity =>
  p.kind === 'iam-user'
    ? { type: 'IAMUser', arn: p.arn, accountId: p.accountId, userName: p.name, principalId: p.userId, accessKeyId: p.accessKeyId }
    : { type: 'AssumedRole', arn: p.arn, accountId: p.accountId, principalId: p.userId, accessKeyId: p.accessKeyId };

const parametersOf = (input: unknown): Record<string, unknown> | undefined =>
  typeof input === 'object' && input !== null && !Array.isArray(input) && Object.keys(input).length > 0
    ? (input as Record<string, unknown>)
    : undefined;

/** The event for a call; the audit log hides the secrets of its parameters. Never the response. */
export const apiCallEvent = (call: ApiCall, readOnly: boolean): AuditEventInput => {
  const requestParameters = parametersOf(call.input);
  return {
    eventSource: call.eventSource,
    eventName: call.action.slice(call.action.indexOf(':') + 1),
    awsRegion: call.region,
    sourceIPAddress: call.sourceIp,
    ...(call.userAgent !== undefined ? { userAgent: call.userAgent.slice(0, MAX_USER_AGENT) } : {}),
    requestId: call.requestId,
    userIdentity: identityOf(call.principal),
    readOnly,
    ...(call.error ? { errorCode: call.error.code, errorMessage: call.error.message } : {}),
    ...(requestParameters ? { requestParameters } : {}),
  };
};

/** The AWS routes' call hook that records what the rules above keep. */
export const createApiCallAuditor = (services: Services, catalog: ActionCatalog): OnCall => {
  const rules = new Map<string, ApiCallRule>();
  return (call) => {
    let rule = rules.get(call.action);
    if (rule === undefined) rules.set(call.action, (rule = apiCallRule(catalog, call.action)));
    // The answered read: the hot path, decided before anything is built.
    if (rule === 'refused' && (call.error === undefined || !REFUSALS.has(call.error.code))) return undefined;
    // Unsigned federation calls (AssumeRoleWithSAML) name nobody, and anyone could flood the log.
    if (rule === 'never' || call.principal.kind === 'anonymous') return undefined;
    return services.audit.record(apiCallEvent(call, rule === 'refused'));
  };
};
