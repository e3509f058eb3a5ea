// Trusted service access, delegated administrators, and tags.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BACKENDS } from '../../support/backends.js';
import { isError, newAccount, openHarness, type Harness } from './harness.js';

for (const backend of BACKENDS) {
  describe(`organizations: service access, delegated administrators, tags (${backend.name})`, () => {
    let h: Harness;
    before(async () => (h = await openHarness(backend)));
    after(() => h.dispose());

    test('EnableAWSServiceAccess / DisableAWSServiceAccess / ListAWSServiceAccessForOrganization', async () => {
      h.clock.advance(5000);
      await h.service.enableServiceAccess('sso.amazonaws.com');
      const at = h.clock.now();
      h.clock.advance(5000);
      await h.service.enableServiceAccess('sso.amazonaws.com');
      await h.service.enableServiceAccess('config.amazonaws.com');
      const list = (await h.service.listServiceAccess({})).items;
      assert.deepEqual(list.map((s) => s.servicePrincipal), ['config.amazonaws.com', 'sso.amazonaws.com']);
      assert.equal(list[1]!.enabledAt, at);
      await h.service.disableServiceAccess('config.amazonaws.com');
      await h.service.disableServiceAccess('config.amazonaws.com');
      assert.deepEqual((await h.service.listServiceAccess({})).items.map((s) => s.servicePrincipal), ['sso.amazonaws.com']);
      await assert.rejects(h.service.enableServiceAccess('not a principal'), isError('Validation', { reason: 'UNRECOGNIZED_SERVICE_PRINCIPAL' }));
    });

    test('RegisterDelegatedAdministrator and its refusals', async () => {
      const a = await newAccount(h);
      await assert.rejects(h.service.registerDelegatedAdministrator(h.org.managementAccountId, 'sso.amazonaws.com'),
        isError('LimitExceeded', { reason: 'CANNOT_REGISTER_MASTER_AS_DELEGATED_ADMINISTRATOR' }));
      await assert.rejects(h.service.registerDelegatedAdministrator(a, 'guardduty.amazonaws.com'),
        isError('LimitExceeded', { reason: 'SERVICE_ACCESS_NOT_ENABLED' }));
      await assert.rejects(h.service.registerDelegatedAdministrator('000000000000', 'sso.amazonaws.com'), isError('NotFound', { resource: 'Account' }));
      await h.service.registerDelegatedAdministrator(a, 'sso.amazonaws.com');
      await assert.rejects(h.service.registerDelegatedAdministrator(a, 'sso.amazonaws.com'), isError('Conflict', { resource: 'DelegatedAdministrator' }));
      await h.service.enableServiceAccess('guardduty.amazonaws.com');
      await h.service.registerDelegatedAdministrator(a, 'guardduty.amazonaws.com');

      const admins = (await h.service.listDelegatedAdministrators(undefined, {})).items;
      assert.deepEqual(admins.map((x) => x.id), [a]);
      assert.equal(admins[0]!.email.endsWith('@example.com'), true);
      assert.deepEqual((await h.service.listDelegatedAdministrators('sso.amazonaws.com', {})).items.map((x) => x.id), [a]);
      assert.deepEqual((await h.service.listDelegatedAdministrators('config.amazonaws.com', {})).items, []);
      assert.deepEqual((await h.service.listDelegatedServicesForAccount(a, {})).items.map((d) => d.servicePrincipal),
        ['guardduty.amazonaws.com', 'sso.amazonaws.com']);

      await h.service.deregisterDelegatedAdministrator(a, 'guardduty.amazonaws.com');
      await assert.rejects(h.service.deregisterDelegatedAdministrator(a, 'guardduty.amazonaws.com'), isError('NotFound', { resource: 'DelegatedAdministrator' }));
      await assert.rejects(h.service.deregisterDelegatedAdministrator('000000000000', 'sso.amazonaws.com'), isError('NotFound', { resource: 'Account' }));
      await h.service.deregisterDelegatedAdministrator(a, 'sso.amazonaws.com');
      await assert.rejects(h.service.listDelegatedServicesForAccount(a, {}), isError('NotFound', { resource: 'DelegatedAdministrator' }));
      await assert.rejects(h.service.listDelegatedServicesForAccount('000000000000', {}), isError('NotFound', { resource: 'Account' }));
    });

    test('TagResource / UntagResource / ListTagsForResource on roots, OUs, accounts and policies', async () => {
      const ou = await h.service.createOrganizationalUnit({ parentId: h.org.rootId, name: 'Tagged' });
      const a = await newAccount(h);
      const p = await h.service.createPolicy({ name: 'TaggedPolicy', description: '', type: 'SERVICE_CONTROL_POLICY', content: '{"Statement":{"Effect":"Deny","Action":"s3:*","Resource":"*"}}' });
      for (const id of [h.org.rootId, ou.id, a, p.id]) {
        await h.service.tagResource(id, [{ key: 'owner', value: 'x' }, { key: 'cost', value: '1' }]);
        await h.service.tagResource(id, [{ key: 'owner', value: 'y' }]);
        assert.deepEqual((await h.service.listTagsForResource(id, {})).items, [{ key: 'cost', value: '1' }, { key: 'owner', value: 'y' }]);
        await h.service.untagResource(id, ['cost', 'absent']);
        assert.deepEqual((await h.service.listTagsForResource(id, {})).items, [{ key: 'owner', value: 'y' }]);
      }
      for (const id of ['000000000000', 'ou-zzzz-zzzzzzzz', 'r-zzzz', 'p-zzzzzzzz']) {
        await assert.rejects(h.service.tagResource(id, [{ key: 'a', value: 'b' }]), isError('NotFound', { resource: 'Target' }));
        await assert.rejects(h.service.listTagsForResource(id, {}), isError('NotFound', { resource: 'Target' }));
        await assert.rejects(h.service.untagResource(id, ['a']), isError('NotFound', { resource: 'Target' }));
      }
      await assert.rejects(h.service.tagResource('p-FullAWSAccess', [{ key: 'a', value: 'b' }]), isError('Validation', { reason: 'TARGET_NOT_SUPPORTED' }));
      await assert.rejects(h.service.tagResource(a, [{ key: 'aws:x', value: 'b' }]), isError('Validation', { reason: 'INVALID_SYSTEM_TAGS_PARAMETER' }));
      await assert.rejects(h.service.untagResource(a, ['aws:x']), isError('Validation', { reason: 'INVALID_SYSTEM_TAGS_PARAMETER' }));
      const many = Array.from({ length: 50 }, (_, i) => ({ key: `k${i}`, value: '' }));
      await assert.rejects(h.service.tagResource(a, many), isError('LimitExceeded', { reason: 'MAX_TAG_LIMIT_EXCEEDED' }));
      await h.service.tagResource(a, many.slice(0, 49));
      assert.equal((await h.service.listTagsForResource(a, {})).items.length, 50);
      assert.equal((await h.service.listTagsForResource(a, {})).nextToken, undefined);
    });
  });
}
