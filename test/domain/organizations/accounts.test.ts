// CreateAccount and its statuses, reading accounts, MoveAccount.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BACKENDS } from '../../support/backends.js';
import { isError, newAccount, openHarness, type Harness } from './harness.js';

for (const backend of BACKENDS) {
  describe(`organizations: accounts (${backend.name})`, () => {
    let h: Harness;
    before(async () => (h = await openHarness(backend)));
    after(() => h.dispose());

    test('CreateAccount completes at once: SUCCEEDED, under the root, FullAWSAccess, tags, access role', async () => {
      h.clock.advance(1000);
      const s = await h.service.createAccount({
        email: 'dev@example.com', accountName: 'Dev', roleName: 'OrgAdmin', tags: [{ key: 'team', value: 'core' }],
      });
      assert.match(s.id, /^car-[a-z0-9]{32}$/);
      assert.equal(s.state, 'SUCCEEDED');
      assert.equal(s.accountName, 'Dev');
      assert.equal(s.requestedAt, h.clock.now());
      assert.equal(s.completedAt, h.clock.now());
      const a = await h.service.describeAccount(s.accountId!);
      assert.equal(a.arn, `arn:aws:organizations::${h.org.managementAccountId}:account/${h.org.organizationId}/${a.id}`);
      assert.deepEqual([a.name, a.email, a.status, a.joinedMethod, a.parentId, a.joinedAt],
        ['Dev', 'dev@example.com', 'ACTIVE', 'CREATED', h.org.rootId, h.clock.now()]);
      assert.deepEqual((await h.service.listTagsForResource(a.id, {})).items, [{ key: 'team', value: 'core' }]);
      assert.deepEqual((await h.service.listPoliciesForTarget(a.id, 'SERVICE_CONTROL_POLICY', {})).items.map((p) => p.id), ['p-FullAWSAccess']);
      const roles = (await h.service.pendingAccountRoles()).filter((r) => r.accountId === a.id);
      assert.deepEqual(roles.map((r) => [r.roleName, r.trustedAccountId, r.managedPolicyArn, r.status]),
        [['OrgAdmin', h.org.managementAccountId, 'arn:aws:iam::aws:policy/AdministratorAccess', 'PENDING']]);
      assert.deepEqual(await h.service.describeCreateAccountStatus(s.id), s);
    });

    test('CreateAccount with a used e-mail address is a FAILED request (EMAIL_ALREADY_EXISTS)', async () => {
      const before = (await h.service.listAccounts({})).items.length;
      const s = await h.service.createAccount({ email: 'DEV@example.com', accountName: 'Dup' });
      assert.equal(s.state, 'FAILED');
      assert.equal(s.failureReason, 'EMAIL_ALREADY_EXISTS');
      assert.equal(s.accountId, undefined);
      assert.equal((await h.service.listAccounts({})).items.length, before);
      const failed = await h.service.listCreateAccountStatus(['FAILED'], {});
      assert.deepEqual(failed.items.map((x) => x.id), [s.id]);
      assert.equal((await h.service.listCreateAccountStatus(undefined, {})).items.length, 2);
      assert.equal((await h.service.listCreateAccountStatus(['IN_PROGRESS'], {})).items.length, 0);
    });

    test('CreateAccount refuses reserved role names and system tags', async () => {
      await assert.rejects(h.service.createAccount({ email: 'r@example.com', accountName: 'r', roleName: 'AWSServiceRoleForX' }),
        isError('Validation', { field: 'RoleName', reason: 'INVALID_ROLE_NAME' }));
      await assert.rejects(h.service.createAccount({ email: 'r@example.com', accountName: 'r', tags: [{ key: 'aws:x', value: '' }] }),
        isError('Validation', { reason: 'INVALID_SYSTEM_TAGS_PARAMETER' }));
      await assert.rejects(h.service.createAccount({ email: 'r@example.com', accountName: 'r', tags: [{ key: 'a', value: '1' }, { key: 'a', value: '2' }] }),
        isError('Validation', { reason: 'DUPLICATE_TAG_KEY' }));
      const tags = Array.from({ length: 51 }, (_, i) => ({ key: `k${i}`, value: '' }));
      await assert.rejects(h.service.createAccount({ email: 'r@example.com', accountName: 'r', tags }),
        isError('LimitExceeded', { reason: 'MAX_TAG_LIMIT_EXCEEDED' }));
      assert.equal(await h.store.organizations.getAccountByEmail('r@example.com'), undefined);
    });

    test('DescribeCreateAccountStatus and DescribeAccount of unknown ids', async () => {
      await assert.rejects(h.service.describeCreateAccountStatus('car-00000000000000000000000000000000'),
        isError('NotFound', { resource: 'CreateAccountStatus' }));
      await assert.rejects(h.service.describeAccount('000000000000'), isError('NotFound', { resource: 'Account' }));
    });

    test('ListAccounts and ListAccountsForParent', async () => {
      const ou = await h.service.createOrganizationalUnit({ parentId: h.org.rootId, name: 'Workloads' });
      const inOu = await newAccount(h, ou.id);
      const all = (await h.service.listAccounts({})).items.map((a) => a.id);
      assert.equal(all[0], h.org.managementAccountId);
      assert.ok(all.includes(inOu));
      assert.deepEqual((await h.service.listAccountsForParent(ou.id, {})).items.map((a) => a.id), [inOu]);
      assert.ok(!(await h.service.listAccountsForParent(h.org.rootId, {})).items.some((a) => a.id === inOu));
      await assert.rejects(h.service.listAccountsForParent('ou-zzzz-zzzzzzzz', {}), isError('NotFound', { resource: 'Parent' }));
      await assert.rejects(h.service.listAccountsForParent('r-zzzz', {}), isError('NotFound', { resource: 'Parent' }));
    });

    test('MoveAccount and its errors', async () => {
      const a = await newAccount(h);
      const ou = await h.service.createOrganizationalUnit({ parentId: h.org.rootId, name: 'Move target' });
      const move = (accountId: string, sourceParentId: string, destinationParentId: string) =>
        h.service.moveAccount({ accountId, sourceParentId, destinationParentId });
      await assert.rejects(move('000000000000', h.org.rootId, ou.id), isError('NotFound', { resource: 'Account' }));
      await assert.rejects(move(a, 'ou-zzzz-zzzzzzzz', ou.id), isError('NotFound', { resource: 'SourceParent' }));
      await assert.rejects(move(a, h.org.rootId, 'ou-zzzz-zzzzzzzz'), isError('NotFound', { resource: 'DestinationParent' }));
      await assert.rejects(move(a, ou.id, h.org.rootId), isError('Conflict', { resource: 'Account' }));
      await move(a, h.org.rootId, ou.id);
      assert.equal((await h.service.describeAccount(a)).parentId, ou.id);
      await assert.rejects(move(a, ou.id, ou.id), isError('Conflict', { resource: 'Account' }));
      const other = await h.service.createOrganizationalUnit({ parentId: h.org.rootId, name: 'Other' });
      await assert.rejects(move(a, other.id, h.org.rootId), isError('NotFound', { resource: 'Account' }));
      assert.deepEqual((await h.service.listParents(a, {})).items, [{ id: ou.id, type: 'ORGANIZATIONAL_UNIT' }]);
    });
  });
}
