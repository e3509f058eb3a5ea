// What the worker's steps work with inside one batch transaction: the repositories of that
// transaction, the instance, the time and randomness, the home region (it shapes role paths),
// and the permission sets read so far in the batch.

import type { Random } from '../../lib/random.js';
import type { Instance } from '../instance/instance-repository.js';
import type { Repositories } from '../store.js';
import type { IamContext } from '../iam/context.js';
import type { PermissionSet } from '../permission-sets/permission-set.js';

export interface ProvisioningContext {
  readonly repos: Repositories;
  readonly instance: Instance;
  readonly now: number;
  readonly random: Random;
  readonly homeRegion: string;
  readonly permissionSets: Map<string, PermissionSet | undefined>;
}

export const iamContext = (ctx: ProvisioningContext, accountId: string): IamContext => ({
  repo: ctx.repos.iam,
  accountId,
  now: ctx.now,
  random: ctx.random,
});

/** The permission set, read once per batch. */
export async function loadPermissionSet(ctx: ProvisioningContext, arn: string): Promise<PermissionSet | undefined> {
  if (!ctx.permissionSets.has(arn)) ctx.permissionSets.set(arn, await ctx.repos.ssoAdmin.getPermissionSet(arn));
  return ctx.permissionSets.get(arn);
}
