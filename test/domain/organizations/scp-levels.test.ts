// getScpLevels: the SCP documents bounding an account, root first.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BACKENDS } from '../../support/backends.js';
import { isError, newAccount, openHarness, SCP, type Harness } from './harness.js';
import { FULL_AWS_ACCESS } from '../../../src/domain/organizations/full-aws-access.js';

for (const backend of BACKENDS) {
  describe(`organizations: SCP levels (${backend.name})`, () => {
    let h: Harness;
    before(async () => (h = await openHarness(backend)));
    after(() => h.dispose());

    test('levels run from the root through each OU to the account', async () => {
      const top = await h.service.createOrganizationalUnit({ parentId: h.org.rootId, name: 'Top' });
      const leaf = await h.service.createOrganizationalUnit({ parentId: top.id, name: 'Leaf' });
      const a = await newAccount(h, leaf.id);
      const denyS3 = await h.service.createPolicy({ name: 'DenyS3', description: '', type: 'SERVICE_CONTROL_POLICY', content: SCP('Deny', 's3:*') });
      const onlyEc2 = await h.service.createPolicy({ name: 'OnlyEc2', description: '', type: 'SERVICE_CONTROL_POLICY', content: SCP('Allow', 'ec2:*') });
      await h.service.attachPolicy(denyS3.id, top.id);
      await h.service.attachPolicy(onlyEc2.id, a);
      await h.service.detachPolicy('p-FullAWSAccess', a);

      const levels = await h.service.getScpLevels(a);
      assert.deepEqual(levels.map((l) => [l.targetType, l.targetId]), [
        ['ROOT', h.org.rootId], ['ORGANIZATIONAL_UNIT', top.id], ['ORGANIZATIONAL_UNIT', leaf.id], ['ACCOUNT', a],
      ]);
      assert.deepEqual(levels[0]!.policies, [{ policyId: 'p-FullAWSAccess', name: 'FullAWSAccess', content: FULL_AWS_ACCESS.content }]);
      assert.deepEqual(levels[1]!.policies.map((p) => p.policyId).sort(), [denyS3.id, 'p-FullAWSAccess'].sort());
      assert.deepEqual(levels[2]!.policies.map((p) => p.policyId), ['p-FullAWSAccess']);
      assert.deepEqual(levels[3]!.policies, [{ policyId: onlyEc2.id, name: 'OnlyEc2', content: SCP('Allow', 'ec2:*') }]);

      const atRoot = await newAccount(h);
      assert.deepEqual((await h.service.getScpLevels(atRoot)).map((l) => l.targetType), ['ROOT', 'ACCOUNT']);
    });

    test('the management account is never bound by SCPs; unknown accounts are NotFound', async () => {
      assert.deepEqual(await h.service.getScpLevels(h.org.managementAccountId), []);
      await assert.rejects(h.service.getScpLevels('000000000000'), isError('NotFound', { resource: 'Account' }));
    });

    test('no levels while SCPs are disabled', async () => {
      const a = await newAccount(h);
      await h.service.disablePolicyType(h.org.rootId, 'SERVICE_CONTROL_POLICY');
      assert.deepEqual(await h.service.getScpLevels(a), []);
    });
  });
}
