// The status lists and assignment lists page and filter as the model says; the quotas on
// permission sets per instance and per account hold.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BACKENDS } from '../../support/backends.js';
import { openSsoHarness, isError, type SsoHarness } from './harness.js';
import { MAX_PERMISSION_SETS } from '../../../src/domain/permission-sets/permission-sets.js';
import { MAX_PERMISSION_SETS_PER_ACCOUNT } from '../../../src/domain/assignments/assignment-requests.js';

for (const backend of BACKENDS) {
  describe(`lists and quotas (${backend.name})`, () => {
    let h: SsoHarness;
    before(async () => (h = await openSsoHarness(backend)));
    after(() => h.dispose());

    test('creation and deletion statuses: filtered by Status, paged in request order', async () => {
      const group = await h.newGroup('lists-group');
      const ps = await h.sso.createPermissionSet(h.i, { name: 'Listed' });
      const accounts = [await h.newAccount(), await h.newAccount(), await h.newAccount()];
      const jobs = [];
      for (const a of accounts) {
        h.clock.advance(1000);
        jobs.push(await h.sso.createAccountAssignment(h.i, { permissionSetArn: ps.permissionSetArn, principalType: 'GROUP', principalId: group, targetType: 'AWS_ACCOUNT', targetId: a }));
      }
      assert.equal((await h.sso.listAssignmentCreations(h.i, 'IN_PROGRESS')).items.length, 3);
      await h.drain();
      assert.equal((await h.sso.listAssignmentCreations(h.i, 'IN_PROGRESS')).items.length, 0);
      const seen: string[] = [];
      let nextToken: string | undefined;
      do {
        const page = await h.sso.listAssignmentCreations(h.i, 'SUCCEEDED', { maxResults: 2, ...(nextToken ? { nextToken } : {}) });
        seen.push(...page.items.map((j) => j.requestId));
        nextToken = page.nextToken;
      } while (nextToken);
      assert.deepEqual(seen, jobs.map((j) => j.requestId));
      const del = await h.sso.deleteAccountAssignment(h.i, { permissionSetArn: ps.permissionSetArn, principalType: 'GROUP', principalId: group, targetType: 'AWS_ACCOUNT', targetId: accounts[0]! });
      assert.deepEqual((await h.sso.listAssignmentDeletions(h.i, undefined)).items.map((j) => j.requestId), [del.requestId]);
      await h.drain();
      assert.deepEqual((await h.sso.listAssignmentDeletions(h.i, 'SUCCEEDED')).items.map((j) => j.requestId), [del.requestId]);
      const prov = await h.sso.provisionPermissionSet(h.i, ps.permissionSetArn, 'AWS_ACCOUNT', accounts[1]!);
      assert.deepEqual((await h.sso.listProvisioning(h.i, 'IN_PROGRESS')).items.map((j) => j.requestId), [prov.requestId]);
      await h.drain();
      assert.deepEqual((await h.sso.listProvisioning(h.i, 'IN_PROGRESS')).items, []);
    });

    test('assignments for a principal: a group its own, a user its own and its groups', async () => {
      const user = await h.newUser('principal-user');
      const group = await h.newGroup('principal-group', [user]);
      const ps = await h.sso.createPermissionSet(h.i, { name: 'ForPrincipal' });
      const [a1, a2] = [await h.newAccount(), await h.newAccount()];
      const assign = (principalType: string, principalId: string, targetId: string) =>
        h.sso.createAccountAssignment(h.i, { permissionSetArn: ps.permissionSetArn, principalType, principalId, targetType: 'AWS_ACCOUNT', targetId });
      await assign('GROUP', group, a1);
      await assign('USER', user, a2);
      await h.drain();
      const of = async (type: string, id: string, account?: string) =>
        (await h.sso.listAccountAssignmentsForPrincipal(h.i, type, id, account)).items.map((a) => `${a.accountId}:${a.principalType}`).sort();
      assert.deepEqual(await of('GROUP', group), [`${a1}:GROUP`]);
      assert.deepEqual(await of('USER', user), [`${a1}:GROUP`, `${a2}:USER`].sort());
      assert.deepEqual(await of('USER', user, a2), [`${a2}:USER`]);
      await assert.rejects(h.sso.listAccountAssignmentsForPrincipal(h.i, 'ROLE', user), isError('Validation'));
      const first = await h.sso.listAccountAssignmentsForPrincipal(h.i, 'USER', user, undefined, { maxResults: 1 });
      assert.equal(first.items.length, 1);
      const second = await h.sso.listAccountAssignmentsForPrincipal(h.i, 'USER', user, undefined, { maxResults: 1, nextToken: first.nextToken! });
      assert.deepEqual([second.items.length, second.nextToken], [1, undefined]);
    });

    test(`an account takes at most ${MAX_PERMISSION_SETS_PER_ACCOUNT} provisioned permission sets`, async () => {
      const account = await h.newAccount();
      const user = await h.newUser('quota-user');
      await h.store.transaction(async (tx) => {
        for (let n = 0; n < MAX_PERMISSION_SETS_PER_ACCOUNT; n++) {
          await tx.ssoAdmin.putProvisioned({
            instanceArn: h.i, permissionSetArn: `${h.i.replace('instance', 'permissionSet')}/ps-${String(n).padStart(16, '0')}`,
            accountId: account, revision: 1, roleName: `R${n}`, provisionedAt: 0,
          });
        }
      });
      const ps = await h.sso.createPermissionSet(h.i, { name: 'OneMore' });
      await assert.rejects(h.sso.createAccountAssignment(h.i, {
        permissionSetArn: ps.permissionSetArn, principalType: 'USER', principalId: user, targetType: 'AWS_ACCOUNT', targetId: account,
      }), isError('LimitExceeded'));
    });

    test(`an instance takes at most ${MAX_PERMISSION_SETS} permission sets`, async () => {
      const existing = await h.store.ssoAdmin.countPermissionSets(h.i);
      const template = await h.sso.describePermissionSet(h.i, (await h.sso.listPermissionSets(h.i)).items[0]!);
      await h.store.transaction(async (tx) => {
        for (let n = existing; n < MAX_PERMISSION_SETS; n++) {
          await tx.ssoAdmin.insertPermissionSet({ ...template, name: `Filler${n}`, permissionSetArn: `${template.permissionSetArn.slice(0, -16)}f${String(n).padStart(15, '0')}` });
        }
      });
      await assert.rejects(h.sso.createPermissionSet(h.i, { name: 'TooMany' }), isError('LimitExceeded', 'PermissionSet'));
    });
  });
}
