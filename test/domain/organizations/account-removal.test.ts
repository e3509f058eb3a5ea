// Accounts leaving the organization, in the domain on both back ends: what is removed, what is
// kept (the standalone record), the SCP levels afterwards, and that a failure writes nothing.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BACKENDS } from '../../support/backends.js';
import { removeAccountFromOrganization } from '../../../src/domain/organizations/account-removal.js';
import { SCP, isError, newAccount, openHarness, type Harness } from './harness.js';

for (const backend of BACKENDS) {
  describe(`organizations: accounts leaving (${backend.name})`, () => {
    let h: Harness;
    before(async () => (h = await openHarness(backend)));
    after(() => h.dispose());

    test('a removed account is standalone: unlisted, untagged, unattached, with no SCP levels', async () => {
      const a = await newAccount(h);
      await h.service.tagResource(a, [{ key: 'team', value: 'blue' }]);
      const p = await h.service.createPolicy({ name: 'deny-iam', description: '', type: 'SERVICE_CONTROL_POLICY', content: SCP('Deny', 'iam:*') });
      await h.service.attachPolicy(p.id, a);
      assert.ok((await h.service.getScpLevels(a)).some((l) => l.policies.some((x) => x.policyId === p.id)));

      h.clock.advance(60_000);
      const standalone = await h.service.removeAccountFromOrganization(a);
      assert.equal(standalone.removedAt, h.clock.now());

      await assert.rejects(h.service.describeAccount(a), isError('NotFound', { resource: 'Account' }));
      assert.ok(!(await h.service.listAccounts({})).items.some((x) => x.id === a));
      assert.ok(!(await h.service.listAccountsForParent(h.org.rootId, {})).items.some((x) => x.id === a));
      assert.deepEqual(await h.store.organizations.listTags(a), []);
      assert.deepEqual(await h.store.organizations.listAttachmentsForTarget(a), []);
      assert.deepEqual(await h.service.getScpLevels(a), [], 'no SCP applies to a standalone account');
      const standing = await h.service.accountStanding(a);
      assert.deepEqual(standing, { kind: 'standalone', account: standalone });
      assert.equal((await h.service.accountStanding(h.org.managementAccountId))?.kind, 'member');
      assert.equal(await h.service.accountStanding('000000000000'), undefined);
      await assert.rejects(h.service.getScpLevels('000000000000'), isError('NotFound', { resource: 'Account' }));
    });

    test("a removed account keeps its e-mail address: CreateAccount may not reuse it", async () => {
      const a = await newAccount(h);
      const { email } = await h.service.describeAccount(a);
      await h.service.removeAccountFromOrganization(a);
      const status = await h.service.createAccount({ email: email.toUpperCase(), accountName: 'Again' });
      assert.equal(status.state, 'FAILED');
      assert.equal(status.failureReason, 'EMAIL_ALREADY_EXISTS');
    });

    test('the management account neither is removed nor leaves', async () => {
      await assert.rejects(h.service.removeAccountFromOrganization(h.org.managementAccountId),
        isError('LimitExceeded', { reason: 'ACCOUNT_CANNOT_LEAVE_ORGANIZATION' }));
      await assert.rejects(h.service.leaveOrganization(h.org.managementAccountId), isError('InvalidState', { resource: 'ManagementAccount' }));
    });

    test('a failure after the first writes leaves everything as it was (one transaction)', async () => {
      const a = await newAccount(h);
      await h.service.tagResource(a, [{ key: 'k', value: 'v' }]);
      await assert.rejects(h.store.transaction(async (tx) => {
        await removeAccountFromOrganization({ repo: tx.organizations, now: h.clock.now(), random: () => 0 } as never, a);
        throw new Error('boom');
      }), /boom/);
      assert.equal((await h.service.describeAccount(a)).id, a);
      assert.deepEqual(await h.store.organizations.listTags(a), [{ key: 'k', value: 'v' }]);
      assert.equal(await h.store.organizations.getStandaloneAccount(a), undefined);
      assert.ok((await h.store.organizations.listAttachmentsForTarget(a)).length > 0, 'the default SCP is still attached');
    });
  });
}
