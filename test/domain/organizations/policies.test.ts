// Policies, attachments and policy types.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BACKENDS } from '../../support/backends.js';
import { isError, newAccount, openHarness, SCP, type Harness } from './harness.js';

for (const backend of BACKENDS) {
  describe(`organizations: policies (${backend.name})`, () => {
    let h: Harness;
    before(async () => (h = await openHarness(backend)));
    after(() => h.dispose());

    const create = (name: string, content = SCP('Deny', 's3:*'), type: 'SERVICE_CONTROL_POLICY' | 'TAG_POLICY' = 'SERVICE_CONTROL_POLICY') =>
      h.service.createPolicy({ name, description: `${name} policy`, content, type });

    test('CreatePolicy / DescribePolicy / ListPolicies', async () => {
      const p = await h.service.createPolicy({ name: 'DenyS3', description: 'no S3', content: SCP('Deny', 's3:*'), type: 'SERVICE_CONTROL_POLICY', tags: [{ key: 'k', value: 'v' }] });
      assert.match(p.id, /^p-[a-z0-9]{8}$/);
      assert.equal(p.arn, `arn:aws:organizations::${h.org.managementAccountId}:policy/${h.org.organizationId}/service_control_policy/${p.id}`);
      assert.equal(p.awsManaged, false);
      assert.deepEqual(await h.service.describePolicy(p.id), p);
      assert.deepEqual((await h.service.listTagsForResource(p.id, {})).items, [{ key: 'k', value: 'v' }]);
      const ids = (await h.service.listPolicies('SERVICE_CONTROL_POLICY', {})).items.map((x) => x.id);
      assert.ok(ids.includes(p.id) && ids.includes('p-FullAWSAccess'));
      assert.equal((await h.service.listPolicies('BACKUP_POLICY', {})).items.length, 0);
      await assert.rejects(create('DenyS3'), isError('Conflict', { resource: 'Policy' }));
      await assert.rejects(h.service.describePolicy('p-zzzzzzzz'), isError('NotFound', { resource: 'Policy' }));
      const tag = await create('Tags', '{"tags":{}}', 'TAG_POLICY');
      assert.match(tag.arn, /:policy\/o-[a-z0-9]+\/tag_policy\/p-/);
    });

    test('policy content must be valid and within the size quota', async () => {
      await assert.rejects(create('Bad1', '{not json'), isError('Validation', { resource: 'PolicyDocument' }));
      await assert.rejects(create('Bad2', '[]'), isError('Validation', { resource: 'PolicyDocument' }));
      await assert.rejects(create('Bad3', '{"Statement":[{"Effect":"Maybe","Action":"*"}]}'), isError('Validation', { resource: 'PolicyDocument' }));
      await assert.rejects(create('Bad4', '{"Statement":[{"Effect":"Allow","Principal":"*","Action":"*"}]}'), isError('Validation', { resource: 'PolicyDocument' }));
      await assert.rejects(create('Bad5', '{"Statement":[]}'), isError('Validation', { resource: 'PolicyDocument' }));
      const big = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: Array.from({ length: 400 }, (_, i) => `s3:Action${i}`), Resource: '*' }] });
      assert.ok(big.length > 5120);
      await assert.rejects(create('Big', big), isError('LimitExceeded', { reason: 'POLICY_CONTENT_LIMIT_EXCEEDED' }));
    });

    test('UpdatePolicy; AWS managed policies are immutable', async () => {
      const p = await create('ToUpdate');
      const u = await h.service.updatePolicy({ policyId: p.id, name: 'Updated', content: SCP('Deny', 'ec2:*') });
      assert.equal(u.name, 'Updated');
      assert.equal(u.description, p.description);
      assert.deepEqual(await h.service.describePolicy(p.id), u);
      await assert.rejects(h.service.updatePolicy({ policyId: p.id, content: '{' }), isError('Validation', { resource: 'PolicyDocument' }));
      await assert.rejects(h.service.updatePolicy({ policyId: p.id, name: 'DenyS3' }), isError('Conflict', { resource: 'Policy' }));
      await assert.rejects(h.service.updatePolicy({ policyId: 'p-FullAWSAccess', name: 'x' }), isError('Validation', { reason: 'IMMUTABLE_POLICY' }));
      await assert.rejects(h.service.updatePolicy({ policyId: 'p-zzzzzzzz', name: 'x' }), isError('NotFound', { resource: 'Policy' }));
      await assert.rejects(h.service.deletePolicy('p-FullAWSAccess'), isError('Validation', { reason: 'IMMUTABLE_POLICY' }));
    });

    test('AttachPolicy / DetachPolicy / ListPoliciesForTarget / ListTargetsForPolicy', async () => {
      const p = await create('Attachable');
      const ou = await h.service.createOrganizationalUnit({ parentId: h.org.rootId, name: 'Attach' });
      const a = await newAccount(h, ou.id);
      await h.service.attachPolicy(p.id, ou.id);
      await h.service.attachPolicy(p.id, a);
      await assert.rejects(h.service.attachPolicy(p.id, ou.id), isError('Conflict', { resource: 'PolicyAttachment' }));
      await assert.rejects(h.service.attachPolicy('p-zzzzzzzz', ou.id), isError('NotFound', { resource: 'Policy' }));
      await assert.rejects(h.service.attachPolicy(p.id, 'ou-zzzz-zzzzzzzz'), isError('NotFound', { resource: 'Target' }));
      await assert.rejects(h.service.attachPolicy(p.id, '000000000000'), isError('NotFound', { resource: 'Target' }));
      assert.deepEqual((await h.service.listPoliciesForTarget(ou.id, 'SERVICE_CONTROL_POLICY', {})).items.map((x) => x.id).sort(), [p.id, 'p-FullAWSAccess'].sort());
      const targets = (await h.service.listTargetsForPolicy(p.id, {})).items;
      assert.deepEqual(targets.map((t) => [t.id, t.type]).sort(), [[a, 'ACCOUNT'], [ou.id, 'ORGANIZATIONAL_UNIT']].sort());
      assert.equal(targets.find((t) => t.id === ou.id)?.name, 'Attach');
      await assert.rejects(h.service.listPoliciesForTarget('ou-zzzz-zzzzzzzz', 'SERVICE_CONTROL_POLICY', {}), isError('NotFound', { resource: 'Target' }));
      await assert.rejects(h.service.listTargetsForPolicy('p-zzzzzzzz', {}), isError('NotFound', { resource: 'Policy' }));
      await assert.rejects(h.service.deletePolicy(p.id), isError('InvalidState', { resource: 'Policy' }));
      // Replacing FullAWSAccess (allow-list strategy): the other SCP is attached first.
      await h.service.detachPolicy('p-FullAWSAccess', ou.id);
      await assert.rejects(h.service.detachPolicy(p.id, ou.id), isError('LimitExceeded', { reason: 'MIN_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED' }));
      await assert.rejects(h.service.detachPolicy('p-FullAWSAccess', ou.id), isError('NotFound', { resource: 'PolicyAttachment' }));
      await assert.rejects(h.service.detachPolicy('p-FullAWSAccess', h.org.rootId), isError('LimitExceeded', { reason: 'MIN_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED' }));
      await assert.rejects(h.service.detachPolicy(p.id, 'r-zzzz'), isError('NotFound', { resource: 'Target' }));
      await h.service.detachPolicy(p.id, a);
      await h.service.attachPolicy('p-FullAWSAccess', ou.id);
      await h.service.detachPolicy(p.id, ou.id);
      await h.service.deletePolicy(p.id);
      await assert.rejects(h.service.describePolicy(p.id), isError('NotFound', { resource: 'Policy' }));
      await assert.rejects(h.service.deletePolicy(p.id), isError('NotFound', { resource: 'Policy' }));
    });

    test('at most five SCPs on a target', async () => {
      const ou = await h.service.createOrganizationalUnit({ parentId: h.org.rootId, name: 'Five' });
      for (let i = 0; i < 4; i++) await h.service.attachPolicy((await create(`Five${i}`)).id, ou.id);
      const sixth = await create('Six');
      await assert.rejects(h.service.attachPolicy(sixth.id, ou.id), isError('LimitExceeded', { reason: 'MAX_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED' }));
    });

    test('EnablePolicyType / DisablePolicyType', async () => {
      await assert.rejects(h.service.enablePolicyType(h.org.rootId, 'SERVICE_CONTROL_POLICY'), isError('Conflict', { resource: 'PolicyType' }));
      await assert.rejects(h.service.disablePolicyType(h.org.rootId, 'TAG_POLICY'), isError('InvalidState', { resource: 'PolicyType' }));
      await assert.rejects(h.service.enablePolicyType('r-zzzz', 'TAG_POLICY'), isError('NotFound', { resource: 'Root' }));
      const tag = await create('TagPol', '{"tags":{}}', 'TAG_POLICY');
      await assert.rejects(h.service.attachPolicy(tag.id, h.org.rootId), isError('InvalidState', { resource: 'PolicyType' }));
      const root = await h.service.enablePolicyType(h.org.rootId, 'TAG_POLICY');
      assert.deepEqual(root.policyTypes.map((t) => t.type).sort(), ['SERVICE_CONTROL_POLICY', 'TAG_POLICY']);
      await h.service.attachPolicy(tag.id, h.org.rootId);
      await h.service.detachPolicy(tag.id, h.org.rootId); // no minimum for management policy types
      await h.service.attachPolicy(tag.id, h.org.rootId);
      const after = await h.service.disablePolicyType(h.org.rootId, 'TAG_POLICY');
      assert.deepEqual(after.policyTypes.map((t) => t.type), ['SERVICE_CONTROL_POLICY']);
      assert.deepEqual((await h.service.listTargetsForPolicy(tag.id, {})).items, []);
    });

    test('disabling SCPs detaches them all; enabling attaches FullAWSAccess everywhere', async () => {
      const ou = await h.service.createOrganizationalUnit({ parentId: h.org.rootId, name: 'Cycle' });
      const a = await newAccount(h, ou.id);
      const deny = await create('CycleDeny');
      await h.service.attachPolicy(deny.id, a);
      await h.service.disablePolicyType(h.org.rootId, 'SERVICE_CONTROL_POLICY');
      assert.deepEqual((await h.service.listTargetsForPolicy('p-FullAWSAccess', {})).items, []);
      assert.deepEqual((await h.service.listTargetsForPolicy(deny.id, {})).items, []);
      await assert.rejects(h.service.attachPolicy(deny.id, a), isError('InvalidState', { resource: 'PolicyType' }));
      const created = await h.service.createOrganizationalUnit({ parentId: h.org.rootId, name: 'While disabled' });
      assert.deepEqual((await h.service.listPoliciesForTarget(created.id, 'SERVICE_CONTROL_POLICY', {})).items, []);
      await h.service.enablePolicyType(h.org.rootId, 'SERVICE_CONTROL_POLICY');
      for (const t of [h.org.rootId, ou.id, a, created.id, h.org.managementAccountId]) {
        assert.deepEqual((await h.service.listPoliciesForTarget(t, 'SERVICE_CONTROL_POLICY', {})).items.map((p) => p.id), ['p-FullAWSAccess'], t);
      }
    });
  });
}
