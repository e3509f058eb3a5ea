// "Revoke active sessions": a per-role cut-off, sessions issued before it denied, seen by
// other nodes within the cache's second.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BACKENDS } from '../../support/backends.js';
import { StsService } from '../../../src/domain/sts/sts-service.js';
import { REVOCATION_CACHE_TTL_MS } from '../../../src/domain/sts/revocation-cache.js';
import { FACTS, isError, memberAccount, openStsHarness, trust, type StsHarness } from './harness.js';

for (const backend of BACKENDS) {
  describe(`sts: session revocation (${backend.name})`, () => {
    let h: StsHarness;
    let account: string;
    const roleArn = () => `arn:aws:iam::${account}:role/OrganizationAccountAccessRole`;
    const assume = (name: string) => h.sts.assumeRole(h.admin, { roleArn: roleArn(), roleSessionName: name }, FACTS);

    before(async () => {
      h = await openStsHarness(backend);
      account = await memberAccount(h);
    });
    after(() => h.dispose());

    test('sessions issued before the cut-off are revoked, later ones are not', async () => {
      const early = await assume('early');
      h.clock.advance(1000);
      assert.equal(await h.sts.isRevoked(early.session), false);
      await h.sts.revokeRoleSessions(account, 'OrganizationAccountAccessRole');
      assert.equal(await h.sts.isRevoked(early.session), true);
      h.clock.advance(1);
      const late = await assume('late');
      assert.equal(await h.sts.isRevoked(late.session), false);
    });

    test('another node sees a revocation within the cache time', async () => {
      const otherNode = new StsService(h.ports, h.services.iam, h.services.organizations);
      h.clock.advance(5000);
      const s = (await assume('cached')).session;
      assert.equal(await otherNode.isRevoked(s), false);
      h.clock.advance(10);
      await h.sts.revokeRoleSessions(account, 'OrganizationAccountAccessRole');
      // Still cached on the other node, then read again.
      assert.equal(await otherNode.isRevoked(s), false);
      h.clock.advance(REVOCATION_CACHE_TTL_MS);
      assert.equal(await otherNode.isRevoked(s), true);
    });

    test('the cut-off only moves forward', async () => {
      h.clock.advance(5000);
      const s = (await assume('forward')).session;
      h.clock.advance(10);
      await h.sts.revokeRoleSessions(account, 'OrganizationAccountAccessRole');
      await h.sts.revokeRoleSessions(account, 'organizationaccountaccessrole', s.issuedAt - 60_000);
      const fresh = new StsService(h.ports, h.services.iam, h.services.organizations);
      assert.equal(await fresh.isRevoked(s), true);
    });

    test('a revoked session cannot assume another role (role chaining)', async () => {
      const nextArn = `arn:aws:iam::${account}:role/Next`;
      await h.services.iam.createRole(account, { roleName: 'Next', assumeRolePolicyDocument: trust({ AWS: roleArn() }) });
      h.clock.advance(5000);
      const first = await assume('chain');
      const resolved = await h.sts.resolveTemporaryCredentials(first.credentials.accessKeyId, first.credentials.sessionToken);
      assert.ok(resolved);
      const chained = await h.sts.assumeRole(resolved.principal, { roleArn: nextArn, roleSessionName: 'next' }, FACTS);
      assert.equal(chained.assumedRoleUser.arn, `arn:aws:sts::${account}:assumed-role/Next/next`);
      h.clock.advance(10);
      await h.sts.revokeRoleSessions(account, 'OrganizationAccountAccessRole');
      await assert.rejects(
        h.sts.assumeRole(resolved.principal, { roleArn: nextArn, roleSessionName: 'next' }, FACTS),
        isError('AccessDenied', {}, `User: ${first.assumedRoleUser.arn} is not authorized to perform: sts:AssumeRole on resource: ${nextArn}`),
      );
    });

    test('revoking the sessions of an unknown role is NotFound', async () => {
      await assert.rejects(h.sts.revokeRoleSessions(account, 'NoSuchRole'), isError('NotFound', { resource: 'Role' }));
    });
  });
}
