// ProvisionPermissionSet: bring the permission set's role up to its latest revision in one
// account (AWS_ACCOUNT) or in every account it is provisioned to (ALL_PROVISIONED_ACCOUNTS, the
// accounts as they stand at the request). One job, however many accounts.

import type { SsoContext } from '../permission-sets/sso-context.js';
import { requirePermissionSet } from '../permission-sets/sso-context.js';
import { resourceNotFound, validation } from '../permission-sets/errors.js';
import type { ProvisioningJob } from './provisioning-job.js';
import { enqueueJob } from './enqueue-job.js';

export async function provisionPermissionSet(
  ctx: SsoContext,
  permissionSetArn: string,
  targetType: string,
  targetId: string | undefined,
): Promise<ProvisioningJob> {
  await requirePermissionSet(ctx, permissionSetArn);
  if (targetType === 'ALL_PROVISIONED_ACCOUNTS') {
    if (targetId !== undefined) throw validation('TargetId', 'TargetId is not used with ALL_PROVISIONED_ACCOUNTS.');
    const accounts = (await ctx.repos.ssoAdmin.listProvisionedForPermissionSet(permissionSetArn)).map((p) => p.accountId);
    return enqueueJob(ctx, { kind: 'PROVISION', permissionSetArn, targetType }, accounts);
  }
  if (targetType !== 'AWS_ACCOUNT') throw validation('TargetType', 'TargetType must be AWS_ACCOUNT or ALL_PROVISIONED_ACCOUNTS.');
  if (targetId === undefined || !/^\d{12}$/.test(targetId)) throw validation('TargetId', 'TargetId must be a 12-digit account id with AWS_ACCOUNT.');
  if (!(await ctx.repos.organizations.getAccount(targetId))) throw resourceNotFound('Account', `Account ${targetId} is not in the organization.`);
  return enqueueJob(ctx, { kind: 'PROVISION', permissionSetArn, targetType, targetId }, [targetId]);
}
