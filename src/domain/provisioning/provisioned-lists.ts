// ListAccountsForProvisionedPermissionSet and ListPermissionSetsProvisionedToAccount, answered
// from what is provisioned where: an account is up to date when its role was made at the
// permission set's current revision (LATEST_PERMISSION_SET_PROVISIONED), drifted otherwise.

import type { SsoContext } from '../permission-sets/sso-context.js';
import { requirePermissionSet } from '../permission-sets/sso-context.js';
import { validation } from '../permission-sets/errors.js';
import { paginate, type Page, type PageRequest } from '../permission-sets/page.js';
import type { ProvisionedPermissionSet } from './provisioning-job.js';

export type ProvisioningStatusFilter = 'LATEST_PERMISSION_SET_PROVISIONED' | 'LATEST_PERMISSION_SET_NOT_PROVISIONED';
const FILTERS: readonly string[] = ['LATEST_PERMISSION_SET_PROVISIONED', 'LATEST_PERMISSION_SET_NOT_PROVISIONED'];

function checkFilter(filter: string | undefined): ProvisioningStatusFilter | undefined {
  if (filter !== undefined && !FILTERS.includes(filter)) throw validation('ProvisioningStatus', `ProvisioningStatus must be one of ${FILTERS.join(', ')}.`);
  return filter as ProvisioningStatusFilter | undefined;
}

const matches = (filter: ProvisioningStatusFilter | undefined, current: boolean) =>
  filter === undefined || (filter === 'LATEST_PERMISSION_SET_PROVISIONED') === current;

export async function listAccountsForProvisionedPermissionSet(
  ctx: SsoContext,
  permissionSetArn: string,
  status: string | undefined,
  page: PageRequest,
): Promise<Page<string>> {
  const filter = checkFilter(status);
  const ps = await requirePermissionSet(ctx, permissionSetArn);
  const rows = await ctx.repos.ssoAdmin.listProvisionedForPermissionSet(permissionSetArn);
  const accounts = rows.filter((r) => matches(filter, r.revision >= ps.revision)).map((r) => r.accountId);
  return paginate(accounts, (a) => a, `accounts-for:${permissionSetArn}:${filter ?? ''}`, page);
}

export async function listPermissionSetsProvisionedToAccount(
  ctx: SsoContext,
  accountId: string,
  status: string | undefined,
  page: PageRequest,
): Promise<Page<string>> {
  const filter = checkFilter(status);
  const rows = await ctx.repos.ssoAdmin.listProvisionedForAccount(ctx.instance.instanceArn, accountId);
  const kept: ProvisionedPermissionSet[] = [];
  for (const r of rows) {
    const ps = await ctx.repos.ssoAdmin.getPermissionSet(r.permissionSetArn);
    if (ps && matches(filter, r.revision >= ps.revision)) kept.push(r);
  }
  return paginate(kept.map((r) => r.permissionSetArn), (a) => a, `sets-for:${accountId}:${filter ?? ''}`, page);
}
