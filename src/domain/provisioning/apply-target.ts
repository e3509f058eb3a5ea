// One job in one account: what each kind of request means there. Assignment rows, the role and
// the record of what is provisioned change together in the caller's transaction. A reason the
// account cannot be served (a missing customer managed policy) is found before anything is
// written, and becomes that account's FailureReason.

import type { PermissionSet } from '../permission-sets/permission-set.js';
import type { ProvisioningJob, TargetResult } from './provisioning-job.js';
import { iamContext, loadPermissionSet, type ProvisioningContext } from './provisioning-context.js';
import { roleSpec } from './role-spec.js';
import { ensureRole, precheckRole } from './ensure-role.js';
import { removeRole } from './remove-role.js';
import { ensureSamlProvider, ensureServiceLinkedRole } from './account-setup.js';

const ok = (accountId: string): TargetResult => ({ accountId, status: 'SUCCEEDED' });
const failed = (accountId: string, failureReason: string): TargetResult => ({ accountId, status: 'FAILED', failureReason });

/** Makes the role current in the account; returns why not, when it cannot. */
export async function provisionRole(ctx: ProvisioningContext, ps: PermissionSet, accountId: string): Promise<string | undefined> {
  const iam = iamContext(ctx, accountId);
  const spec = roleSpec(ps, accountId, ctx.instance.instanceArn, ctx.homeRegion);
  const found = await precheckRole(iam, spec);
  if (found.failure !== undefined) return found.failure;
  await ensureServiceLinkedRole(iam);
  await ensureSamlProvider(iam, ctx.instance.instanceArn);
  await ensureRole(iam, spec, found.existing);
  await ctx.repos.ssoAdmin.putProvisioned({
    instanceArn: ps.instanceArn,
    permissionSetArn: ps.permissionSetArn,
    accountId,
    revision: ps.revision,
    roleName: spec.roleName,
    provisionedAt: ctx.now,
  });
  return undefined;
}

/** Deletes the role and its record when the permission set has no assignment left there. */
async function removeIfUnassigned(ctx: ProvisioningContext, ps: PermissionSet, accountId: string): Promise<void> {
  if ((await ctx.repos.ssoAdmin.listAssignmentsForAccount(ps.permissionSetArn, accountId)).length > 0) return;
  await removeRole(iamContext(ctx, accountId), roleSpec(ps, accountId, ctx.instance.instanceArn, ctx.homeRegion).roleName);
  await ctx.repos.ssoAdmin.deleteProvisioned(ps.permissionSetArn, accountId);
}

async function createAssignment(ctx: ProvisioningContext, job: ProvisioningJob, ps: PermissionSet, accountId: string): Promise<TargetResult> {
  if (!(await ctx.repos.organizations.getAccount(accountId))) return failed(accountId, `Account ${accountId} is no longer in the organization.`);
  const reason = await provisionRole(ctx, ps, accountId);
  if (reason) return failed(accountId, reason);
  await ctx.repos.ssoAdmin.insertAssignment({
    instanceArn: ps.instanceArn,
    permissionSetArn: ps.permissionSetArn,
    accountId,
    principalType: job.principalType!,
    principalId: job.principalId!,
    createdAt: ctx.now,
  });
  return ok(accountId);
}

async function deleteAssignment(ctx: ProvisioningContext, job: ProvisioningJob, ps: PermissionSet, accountId: string): Promise<TargetResult> {
  await ctx.repos.ssoAdmin.deleteAssignment({
    permissionSetArn: ps.permissionSetArn,
    accountId,
    principalType: job.principalType!,
    principalId: job.principalId!,
  });
  await removeIfUnassigned(ctx, ps, accountId);
  return ok(accountId);
}

/** Provisioning serves accounts where the permission set is assigned; elsewhere nothing is due. */
async function provision(ctx: ProvisioningContext, ps: PermissionSet, accountId: string): Promise<TargetResult> {
  const assigned = (await ctx.repos.ssoAdmin.listAssignmentsForAccount(ps.permissionSetArn, accountId)).length > 0;
  if (!assigned) {
    await removeIfUnassigned(ctx, ps, accountId);
    return ok(accountId);
  }
  const reason = await provisionRole(ctx, ps, accountId);
  return reason ? failed(accountId, reason) : ok(accountId);
}

export async function applyTarget(ctx: ProvisioningContext, job: ProvisioningJob, accountId: string): Promise<TargetResult> {
  const ps = await loadPermissionSet(ctx, job.permissionSetArn);
  if (!ps) {
    // Deleting what no longer exists is done; anything else cannot be.
    return job.kind === 'DELETE_ASSIGNMENT' ? ok(accountId) : failed(accountId, `Permission set ${job.permissionSetArn} no longer exists.`);
  }
  if (job.kind === 'CREATE_ASSIGNMENT') return createAssignment(ctx, job, ps, accountId);
  if (job.kind === 'DELETE_ASSIGNMENT') return deleteAssignment(ctx, job, ps, accountId);
  return provision(ctx, ps, accountId);
}
