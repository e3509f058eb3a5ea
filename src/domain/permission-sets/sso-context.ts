// What sso-admin's rules work with inside one unit of work: the repositories (inside the
// transaction for writes), the instance, the request time and randomness.

import type { Random } from '../../lib/random.js';
import type { Instance } from '../instance/instance-repository.js';
import type { Repositories } from '../store.js';
import type { PermissionSet } from './permission-set.js';
import { belongsToInstance } from './permission-set-arn.js';
import { resourceNotFound } from './errors.js';

export interface SsoContext {
  readonly repos: Repositories;
  readonly instance: Instance;
  /** Epoch milliseconds. */
  readonly now: number;
  readonly random: Random;
}

/** Every operation names the instance; any other ARN does not exist. */
export function checkInstance(ctx: SsoContext, instanceArn: string | undefined): void {
  if (instanceArn !== undefined && instanceArn !== ctx.instance.instanceArn) {
    throw resourceNotFound('Instance', `Instance ${instanceArn} does not exist.`);
  }
}

/** The permission set, or ResourceNotFound. `forUpdate` locks it for a read-modify-write. */
export async function requirePermissionSet(ctx: SsoContext, arn: string, forUpdate = false): Promise<PermissionSet> {
  const ps = belongsToInstance(arn, ctx.instance.instanceArn)
    ? await ctx.repos.ssoAdmin.getPermissionSet(arn, { forUpdate })
    : undefined;
  if (!ps) throw resourceNotFound('PermissionSet', `Permission set ${arn} does not exist.`);
  return ps;
}
