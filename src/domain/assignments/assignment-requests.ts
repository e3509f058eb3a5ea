// CreateAccountAssignment and DeleteAccountAssignment: checked at once, then queued as a
// provisioning job (committed before the call returns); the assignment exists, or is gone,
// when the job has succeeded.

import type { SsoContext } from '../permission-sets/sso-context.js';
import { requirePermissionSet } from '../permission-sets/sso-context.js';
import { quotaExceeded, resourceNotFound, validation } from '../permission-sets/errors.js';
import type { ProvisioningJob } from '../provisioning/provisioning-job.js';
import { enqueueJob } from '../provisioning/enqueue-job.js';
import { PRINCIPAL_TYPES, type AssignmentKey, type PrincipalType } from './account-assignment.js';

/** Identity Center's quota of permission sets provisioned to one account. */
export const MAX_PERMISSION_SETS_PER_ACCOUNT = 250;

export interface AssignmentInput {
  readonly permissionSetArn: string;
  readonly principalType: string;
  readonly principalId: string;
  readonly targetType: string;
  readonly targetId: string;
}

function checkShape(input: AssignmentInput): AssignmentKey {
  if (input.targetType !== 'AWS_ACCOUNT') throw validation('TargetType', 'TargetType must be AWS_ACCOUNT.');
  if (!/^\d{12}$/.test(input.targetId)) throw validation('TargetId', 'TargetId must be a 12-digit account id.');
  if (!PRINCIPAL_TYPES.includes(input.principalType as PrincipalType)) throw validation('PrincipalType', 'PrincipalType must be USER or GROUP.');
  return {
    permissionSetArn: input.permissionSetArn,
    accountId: input.targetId,
    principalType: input.principalType as PrincipalType,
    principalId: input.principalId,
  };
}

async function requireAccount(ctx: SsoContext, accountId: string): Promise<void> {
  const account = await ctx.repos.organizations.getAccount(accountId);
  if (!account || account.status !== 'ACTIVE') throw resourceNotFound('Account', `Account ${accountId} is not an active account of the organization.`);
}

async function requirePrincipal(ctx: SsoContext, key: AssignmentKey): Promise<void> {
  const storeId = ctx.instance.identityStoreId;
  const found = key.principalType === 'USER'
    ? await ctx.repos.identityStore.getUser(storeId, key.principalId)
    : await ctx.repos.identityStore.getGroup(storeId, key.principalId);
  if (!found) throw resourceNotFound('Principal', `The ${key.principalType.toLowerCase()} ${key.principalId} does not exist in the identity store.`);
}

async function checkAccountQuota(ctx: SsoContext, key: AssignmentKey): Promise<void> {
  const provisioned = await ctx.repos.ssoAdmin.listProvisionedForAccount(ctx.instance.instanceArn, key.accountId);
  if (provisioned.length >= MAX_PERMISSION_SETS_PER_ACCOUNT && !provisioned.some((p) => p.permissionSetArn === key.permissionSetArn)) {
    throw quotaExceeded('PermissionSet', `Account ${key.accountId} has the most permission sets provisioned that it may have (${MAX_PERMISSION_SETS_PER_ACCOUNT}).`);
  }
}

export async function createAccountAssignment(ctx: SsoContext, input: AssignmentInput): Promise<ProvisioningJob> {
  const key = checkShape(input);
  await requirePermissionSet(ctx, key.permissionSetArn);
  await requireAccount(ctx, key.accountId);
  await requirePrincipal(ctx, key);
  await checkAccountQuota(ctx, key);
  return enqueueJob(ctx, { kind: 'CREATE_ASSIGNMENT', ...principalOf(key), permissionSetArn: key.permissionSetArn, targetType: 'AWS_ACCOUNT', targetId: key.accountId }, [key.accountId]);
}

const principalOf = (key: AssignmentKey) => ({ principalType: key.principalType, principalId: key.principalId });

/** The assignment must exist, or be on its way (a creation still queued). */
export async function deleteAccountAssignment(ctx: SsoContext, input: AssignmentInput): Promise<ProvisioningJob> {
  const key = checkShape(input);
  await requirePermissionSet(ctx, key.permissionSetArn);
  const repo = ctx.repos.ssoAdmin;
  const exists = (await repo.getAssignment(key)) !== undefined ||
    (await repo.listUnfinishedJobs(key.permissionSetArn, 'CREATE_ASSIGNMENT', key.accountId))
      .some((j) => j.principalType === key.principalType && j.principalId === key.principalId);
  if (!exists) throw resourceNotFound('AccountAssignment', 'The account assignment does not exist.');
  return enqueueJob(ctx, { kind: 'DELETE_ASSIGNMENT', ...principalOf(key), permissionSetArn: key.permissionSetArn, targetType: 'AWS_ACCOUNT', targetId: key.accountId }, [key.accountId]);
}
