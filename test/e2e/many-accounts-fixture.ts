// A user holding one permission set on a thousand accounts, seeded through the domain services
// (the demo seed's path) rather than a thousand SDK round trips: the accounts in one transaction,
// then one assignment request per account, as CreateAccountAssignment makes them. Provisioning
// runs in the background worker, as in production; the fixture waits until every assignment
// exists (an assignment exists once its request has been carried out).

import type { TestServer } from '../support/server.js';

export const MANY_USER = { userName: 'morgan', password: 'lantern-quarry-meadow-4481' };

/** Teams in the account names: typing one narrows the list to a tenth. */
export const TEAMS = ['Payments', 'Search', 'Identity', 'Billing', 'Analytics', 'Mobile', 'Storage', 'Network', 'Media', 'Ledger'] as const;

export interface ManyAccountsWorld {
  readonly userId: string;
  /** Every account's id and name, in creation order (which is not name order). */
  readonly accounts: readonly { readonly id: string; readonly name: string; readonly email: string }[];
}

/** Account n's name: creation order is scrambled against name order (7919 is prime to 1000). */
export const accountName = (n: number, count: number): string => {
  const k = (n * 7919) % count;
  return `${TEAMS[k % TEAMS.length]} ${String(k).padStart(4, '0')}`;
};

export async function seedManyAccounts(server: TestServer, count = 1000): Promise<ManyAccountsWorld> {
  const services = server.server.services;
  const { instanceArn, identityStoreId } = await services.instance.get();
  const user = await services.identityStore.createUser(identityStoreId, {
    UserName: MANY_USER.userName,
    DisplayName: 'Morgan Many',
    Name: { GivenName: 'Morgan', FamilyName: 'Many' },
  });
  await services.directory.setPassword(user.userId, MANY_USER.password);
  const accounts = await services.ports.store.transaction(async (tx) => {
    const made = [];
    for (let n = 0; n < count; n++) {
      const name = accountName(n, count);
      made.push(await services.organizations.createAccountDirect(tx, { name, email: `team-${n}@many.example.com` }));
    }
    return made;
  });
  const ps = await services.ssoAdmin.createPermissionSet(instanceArn, { name: 'ReadOnly', description: 'Read everything, change nothing' });
  for (const a of accounts) {
    await services.ssoAdmin.createAccountAssignment(instanceArn, {
      permissionSetArn: ps.permissionSetArn,
      principalType: 'USER',
      principalId: user.userId,
      targetType: 'AWS_ACCOUNT',
      targetId: a.id,
    });
  }
  await provisioned(server, instanceArn, user.userId, count);
  return { userId: user.userId, accounts: accounts.map((a) => ({ id: a.id, name: a.name, email: a.email })) };
}

/** Waits until the worker has carried out every assignment request (two minutes at most). */
async function provisioned(server: TestServer, instanceArn: string, userId: string, count: number): Promise<void> {
  const store = server.server.services.ports.store;
  const deadline = Date.now() + 120_000;
  let held = 0;
  while (Date.now() < deadline) {
    held = (await store.ssoAdmin.listAssignmentsForPrincipals(instanceArn, [{ principalType: 'USER', principalId: userId }])).length;
    if (held === count) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`only ${held} of ${count} assignments were carried out`);
}
