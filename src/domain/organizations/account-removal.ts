// An account leaves the organization: RemoveAccountFromOrganization (from the management
// account) or LeaveOrganization (from the member account itself). It becomes a standalone
// account: it keeps its IAM, Organizations no longer lists it, its policy attachments and tags in
// the organization are deleted, and no SCP applies to it any more. Runs in the caller's
// transaction, so a refusal writes nothing.

import type { OrgContext } from './context.js';
import type { StandaloneAccount } from './model.js';
import { GatehouseError } from '../../lib/errors.js';
import { constraintViolation } from './errors.js';
import { requireAccount, requireOrganization } from './hierarchy.js';

/** MasterCannotLeaveOrganizationException (LeaveOrganization from the management account). */
const managementCannotLeave = () =>
  new GatehouseError('InvalidState', "You can't remove a management account from an organization. Delete the organization instead.", {
    resource: 'ManagementAccount',
  });

async function makeStandalone(ctx: OrgContext, accountId: string): Promise<StandaloneAccount> {
  const account = await requireAccount(ctx.repo, accountId);
  // AWS refuses rather than dropping the registrations: another account must take them over first.
  const delegated = await ctx.repo.listDelegatedServicesForAccount(accountId);
  if (delegated.length > 0) {
    throw constraintViolation(
      'CANNOT_REMOVE_DELEGATED_ADMINISTRATOR_FROM_ORG',
      `The account ${accountId} is a delegated administrator for ${delegated.map((d) => d.servicePrincipal).join(', ')}: deregister it first.`,
    );
  }
  await ctx.repo.detachAllFromTarget(accountId);
  const tags = await ctx.repo.listTags(accountId);
  await ctx.repo.removeTags(accountId, tags.map((t) => t.key));
  await ctx.repo.deleteAccount(accountId);
  const standalone: StandaloneAccount = { id: account.id, name: account.name, email: account.email, removedAt: ctx.now };
  await ctx.repo.putStandaloneAccount(standalone);
  return standalone;
}

/** RemoveAccountFromOrganization: the management account itself can't be removed. */
export async function removeAccountFromOrganization(ctx: OrgContext, accountId: string): Promise<StandaloneAccount> {
  const org = await requireOrganization(ctx.repo);
  if (accountId === org.managementAccountId) {
    throw constraintViolation('ACCOUNT_CANNOT_LEAVE_ORGANIZATION', "You can't remove the management account from the organization. Delete the organization instead.");
  }
  return makeStandalone(ctx, accountId);
}

/** LeaveOrganization, by the calling account. */
export async function leaveOrganization(ctx: OrgContext, callerAccountId: string): Promise<StandaloneAccount> {
  const org = await requireOrganization(ctx.repo);
  if (callerAccountId === org.managementAccountId) throw managementCannotLeave();
  return makeStandalone(ctx, callerAccountId);
}
