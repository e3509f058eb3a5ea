// --demo seeds a small organization once, and the real SDK clients see it.

import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { OrganizationsClient, ListAccountsCommand } from '@aws-sdk/client-organizations';
import { IdentitystoreClient, ListUsersCommand, ListGroupsCommand } from '@aws-sdk/client-identitystore';
import { startTestServer, type TestServer } from '../support/server.js';
import { seedDemo } from '../../src/server/demo/seed-demo.js';
import { SSOAdminClient, ListPermissionSetsCommand, DescribePermissionSetCommand, ListPermissionSetsProvisionedToAccountCommand } from '@aws-sdk/client-sso-admin';

let server: TestServer;
before(async () => (server = await startTestServer({ demo: true })));
after(() => server.close());

test('the demo organization has the management account and three member accounts', async () => {
  const orgs = new OrganizationsClient(server.clientConfig);
  const { Accounts } = await orgs.send(new ListAccountsCommand({}));
  assert.deepEqual(Accounts?.map((a) => a.Name).sort(), ['Management', 'Production', 'Sandbox', 'Staging']);
});

test('the demo identity store has users and groups', async () => {
  const ids = new IdentitystoreClient(server.clientConfig);
  const { identityStoreId } = await server.server.services.instance.get();
  const users = await ids.send(new ListUsersCommand({ IdentityStoreId: identityStoreId }));
  assert.deepEqual(users.Users?.map((u) => u.UserName).sort(), ['alice', 'bob', 'carol']);
  const groups = await ids.send(new ListGroupsCommand({ IdentityStoreId: identityStoreId }));
  assert.deepEqual(groups.Groups?.map((g) => g.DisplayName).sort(), ['Administrators', 'Auditors', 'Developers']);
});

test('seeding again changes nothing and says so', async () => {
  const lines: string[] = [];
  await seedDemo(server.server.services, (l) => lines.push(l));
  assert.match(lines[0], /already seeded/);
  const { Accounts } = await new OrganizationsClient(server.clientConfig).send(new ListAccountsCommand({}));
  assert.equal(Accounts?.length, 4);
});

test('the demo permission sets are assigned and provisioned to the member accounts', async () => {
  const sso = new SSOAdminClient(server.clientConfig);
  const { instanceArn: InstanceArn } = await server.server.services.instance.get();
  const { PermissionSets } = await sso.send(new ListPermissionSetsCommand({ InstanceArn }));
  const names = await Promise.all(PermissionSets!.map(async (PermissionSetArn) => (await sso.send(new DescribePermissionSetCommand({ InstanceArn, PermissionSetArn }))).PermissionSet!.Name));
  assert.deepEqual(names.sort(), ['AdministratorAccess', 'Developer', 'ReadOnlyAccess']);
  const { Accounts } = await new OrganizationsClient(server.clientConfig).send(new ListAccountsCommand({}));
  const sandbox = Accounts!.find((a) => a.Name === 'Sandbox')!.Id!;
  // Provisioning is asynchronous: wait until all three sets are provisioned to the Sandbox.
  let provisioned: string[] = [];
  for (let i = 0; i < 200 && provisioned.length < 3; i++) {
    provisioned = (await sso.send(new ListPermissionSetsProvisionedToAccountCommand({ InstanceArn, AccountId: sandbox, ProvisioningStatus: 'LATEST_PERMISSION_SET_PROVISIONED' }))).PermissionSets ?? [];
    if (provisioned.length < 3) await new Promise((r) => setTimeout(r, 50));
  }
  assert.equal(provisioned.length, 3);
});

test('the demo users sign in with the printed passwords', async () => {
  const lines: string[] = [];
  await seedDemo(server.server.services, (l) => lines.push(l));
  const printed = lines.find((l) => l.includes('Sign in as bob'));
  const password = /the password (\S+)/.exec(printed ?? '')?.[1];
  assert.ok(password, lines.join('\n'));
  const check = await server.server.services.directory.checkPassword('bob', password);
  assert.equal(check.ok, true);
});
