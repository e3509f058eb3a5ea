// What the composition root gives the AWS wire adapters.

import type { Principal } from '../../domain/principal.js';
import type { Services } from '../../domain/services.js';
import type { Clock } from '../../lib/clock.js';
import type { CallContext, ServiceHandlers } from '../operation.js';
import type { ResolveCredentials } from '../sigv4/resolve-credentials.js';

/** Decides a call; throws GatehouseError 'AccessDenied' to refuse it. */
export type Authorize = (principal: Principal, action: string, input: unknown, ctx: CallContext) => Promise<void>;

export interface AwsRoutesOptions {
  /** Keyed by model file prefix: 'identitystore', 'organizations', 'sso-admin', 'sts', 'iam'. */
  readonly handlers: Readonly<Record<string, ServiceHandlers>>;
  readonly services: Services;
  /** The region this endpoint serves; signatures must be scoped to it. */
  readonly region: string;
  readonly clock: Clock;
  readonly resolveCredentials: ResolveCredentials;
  readonly authorize: Authorize;
  /** Where the AWS models live; the repository's `models/aws/` by default. */
  readonly modelsDir?: string;
}
