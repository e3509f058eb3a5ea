// --demo: a small organization to look around in: two OUs, three member accounts, a few people
// and groups. Seeding is idempotent: a second start with --demo finds the demo and says so.

import type { Services } from '../../domain/services.js';
import { DEMO_ACCOUNTS, DEMO_GROUPS, DEMO_OUS, DEMO_PERMISSION_SETS, DEMO_USERS } from './demo-data.js';
import { seedAccess } from './seed-access.js';
import { ensureAccountAccessRoles } from '../../domain/organizations-iam/ensure-account-access-roles.js';

const seedOrganization = async (services: Services): Promise<Map<string, string>> => {
  const { organizations, ports } = services;
  const [root] = await ports.store.organizations.listRoots();
  const ouIds = new Map<string, string>();
  for (const name of DEMO_OUS) {
    ouIds.set(name, (await organizations.createOrganizationalUnit({ parentId: root.id, name })).id);
  }
  const accountIds = new Map<string, string>();
  await ports.store.transaction(async (tx) => {
    for (const a of DEMO_ACCOUNTS) {
      accountIds.set(a.name, (await organizations.createAccountDirect(tx, { name: a.name, email: a.email, parentId: ouIds.get(a.ou) })).id);
    }
  });
  await ensureAccountAccessRoles(services);
  return accountIds;
};

/** Returns the groups' ids by name. */
const seedIdentityStore = async (services: Services, identityStoreId: string): Promise<Map<string, string>> => {
  const { identityStore } = services;
  const userIds = new Map<string, string>();
  for (const u of DEMO_USERS) {
    const user = await identityStore.createUser(identityStoreId, {
      UserName: u.userName,
      DisplayName: `${u.givenName} ${u.familyName}`,
      Name: { GivenName: u.givenName, FamilyName: u.familyName },
      Emails: [{ Value: u.email, Type: 'work', Primary: true }],
      Title: u.title,
    });
    userIds.set(u.userName, user.userId);
    await services.directory.setPassword(user.userId, u.password);
  }
  const groupIds = new Map<string, string>();
  for (const g of DEMO_GROUPS) {
    const group = await identityStore.createGroup(identityStoreId, { DisplayName: g.name, Description: g.description });
    groupIds.set(g.name, group.groupId);
    for (const member of g.members) {
      await identityStore.createGroupMembership(identityStoreId, group.groupId, { UserId: userIds.get(member)! });
    }
  }
  return groupIds;
};

export const seedDemo = async (services: Services, print: (line: string) => void): Promise<void> => {
  const instance = await services.instance.get();
  const seeded = await services.ports.store.organizations.getAccountByEmail(DEMO_ACCOUNTS[0].email);
  if (!seeded) {
    const accountIds = await seedOrganization(services);
    const groupIds = await seedIdentityStore(services, instance.identityStoreId);
    await seedAccess(services, groupIds, accountIds);
  }
  print(`Demo organization ${seeded ? 'already seeded' : 'seeded'}: accounts ${DEMO_ACCOUNTS.map((a) => a.name).join(', ')};`);
  print(`  identity store ${instance.identityStoreId}: users ${DEMO_USERS.map((u) => u.userName).join(', ')}; groups ${DEMO_GROUPS.map((g) => g.name).join(', ')}.`);
  print(`  permission sets ${DEMO_PERMISSION_SETS.map((p) => p.name).join(', ')}, assigned to the groups.`);
  for (const u of DEMO_USERS) print(`  Sign in as ${u.userName} with the password ${u.password} (${DEMO_GROUPS.filter((g) => (g.members as readonly string[]).includes(u.userName)).map((g) => g.name).join(', ')}).`);
  print('  Try: aws identitystore list-users --identity-store-id ' + instance.identityStoreId);
};
