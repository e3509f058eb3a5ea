// What a user may reach through the portal: the assignments held directly or through a group,
// as accounts, and per account as permission sets (the portal's "roles").

import type { Store } from '../store.js';
import type { Instance } from '../instance/instance-repository.js';
import type { AccountAssignment } from '../assignments/account-assignment.js';
import type { PermissionSet } from '../permission-sets/permission-set.js';
import type { Account } from '../organizations/model.js';

export async function userAssignments(store: Store, instance: Instance, userId: string): Promise<AccountAssignment[]> {
  const memberships = await store.identityStore.listMemberships(instance.identityStoreId, { userId }, { limit: 100_000 });
  return store.ssoAdmin.listAssignmentsForPrincipals(instance.instanceArn, [
    { principalType: 'USER', principalId: userId },
    ...memberships.map((m) => ({ principalType: 'GROUP' as const, principalId: m.groupId })),
  ]);
}

/** The active accounts the user holds any assignment on. */
export async function userAccounts(store: Store, instance: Instance, userId: string): Promise<Account[]> {
  const ids = [...new Set((await userAssignments(store, instance, userId)).map((a) => a.accountId))];
  return (await store.organizations.getAccounts(ids)).filter((a) => a.status === 'ACTIVE');
}

/**
 * The permission sets the user holds on the account; none once the account has left the
 * organization (its assignments stay stored but inert) or is not active.
 */
export async function userPermissionSets(store: Store, instance: Instance, userId: string, accountId: string): Promise<PermissionSet[]> {
  if ((await store.organizations.getAccount(accountId))?.status !== 'ACTIVE') return [];
  const arns = new Set((await userAssignments(store, instance, userId)).filter((a) => a.accountId === accountId).map((a) => a.permissionSetArn));
  const sets = await Promise.all([...arns].map((arn) => store.ssoAdmin.getPermissionSet(arn)));
  return sets.filter((s): s is PermissionSet => s !== undefined);
}
