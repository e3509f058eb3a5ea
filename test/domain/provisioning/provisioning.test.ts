// Assignments and provisioning on both back ends: the role each account gets, drift and its
// repair, refusals, a customer managed policy missing in one of three accounts, and deleting
// the last assignment.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BACKENDS } from '../../support/backends.js';
import { openSsoHarness, isError, doc, type SsoHarness } from './harness.js';

const READ_ONLY = 'arn:aws:iam::aws:policy/ReadOnlyAccess';
const POWER_USER = 'arn:aws:iam::aws:policy/PowerUserAccess';

for (const backend of BACKENDS) {
  describe(`provisioning (${backend.name})`, () => {
    let h: SsoHarness;
    before(async () => (h = await openSsoHarness(backend)));
    after(() => h.dispose());

    const assign = (ps: string, accountId: string, principalId: string, principalType = 'GROUP') =>
      h.sso.createAccountAssignment(h.i, { permissionSetArn: ps, principalType, principalId, targetType: 'AWS_ACCOUNT', targetId: accountId });
    const unassign = (ps: string, accountId: string, principalId: string, principalType = 'GROUP') =>
      h.sso.deleteAccountAssignment(h.i, { permissionSetArn: ps, principalType, principalId, targetType: 'AWS_ACCOUNT', targetId: accountId });
    const cmp = (accountId: string, policyName: string, path = '/') => h.services.iam.createPolicy(accountId, { policyName, path, policyDocument: doc('s3:ListBucket') });

    test('an assignment provisions the role DESIGN.md describes', async () => {
      const account = await h.newAccount();
      const user = await h.newUser('role-user');
      const group = await h.newGroup('role-group', [user]);
      await cmp(account, 'TeamAccess', '/team/');
      await cmp(account, 'Cap');
      const ps = await h.sso.createPermissionSet(h.i, { name: 'Developer', description: 'Developers' });
      const arn = ps.permissionSetArn;
      await h.sso.attachManagedPolicy(h.i, arn, READ_ONLY);
      await h.sso.attachCustomerManagedPolicy(h.i, arn, { name: 'TeamAccess', path: '/team/' });
      await h.sso.putInlinePolicy(h.i, arn, doc('ec2:DescribeInstances'));
      await h.sso.putPermissionsBoundary(h.i, arn, { customerManagedPolicyReference: { name: 'Cap' } });

      const job = await assign(arn, account, group);
      assert.equal(job.status, 'IN_PROGRESS');
      assert.match(job.requestId, /^[0-9a-f-]{36}$/);
      assert.equal((await h.sso.describeAssignmentCreation(h.i, job.requestId)).status, 'IN_PROGRESS');
      // Nothing exists in the account until the job has run.
      assert.deepEqual((await h.sso.listAccountAssignments(h.i, account, arn)).items, []);
      assert.ok((await h.drain()) >= 1);
      const done = await h.sso.describeAssignmentCreation(h.i, job.requestId);
      assert.deepEqual([done.status, done.failureReason], ['SUCCEEDED', undefined]);

      const roleName = `AWSReservedSSO_Developer_${ps.roleSuffix}`;
      const role = await h.services.iam.getRole(account, roleName);
      assert.equal(role.path, '/aws-reserved/sso.amazonaws.com/');
      assert.equal(role.arn, `arn:aws:iam::${account}:role/aws-reserved/sso.amazonaws.com/${roleName}`);
      assert.equal(role.maxSessionDuration, 43200);
      assert.equal(role.description, 'Developers');
      const trust = JSON.parse(decodeURIComponent(role.assumeRolePolicyDocument));
      const provider = `AWSSSO_${h.i.split('ssoins-')[1]}_DO_NOT_DELETE`;
      assert.deepEqual(trust.Statement[0].Principal, { Federated: `arn:aws:iam::${account}:saml-provider/${provider}` });
      assert.deepEqual(trust.Statement[0].Action, ['sts:AssumeRoleWithSAML', 'sts:TagSession']);
      await h.services.iam.getSamlProvider(account, `arn:aws:iam::${account}:saml-provider/${provider}`);
      const attached = (await h.services.iam.listAttachedRolePolicies(account, roleName)).items.map((p) => p.policyArn).sort();
      assert.deepEqual(attached, [READ_ONLY, `arn:aws:iam::${account}:policy/team/TeamAccess`].sort());
      const inline = await h.services.iam.getRolePolicy(account, roleName, 'AwsSSOInlinePolicy');
      assert.equal(decodeURIComponent(inline.policyDocument), doc('ec2:DescribeInstances'));
      assert.equal(role.permissionsBoundaryArn, `arn:aws:iam::${account}:policy/Cap`);
      const slr = await h.services.iam.getRole(account, 'AWSServiceRoleForSSO');
      assert.equal(slr.path, '/aws-service-role/sso.amazonaws.com/');
      // Only the provisioner may change it.
      await assert.rejects(h.services.iam.deleteRole(account, roleName), isError('AccessDenied'));

      assert.deepEqual((await h.sso.listAccountAssignments(h.i, account, arn)).items.map((a) => [a.principalType, a.principalId]), [['GROUP', group]]);
      const forUser = await h.sso.listAccountAssignmentsForPrincipal(h.i, 'USER', user, account);
      assert.deepEqual(forUser.items.map((a) => a.principalId), [group]);
      assert.deepEqual((await h.sso.listAccountsForProvisionedPermissionSet(h.i, arn, 'LATEST_PERMISSION_SET_PROVISIONED')).items, [account]);
      assert.deepEqual((await h.sso.listPermissionSetsProvisionedToAccount(h.i, account)).items, [arn]);
    });

    test('an update drifts every provisioned account until it is provisioned again', async () => {
      const [a1, a2] = [await h.newAccount(), await h.newAccount()];
      const group = await h.newGroup('drift-group');
      const ps = await h.sso.createPermissionSet(h.i, { name: 'Drift', description: 'v1' });
      const arn = ps.permissionSetArn;
      await assign(arn, a1, group);
      await assign(arn, a2, group);
      await h.drain();
      const provisioned = (s?: string) => h.sso.listAccountsForProvisionedPermissionSet(h.i, arn, s).then((p) => [...p.items].sort());
      assert.deepEqual(await provisioned('LATEST_PERMISSION_SET_NOT_PROVISIONED'), []);
      await h.sso.updatePermissionSet(h.i, arn, { description: 'v2' });
      await h.sso.attachManagedPolicy(h.i, arn, POWER_USER);
      assert.deepEqual(await provisioned('LATEST_PERMISSION_SET_NOT_PROVISIONED'), [a1, a2].sort());
      assert.deepEqual(await provisioned('LATEST_PERMISSION_SET_PROVISIONED'), []);
      assert.deepEqual(await provisioned(), [a1, a2].sort());
      assert.deepEqual((await h.sso.listPermissionSetsProvisionedToAccount(h.i, a1, 'LATEST_PERMISSION_SET_NOT_PROVISIONED')).items, [arn]);

      const one = await h.sso.provisionPermissionSet(h.i, arn, 'AWS_ACCOUNT', a1);
      assert.equal(one.targetId, a1);
      await h.drain();
      assert.deepEqual(await provisioned('LATEST_PERMISSION_SET_NOT_PROVISIONED'), [a2]);
      const all = await h.sso.provisionPermissionSet(h.i, arn, 'ALL_PROVISIONED_ACCOUNTS');
      assert.equal(all.targetId, undefined);
      await h.drain();
      assert.equal((await h.sso.describeProvisioning(h.i, all.requestId)).status, 'SUCCEEDED');
      assert.deepEqual(await provisioned('LATEST_PERMISSION_SET_PROVISIONED'), [a1, a2].sort());
      const role = await h.services.iam.getRole(a2, `AWSReservedSSO_Drift_${ps.roleSuffix}`);
      assert.equal(role.description, 'v2');
      assert.deepEqual((await h.services.iam.listAttachedRolePolicies(a2, role.roleName)).items.map((p) => p.policyArn), [POWER_USER]);
      const statuses = await h.sso.listProvisioning(h.i, 'SUCCEEDED');
      assert.ok(statuses.items.some((j) => j.requestId === all.requestId));
      await assert.rejects(h.sso.describeAssignmentCreation(h.i, all.requestId), isError('NotFound'));
    });

    test('a permission set provisioned anywhere cannot be deleted; deleting the last assignment deletes the role', async () => {
      const account = await h.newAccount();
      const [u1, u2] = [await h.newUser('last-1'), await h.newUser('last-2')];
      const ps = await h.sso.createPermissionSet(h.i, { name: 'Last' });
      const arn = ps.permissionSetArn;
      await h.sso.attachManagedPolicy(h.i, arn, READ_ONLY);
      await h.sso.putInlinePolicy(h.i, arn, doc());
      await assign(arn, account, u1, 'USER');
      await assign(arn, account, u2, 'USER');
      await assert.rejects(h.sso.deletePermissionSet(h.i, arn), isError('Conflict'));
      await h.drain();
      await assert.rejects(h.sso.deletePermissionSet(h.i, arn), isError('Conflict', 'PermissionSet', /provisioned/));
      const roleName = `AWSReservedSSO_Last_${ps.roleSuffix}`;

      const first = await unassign(arn, account, u1, 'USER');
      await h.drain();
      assert.equal((await h.sso.describeAssignmentDeletion(h.i, first.requestId)).status, 'SUCCEEDED');
      await h.services.iam.getRole(account, roleName);
      await unassign(arn, account, u2, 'USER');
      await h.drain();
      await assert.rejects(h.services.iam.getRole(account, roleName), isError('NotFound'));
      assert.deepEqual((await h.sso.listAccountsForProvisionedPermissionSet(h.i, arn)).items, []);
      await assert.rejects(unassign(arn, account, u2, 'USER'), isError('NotFound', 'AccountAssignment'));
      await h.sso.deletePermissionSet(h.i, arn);
      // The service-linked role stays, as in AWS.
      await h.services.iam.getRole(account, 'AWSServiceRoleForSSO');
    });

    test('a customer managed policy missing in one of three accounts fails that account only', async () => {
      const accounts = [await h.newAccount(), await h.newAccount(), await h.newAccount()];
      const group = await h.newGroup('cmp-group');
      const ps = await h.sso.createPermissionSet(h.i, { name: 'NeedsCmp' });
      const arn = ps.permissionSetArn;
      await h.sso.attachCustomerManagedPolicy(h.i, arn, { name: 'LocalPolicy', path: '/local/' });
      await cmp(accounts[0]!, 'LocalPolicy', '/local/');
      await cmp(accounts[2]!, 'LocalPolicy', '/local/');
      const jobs: { requestId: string }[] = [];
      for (const a of accounts) jobs.push(await assign(arn, a, group));
      await h.drain();
      const statuses = await Promise.all(jobs.map((j) => h.sso.describeAssignmentCreation(h.i, j.requestId)));
      assert.deepEqual(statuses.map((s) => s.status), ['SUCCEEDED', 'FAILED', 'SUCCEEDED']);
      assert.match(statuses[1]!.failureReason!, /Customer managed policy \/local\/LocalPolicy does not exist in account \d{12}/);
      assert.ok(statuses[1]!.failureReason!.includes(accounts[1]!));
      // The failed account has no role, no assignment, nothing provisioned.
      await assert.rejects(h.services.iam.getRole(accounts[1]!, `AWSReservedSSO_NeedsCmp_${ps.roleSuffix}`), isError('NotFound'));
      assert.deepEqual((await h.sso.listAccountAssignments(h.i, accounts[1]!, arn)).items, []);
      assert.deepEqual([...(await h.sso.listAccountsForProvisionedPermissionSet(h.i, arn)).items].sort(), [accounts[0], accounts[2]].sort());
      const failed = await h.sso.listAssignmentCreations(h.i, 'FAILED');
      assert.ok(failed.items.some((j) => j.requestId === jobs[1]!.requestId));

      // A policy added later to the permission set and missing in one account: that account fails
      // its provisioning (naming account and policy) and stays drifted; the other is provisioned.
      await h.sso.attachCustomerManagedPolicy(h.i, arn, { name: 'Extra' });
      await cmp(accounts[0]!, 'Extra');
      const all = await h.sso.provisionPermissionSet(h.i, arn, 'ALL_PROVISIONED_ACCOUNTS');
      await h.drain();
      const result = await h.sso.describeProvisioning(h.i, all.requestId);
      assert.equal(result.status, 'FAILED');
      assert.match(result.failureReason!, new RegExp(`1 of 2 accounts.*Customer managed policy /Extra does not exist in account ${accounts[2]}`));
      assert.deepEqual((await h.sso.listAccountsForProvisionedPermissionSet(h.i, arn, 'LATEST_PERMISSION_SET_NOT_PROVISIONED')).items, [accounts[2]]);
    });

    test('requests are checked before they are queued', async () => {
      const account = await h.newAccount();
      const user = await h.newUser('checked');
      const ps = await h.sso.createPermissionSet(h.i, { name: 'Checked' });
      const arn = ps.permissionSetArn;
      await assert.rejects(assign(arn, '999999999999', user, 'USER'), isError('NotFound', 'Account'));
      await assert.rejects(assign(arn, account, '00000000-0000-0000-0000-000000000000', 'USER'), isError('NotFound', 'Principal'));
      await assert.rejects(assign(arn, account, user, 'GROUP'), isError('NotFound', 'Principal'));
      await assert.rejects(assign(arn, account, user, 'ROLE'), isError('Validation'));
      await assert.rejects(h.sso.createAccountAssignment(h.i, { permissionSetArn: arn, principalType: 'USER', principalId: user, targetType: 'OU', targetId: account }), isError('Validation'));
      await assert.rejects(h.sso.provisionPermissionSet(h.i, arn, 'AWS_ACCOUNT'), isError('Validation'));
      await assert.rejects(h.sso.describeProvisioning(h.i, '00000000-0000-0000-0000-000000000000'), isError('NotFound'));
      await assert.rejects(h.sso.listAssignmentCreations(h.i, 'DONE'), isError('Validation'));
      await assert.rejects(h.sso.listAccountsForProvisionedPermissionSet(h.i, arn, 'SOMETIMES'), isError('Validation'));
      // Nothing provisioned: provisioning everywhere has nothing to do and is done at once.
      assert.equal((await h.sso.provisionPermissionSet(h.i, arn, 'ALL_PROVISIONED_ACCOUNTS')).status, 'SUCCEEDED');
    });

    test('requests on one account run in the order they were made', async () => {
      const account = await h.newAccount();
      const group = await h.newGroup('order-group');
      const ps = await h.sso.createPermissionSet(h.i, { name: 'Ordered' });
      const arn = ps.permissionSetArn;
      await h.sso.attachManagedPolicy(h.i, arn, READ_ONLY);
      // Queued back to back: the delete is accepted because the creation is on its way.
      const create = await assign(arn, account, group);
      const remove = await unassign(arn, account, group);
      const again = await assign(arn, account, group);
      await h.drain();
      for (const [j, kind] of [[create, 'c'], [remove, 'd'], [again, 'c']] as const) {
        const s = kind === 'c' ? await h.sso.describeAssignmentCreation(h.i, j.requestId) : await h.sso.describeAssignmentDeletion(h.i, j.requestId);
        assert.equal(s.status, 'SUCCEEDED');
      }
      await h.services.iam.getRole(account, `AWSReservedSSO_Ordered_${ps.roleSuffix}`);
      assert.equal((await h.sso.listAccountAssignments(h.i, account, arn)).items.length, 1);
    });

    test('a claimed job whose worker died is taken up again once its lease expires', async () => {
      const account = await h.newAccount();
      const group = await h.newGroup('lease-group');
      const ps = await h.sso.createPermissionSet(h.i, { name: 'Leased' });
      const job = await assign(ps.permissionSetArn, account, group);
      // A worker claims it and dies before doing anything.
      const claimed = await h.store.transaction((tx) => tx.ssoAdmin.claimJobs({ workerId: 'dead', now: h.clock.now(), leaseUntil: h.clock.now() + 10_000 }, 10));
      assert.deepEqual(claimed.map((j) => j.requestId), [job.requestId]);
      assert.equal(await h.drain(), 0);
      h.clock.advance(10_001);
      assert.equal(await h.drain(), 1);
      assert.equal((await h.sso.describeAssignmentCreation(h.i, job.requestId)).status, 'SUCCEEDED');
      // A worker that lost its lease cannot record anything more.
      assert.equal(await h.store.ssoAdmin.renewLeases([job.requestId], { workerId: 'dead', now: h.clock.now(), leaseUntil: h.clock.now() + 1 }), 0);
    });

    test('provisioning again repairs a role changed behind its back, and is idempotent', async () => {
      const account = await h.newAccount();
      const group = await h.newGroup('repair-group');
      const ps = await h.sso.createPermissionSet(h.i, { name: 'Repair' });
      await h.sso.attachManagedPolicy(h.i, ps.permissionSetArn, READ_ONLY);
      await h.sso.putInlinePolicy(h.i, ps.permissionSetArn, doc());
      await assign(ps.permissionSetArn, account, group);
      await h.drain();
      const roleName = `AWSReservedSSO_Repair_${ps.roleSuffix}`;
      await h.store.iam.detachPolicy({ accountId: account, principalKind: 'role', principalName: roleName, policyArn: READ_ONLY });
      await h.store.iam.deleteInlinePolicy(account, { kind: 'role', name: roleName }, 'AwsSSOInlinePolicy');
      for (let n = 0; n < 2; n++) {
        await h.sso.provisionPermissionSet(h.i, ps.permissionSetArn, 'AWS_ACCOUNT', account);
        await h.drain();
      }
      assert.deepEqual((await h.services.iam.listAttachedRolePolicies(account, roleName)).items.map((p) => p.policyArn), [READ_ONLY]);
      await h.services.iam.getRolePolicy(account, roleName, 'AwsSSOInlinePolicy');
      assert.equal((await h.store.iam.listRoles(account)).filter((r) => r.roleName === roleName).length, 1);
    });

    test('one job for many accounts runs in batches', async () => {
      const group = await h.newGroup('batch-group');
      const ps = await h.sso.createPermissionSet(h.i, { name: 'Batched', description: 'v1' });
      const accounts: string[] = [];
      for (let n = 0; n < 60; n++) accounts.push(await h.newAccount());
      for (const a of accounts) await assign(ps.permissionSetArn, a, group);
      await h.drain();
      await h.sso.updatePermissionSet(h.i, ps.permissionSetArn, { description: 'v2' });
      const job = await h.sso.provisionPermissionSet(h.i, ps.permissionSetArn, 'ALL_PROVISIONED_ACCOUNTS');
      assert.equal(await h.drain(), 1);
      assert.equal((await h.sso.describeProvisioning(h.i, job.requestId)).status, 'SUCCEEDED');
      const current = await h.sso.listAccountsForProvisionedPermissionSet(h.i, ps.permissionSetArn, 'LATEST_PERMISSION_SET_PROVISIONED', { maxResults: 100 });
      assert.equal(current.items.length, 60);
    });
  });
}

describe('provisioning outside us-east-1', () => {
  test('the role path carries the home region', async () => {
    const { sqliteBackend } = await import('../../support/backends.js');
    const h = await openSsoHarness(sqliteBackend, { region: 'eu-west-1' });
    try {
      const account = await h.newAccount();
      const group = await h.newGroup('eu-group');
      const ps = await h.sso.createPermissionSet(h.i, { name: 'Europe' });
      await h.sso.createAccountAssignment(h.i, { permissionSetArn: ps.permissionSetArn, principalType: 'GROUP', principalId: group, targetType: 'AWS_ACCOUNT', targetId: account });
      await h.drain();
      const role = await h.services.iam.getRole(account, `AWSReservedSSO_Europe_${ps.roleSuffix}`);
      assert.equal(role.path, '/aws-reserved/sso.amazonaws.com/eu-west-1/');
    } finally {
      await h.dispose();
    }
  });
});
