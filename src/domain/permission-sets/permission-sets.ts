// Permission sets: create, describe, update, delete, list. A change to what the role must look
// like (the description, here) bumps the revision, which leaves every account provisioned at
// an older one drifted until the permission set is provisioned again.

import { randomHex } from '../../lib/random.js';
import type { PermissionSet, Tag } from './permission-set.js';
import type { SsoContext } from './sso-context.js';
import { requirePermissionSet } from './sso-context.js';
import { newPermissionSetArn } from './permission-set-arn.js';
import { checkDescription, checkName, checkRelayState, checkSessionDuration, DEFAULT_SESSION_DURATION } from './permission-set-rules.js';
import { checkTags, MAX_TAGS } from './tags.js';
import { conflictWith, quotaExceeded } from './errors.js';
import { paginate, type Page, type PageRequest } from './page.js';

/** Identity Center's quota of permission sets per instance. */
export const MAX_PERMISSION_SETS = 2000;

export interface CreatePermissionSetInput {
  readonly name: string;
  readonly description?: string;
  readonly sessionDuration?: string;
  readonly relayState?: string;
  readonly tags?: readonly Tag[];
}

export async function createPermissionSet(ctx: SsoContext, input: CreatePermissionSetInput): Promise<PermissionSet> {
  checkName(input.name);
  checkDescription(input.description);
  checkSessionDuration(input.sessionDuration);
  checkRelayState(input.relayState);
  const tags = input.tags ?? [];
  checkTags(tags);
  if (tags.length > MAX_TAGS) throw quotaExceeded('Tag', `A permission set may have at most ${MAX_TAGS} tags.`);
  const repo = ctx.repos.ssoAdmin;
  if ((await repo.countPermissionSets(ctx.instance.instanceArn)) >= MAX_PERMISSION_SETS) {
    throw quotaExceeded('PermissionSet', `The instance has the most permission sets allowed (${MAX_PERMISSION_SETS}).`);
  }
  const ps: PermissionSet = {
    instanceArn: ctx.instance.instanceArn,
    permissionSetArn: newPermissionSetArn(ctx.instance.instanceArn, ctx.random),
    name: input.name,
    description: input.description,
    sessionDuration: input.sessionDuration ?? DEFAULT_SESSION_DURATION,
    relayState: input.relayState,
    createdAt: ctx.now,
    managedPolicyArns: [],
    customerManagedPolicies: [],
    inlinePolicy: undefined,
    permissionsBoundary: undefined,
    revision: 1,
    roleSuffix: randomHex(ctx.random, 16),
    tags: tags.map((t) => ({ key: t.key, value: t.value })),
  };
  await repo.insertPermissionSet(ps);
  return ps;
}

export const describePermissionSet = (ctx: SsoContext, arn: string): Promise<PermissionSet> => requirePermissionSet(ctx, arn);

export interface UpdatePermissionSetInput {
  readonly description?: string;
  readonly sessionDuration?: string;
  readonly relayState?: string;
}

export async function updatePermissionSet(ctx: SsoContext, arn: string, input: UpdatePermissionSetInput): Promise<void> {
  checkDescription(input.description);
  checkSessionDuration(input.sessionDuration);
  checkRelayState(input.relayState);
  const ps = await requirePermissionSet(ctx, arn, true);
  const next: PermissionSet = {
    ...ps,
    description: input.description ?? ps.description,
    sessionDuration: input.sessionDuration ?? ps.sessionDuration,
    relayState: input.relayState ?? ps.relayState,
  };
  // Only the description is part of the role; the session settings are read at sign-in.
  const revision = next.description !== ps.description ? ps.revision + 1 : ps.revision;
  await ctx.repos.ssoAdmin.updatePermissionSet({ ...next, revision });
}

/** Refused while the permission set is assigned or provisioned anywhere, or about to be. */
export async function deletePermissionSet(ctx: SsoContext, arn: string): Promise<void> {
  const ps = await requirePermissionSet(ctx, arn, true);
  const repo = ctx.repos.ssoAdmin;
  const provisioned = await repo.listProvisionedForPermissionSet(arn);
  if (provisioned.length > 0) {
    throw conflictWith('PermissionSet', `Permission set ${ps.name} is provisioned to ${provisioned.length} account(s); delete its account assignments first.`);
  }
  if ((await repo.permissionSetHasAssignments(arn)) || (await repo.listUnfinishedJobs(arn)).length > 0) {
    throw conflictWith('PermissionSet', `Permission set ${ps.name} has account assignments or provisioning in progress; delete the assignments first.`);
  }
  await repo.deletePermissionSet(arn);
}

export async function listPermissionSets(ctx: SsoContext, page: PageRequest): Promise<Page<string>> {
  const all = await ctx.repos.ssoAdmin.listPermissionSets(ctx.instance.instanceArn);
  return paginate(all.map((p) => p.permissionSetArn), (a) => a, 'ListPermissionSets', page);
}
