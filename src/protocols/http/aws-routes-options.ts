// What the composition root gives the AWS wire adapters.

import type { Principal } from '../../domain/principal.js';
import type { Services } from '../../domain/services.js';
import type { Clock } from '../../lib/clock.js';
import type { CallContext, ServiceHandlers } from '../operation.js';
import type { ResolveCredentials } from '../sigv4/resolve-credentials.js';

/** Decides a call; throws GatehouseError 'AccessDenied' to refuse it. */
export type Authorize = (principal: Principal, action: string, input: unknown, ctx: CallContext) => Promise<void>;

/** One call that reached an operation of a service, and how it ended. */
export interface ApiCall {
  readonly requestId: string;
  /** The verified signer, or ANONYMOUS for the unsigned STS federation calls. */
  readonly principal: Principal;
  /** The region of the credential scope. */
  readonly region: string;
  readonly sourceIp: string;
  readonly userAgent?: string;
  /** `prefix:Operation`, as authorization names it (`identitystore:CreateUser`). */
  readonly action: string;
  /** `<signing name>.amazonaws.com`: `sso.amazonaws.com` for sso-admin, `gatehouse.amazonaws.com`. */
  readonly eventSource: string;
  /** The validated input; the decoded one when validation refused it; absent when nothing decoded. */
  readonly input?: unknown;
  /** The wire error the caller was answered with (`AccessDeniedException`, `AccessDenied`, ...). */
  readonly error?: { readonly code: string; readonly message: string };
}

/**
 * Hears every call once its outcome is known, before the answer is sent. It cannot change the
 * answer. Returning nothing (instead of a promise) costs the call no wait.
 */
export type OnCall = (call: ApiCall) => Promise<void> | undefined;

export interface AwsRoutesOptions {
  /** Keyed by model file prefix: 'identitystore', 'organizations', 'sso-admin', 'sts', 'iam'. */
  readonly handlers: Readonly<Record<string, ServiceHandlers>>;
  readonly services: Services;
  /** The region this endpoint serves; signatures must be scoped to it. */
  readonly region: string;
  readonly clock: Clock;
  readonly resolveCredentials: ResolveCredentials;
  readonly authorize: Authorize;
  /** Told of every call that reached an operation (the audit log); never of a failed signature. */
  readonly onCall?: OnCall;
  /** Where the AWS models live; the repository's `models/aws/` by default. */
  readonly modelsDir?: string;
}
