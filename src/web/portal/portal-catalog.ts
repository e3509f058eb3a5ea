// What the signed-in user holds, read once per page: accounts (sorted by name) each with the
// permission sets assigned on it. The portal API answers the same question page by page for a
// bearer token; the pages hold a cookie session, so they read the same domain functions.

import type { Store } from '../../domain/store.js';
import type { Instance } from '../../domain/instance/instance-repository.js';
import type { Account } from '../../domain/organizations/model.js';
import type { PermissionSet } from '../../domain/permission-sets/permission-set.js';
import { userAssignments } from '../../domain/portal/user-access.js';

export interface CatalogAccount {
  readonly account: Account;
  readonly roles: readonly PermissionSet[];
}

// One collator for the whole sort: localeCompare would build one per comparison.
const byName = new Intl.Collator('en', { sensitivity: 'base' }).compare;

export async function portalCatalog(store: Store, instance: Instance, userId: string): Promise<CatalogAccount[]> {
  const assignments = await userAssignments(store, instance, userId);
  const setsByAccount = new Map<string, Set<string>>();
  for (const a of assignments) {
    const sets = setsByAccount.get(a.accountId) ?? new Set<string>();
    sets.add(a.permissionSetArn);
    setsByAccount.set(a.accountId, sets);
  }
  // Each permission set is read once, however many accounts it is assigned on.
  const arns = [...new Set(assignments.map((a) => a.permissionSetArn))];
  const sets = new Map((await Promise.all(arns.map((arn) => store.ssoAdmin.getPermissionSet(arn)))).filter((s): s is PermissionSet => s !== undefined).map((s) => [s.permissionSetArn, s]));
  // One query per few hundred accounts, not one per account: a user may hold a thousand.
  const accounts = await store.organizations.getAccounts([...setsByAccount.keys()]);
  return accounts
    .filter((a) => a.status === 'ACTIVE')
    .map((account) => ({
      account,
      roles: [...setsByAccount.get(account.id)!].map((arn) => sets.get(arn)).filter((s): s is PermissionSet => s !== undefined).sort((x, y) => byName(x.name, y.name)),
    }))
    .sort((x, y) => byName(x.account.name, y.account.name) || x.account.id.localeCompare(y.account.id));
}

/** The filter the script applies as one types, applied on the server when the form is sent without it. */
export const matchesFilter = (a: Account, query: string): boolean => {
  const q = query.trim().toLowerCase();
  return q === '' || [a.name, a.id, a.email].some((v) => v.toLowerCase().includes(q));
};
