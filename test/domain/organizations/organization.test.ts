// Bootstrap, the organization, its root, and who may call.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BACKENDS } from '../../support/backends.js';
import { isError, newAccount, openHarness, type Harness } from './harness.js';
import { FULL_AWS_ACCESS } from '../../../src/domain/organizations/full-aws-access.js';

for (const backend of BACKENDS) {
  describe(`organizations: organization and root (${backend.name})`, () => {
    let h: Harness;
    before(async () => (h = await openHarness(backend)));
    after(() => h.dispose());

    test('initialize creates the organization, management account, root and FullAWSAccess', async () => {
      const { organizationId, managementAccountId: mgmt, rootId, organizationArn } = h.org;
      assert.match(organizationId, /^o-[a-z0-9]{10}$/);
      assert.match(rootId, /^r-[a-z0-9]{4}$/);
      assert.match(mgmt, /^\d{12}$/);
      assert.equal(organizationArn, `arn:aws:organizations::${mgmt}:organization/${organizationId}`);
      const org = await h.service.describeOrganization();
      assert.equal(org.featureSet, 'ALL');
      assert.equal(org.managementAccountArn, `arn:aws:organizations::${mgmt}:account/${organizationId}/${mgmt}`);
      assert.equal(org.managementAccountEmail, 'mgmt@example.com');
      assert.deepEqual(org.availablePolicyTypes, [{ type: 'SERVICE_CONTROL_POLICY', status: 'ENABLED' }]);
      const roots = await h.service.listRoots({});
      assert.equal(roots.items.length, 1);
      assert.equal(roots.items[0]!.arn, `arn:aws:organizations::${mgmt}:root/${organizationId}/${rootId}`);
      assert.equal(roots.items[0]!.name, 'Root');
      assert.deepEqual(roots.items[0]!.policyTypes.map((t) => [t.type, t.status]), [['SERVICE_CONTROL_POLICY', 'ENABLED']]);
      const account = await h.service.describeAccount(mgmt);
      assert.equal(account.joinedMethod, 'INVITED');
      assert.equal(account.status, 'ACTIVE');
      assert.equal(account.parentId, rootId);
      const p = await h.service.describePolicy('p-FullAWSAccess');
      assert.deepEqual(p, FULL_AWS_ACCESS);
      assert.equal(p.arn, 'arn:aws:organizations::aws:policy/service_control_policy/p-FullAWSAccess');
      assert.deepEqual(JSON.parse(p.content), { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] });
      const targets = await h.service.listTargetsForPolicy('p-FullAWSAccess', {});
      assert.deepEqual(targets.items.map((t) => t.id).sort(), [mgmt, rootId].sort());
    });

    test('initialize refuses a second organization', async () => {
      await assert.rejects(
        h.store.transaction((tx) => h.service.initialize(tx, { managementAccountName: 'x', managementAccountEmail: 'x@example.com' })),
        isError('Conflict', { resource: 'Organization' }));
    });

    test('createAccountDirect adds an ACTIVE account with FullAWSAccess and a pending access role', async () => {
      const ou = await h.service.createOrganizationalUnit({ parentId: h.org.rootId, name: 'Demo' });
      const a = await h.store.transaction((tx) => h.service.createAccountDirect(tx, { name: 'Demo', email: 'demo@example.com', parentId: ou.id }));
      assert.equal(a.status, 'ACTIVE');
      assert.equal(a.joinedMethod, 'CREATED');
      assert.equal(a.parentId, ou.id);
      assert.deepEqual((await h.service.listPoliciesForTarget(a.id, 'SERVICE_CONTROL_POLICY', {})).items.map((p) => p.id), ['p-FullAWSAccess']);
      const pending = await h.service.pendingAccountRoles();
      assert.ok(pending.some((r) => r.accountId === a.id && r.roleName === 'OrganizationAccountAccessRole' && r.trustedAccountId === h.org.managementAccountId));
      await assert.rejects(h.store.transaction((tx) => h.service.createAccountDirect(tx, { name: 'Again', email: 'DEMO@example.com' })), isError('Conflict'));
      const root = await h.store.transaction((tx) => h.service.createAccountDirect(tx, { name: 'At root', email: 'root-demo@example.com' }));
      assert.equal(root.parentId, h.org.rootId);
      await h.store.transaction((tx) => h.service.completeAccountRole(tx, a.id, 'OrganizationAccountAccessRole'));
      assert.ok(!(await h.service.pendingAccountRoles()).some((r) => r.accountId === a.id));
    });

    test('authorizeCaller: management for writes, delegated administrators for reads, members for DescribeOrganization', async () => {
      const member = await newAccount(h);
      const admin = await newAccount(h);
      await h.service.enableServiceAccess('sso.amazonaws.com');
      await h.service.registerDelegatedAdministrator(admin, 'sso.amazonaws.com');
      await h.service.authorizeCaller(h.org.managementAccountId, 'management');
      await h.service.authorizeCaller(member, 'member');
      await h.service.authorizeCaller(admin, 'management-or-delegated');
      await assert.rejects(h.service.authorizeCaller(member, 'management-or-delegated'), isError('AccessDenied'));
      await assert.rejects(h.service.authorizeCaller(admin, 'management'), isError('AccessDenied'));
      await assert.rejects(h.service.authorizeCaller('999999999999', 'member'), isError('NotFound', { resource: 'Organization' }));
    });
  });

  describe(`organizations: no organization (${backend.name})`, () => {
    let h: Harness;
    before(async () => (h = await openHarness(backend, { initialize: false })));
    after(() => h.dispose());

    test('every operation answers AWSOrganizationsNotInUse', async () => {
      const notInUse = isError('NotFound', { resource: 'Organization' });
      await assert.rejects(h.service.describeOrganization(), notInUse);
      await assert.rejects(h.service.listRoots({}), notInUse);
      await assert.rejects(h.service.listAccounts({}), notInUse);
      await assert.rejects(h.service.createAccount({ email: 'a@example.com', accountName: 'a' }), notInUse);
      await assert.rejects(h.service.createPolicy({ content: '{}', description: '', name: 'x', type: 'TAG_POLICY' }), notInUse);
      await assert.rejects(h.service.authorizeCaller('111111111111', 'member'), notInUse);
      await assert.rejects(h.service.getScpLevels('111111111111'), notInUse);
    });
  });
}
