// OrganizationAccountAccessRole: created in each account CreateAccount made, trusting the
// management account, with AdministratorAccess; idempotent.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BACKENDS } from '../../support/backends.js';
import { ensureAccountAccessRoles } from '../../../src/domain/organizations-iam/ensure-account-access-roles.js';
import { ADMINISTRATOR_ACCESS, openStsHarness, type StsHarness } from './harness.js';

for (const backend of BACKENDS) {
  describe(`organizations-iam: account access roles (${backend.name})`, () => {
    let h: StsHarness;
    before(async () => (h = await openStsHarness(backend)));
    after(() => h.dispose());

    const create = async (roleName?: string) => {
      const status = await h.services.organizations.createAccount({ email: `a${Date.now()}${Math.random()}@example.com`, accountName: 'A', ...(roleName ? { roleName } : {}) });
      return status.accountId!;
    };

    test('creates the pending role with its trust policy and AdministratorAccess, then marks it done', async () => {
      const account = await create();
      assert.deepEqual((await h.services.organizations.pendingAccountRoles()).map((r) => r.accountId), [account]);
      const outcome = await ensureAccountAccessRoles(h.services);
      assert.deepEqual(outcome.created.map((r) => [r.accountId, r.roleName]), [[account, 'OrganizationAccountAccessRole']]);
      assert.deepEqual(outcome.failed, []);
      const role = await h.services.iam.getRole(account, 'OrganizationAccountAccessRole');
      assert.deepEqual(JSON.parse(decodeURIComponent(role.assumeRolePolicyDocument)), {
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${h.management}:root` }, Action: 'sts:AssumeRole' }],
      });
      const attached = await h.services.iam.listAttachedRolePolicies(account, 'OrganizationAccountAccessRole');
      assert.deepEqual(attached.items.map((p) => p.policyArn), [ADMINISTRATOR_ACCESS]);
      assert.deepEqual(await h.services.organizations.pendingAccountRoles(), []);
    });

    test('idempotent: a second run does nothing; a half-done request (role made, not attached) completes', async () => {
      assert.deepEqual(await ensureAccountAccessRoles(h.services), { created: [], failed: [] });
      const account = await create('Ops');
      await h.services.iam.createRole(account, { roleName: 'Ops', assumeRolePolicyDocument: JSON.stringify({
        Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${h.management}:root` }, Action: 'sts:AssumeRole' }],
      }) });
      const outcome = await ensureAccountAccessRoles(h.services);
      assert.deepEqual(outcome.created.map((r) => r.roleName), ['Ops']);
      const attached = await h.services.iam.listAttachedRolePolicies(account, 'Ops');
      assert.deepEqual(attached.items.map((p) => p.policyArn), [ADMINISTRATOR_ACCESS]);
    });

    test('two nodes running at once both succeed and leave one role', async () => {
      const account = await create();
      const [a, b] = await Promise.all([ensureAccountAccessRoles(h.services), ensureAccountAccessRoles(h.services)]);
      assert.deepEqual([...a.failed, ...b.failed], []);
      assert.equal((await h.services.iam.listRoles(account, undefined)).items.length, 1);
      assert.deepEqual(await h.services.organizations.pendingAccountRoles(), []);
    });
  });
}
