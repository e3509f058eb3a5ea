// Organizational units, ListChildren and ListParents.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BACKENDS } from '../../support/backends.js';
import { isError, newAccount, openHarness, type Harness } from './harness.js';

for (const backend of BACKENDS) {
  describe(`organizations: organizational units (${backend.name})`, () => {
    let h: Harness;
    before(async () => (h = await openHarness(backend)));
    after(() => h.dispose());

    test('Create / Describe / Update an OU; names are unique per parent', async () => {
      const ou = await h.service.createOrganizationalUnit({ parentId: h.org.rootId, name: 'Prod', tags: [{ key: 'env', value: 'prod' }] });
      assert.match(ou.id, new RegExp(`^ou-${h.org.rootId.slice(2)}-[a-z0-9]{8}$`));
      assert.equal(ou.arn, `arn:aws:organizations::${h.org.managementAccountId}:ou/${h.org.organizationId}/${ou.id}`);
      assert.deepEqual(await h.service.describeOrganizationalUnit(ou.id), ou);
      assert.deepEqual((await h.service.listTagsForResource(ou.id, {})).items, [{ key: 'env', value: 'prod' }]);
      assert.deepEqual((await h.service.listPoliciesForTarget(ou.id, 'SERVICE_CONTROL_POLICY', {})).items.map((p) => p.id), ['p-FullAWSAccess']);
      await assert.rejects(h.service.createOrganizationalUnit({ parentId: h.org.rootId, name: 'Prod' }),
        isError('Conflict', { resource: 'OrganizationalUnit' }));
      const child = await h.service.createOrganizationalUnit({ parentId: ou.id, name: 'Prod' });
      assert.equal(child.parentId, ou.id);
      const dev = await h.service.createOrganizationalUnit({ parentId: h.org.rootId, name: 'Dev' });
      await assert.rejects(h.service.updateOrganizationalUnit(dev.id, 'Prod'), isError('Conflict', { resource: 'OrganizationalUnit' }));
      assert.equal((await h.service.updateOrganizationalUnit(dev.id, 'Development')).name, 'Development');
      assert.equal((await h.service.describeOrganizationalUnit(dev.id)).name, 'Development');
      assert.equal((await h.service.updateOrganizationalUnit(dev.id)).name, 'Development');
      await assert.rejects(h.service.createOrganizationalUnit({ parentId: 'ou-zzzz-zzzzzzzz', name: 'x' }), isError('NotFound', { resource: 'Parent' }));
      await assert.rejects(h.service.describeOrganizationalUnit('ou-zzzz-zzzzzzzz'), isError('NotFound', { resource: 'OrganizationalUnit' }));
      await assert.rejects(h.service.updateOrganizationalUnit('ou-zzzz-zzzzzzzz', 'x'), isError('NotFound', { resource: 'OrganizationalUnit' }));
    });

    test('OUs nest at most five levels below the root', async () => {
      let parent = h.org.rootId;
      for (let i = 1; i <= 5; i++) parent = (await h.service.createOrganizationalUnit({ parentId: parent, name: `L${i}` })).id;
      await assert.rejects(h.service.createOrganizationalUnit({ parentId: parent, name: 'L6' }),
        isError('LimitExceeded', { reason: 'OU_DEPTH_LIMIT_EXCEEDED' }));
    });

    test('DeleteOrganizationalUnit refuses a non-empty OU and removes attachments and tags', async () => {
      const ou = await h.service.createOrganizationalUnit({ parentId: h.org.rootId, name: 'Temp', tags: [{ key: 'a', value: 'b' }] });
      const a = await newAccount(h, ou.id);
      await assert.rejects(h.service.deleteOrganizationalUnit(ou.id), isError('InvalidState', { resource: 'OrganizationalUnit' }));
      await h.service.moveAccount({ accountId: a, sourceParentId: ou.id, destinationParentId: h.org.rootId });
      const sub = await h.service.createOrganizationalUnit({ parentId: ou.id, name: 'Sub' });
      await assert.rejects(h.service.deleteOrganizationalUnit(ou.id), isError('InvalidState', { resource: 'OrganizationalUnit' }));
      await h.service.deleteOrganizationalUnit(sub.id);
      await h.service.deleteOrganizationalUnit(ou.id);
      await assert.rejects(h.service.describeOrganizationalUnit(ou.id), isError('NotFound', { resource: 'OrganizationalUnit' }));
      assert.deepEqual(await h.store.organizations.listAttachmentsForTarget(ou.id), []);
      assert.deepEqual(await h.store.organizations.listTags(ou.id), []);
      await assert.rejects(h.service.deleteOrganizationalUnit(ou.id), isError('NotFound', { resource: 'OrganizationalUnit' }));
    });

    test('ListOrganizationalUnitsForParent, ListChildren, ListParents', async () => {
      const top = await h.service.createOrganizationalUnit({ parentId: h.org.rootId, name: 'Tree' });
      const sub = await h.service.createOrganizationalUnit({ parentId: top.id, name: 'Leaf' });
      const a = await newAccount(h, top.id);
      assert.deepEqual((await h.service.listOrganizationalUnitsForParent(top.id, {})).items.map((o) => o.id), [sub.id]);
      assert.deepEqual((await h.service.listChildren(top.id, 'ORGANIZATIONAL_UNIT', {})).items, [{ id: sub.id, type: 'ORGANIZATIONAL_UNIT' }]);
      assert.deepEqual((await h.service.listChildren(top.id, 'ACCOUNT', {})).items, [{ id: a, type: 'ACCOUNT' }]);
      assert.ok((await h.service.listChildren(h.org.rootId, 'ACCOUNT', {})).items.some((c) => c.id === h.org.managementAccountId));
      assert.deepEqual((await h.service.listParents(sub.id, {})).items, [{ id: top.id, type: 'ORGANIZATIONAL_UNIT' }]);
      assert.deepEqual((await h.service.listParents(top.id, {})).items, [{ id: h.org.rootId, type: 'ROOT' }]);
      assert.deepEqual((await h.service.listParents(a, {})).items, [{ id: top.id, type: 'ORGANIZATIONAL_UNIT' }]);
      await assert.rejects(h.service.listParents('000000000000', {}), isError('NotFound', { resource: 'Child' }));
      await assert.rejects(h.service.listParents('ou-zzzz-zzzzzzzz', {}), isError('NotFound', { resource: 'Child' }));
      await assert.rejects(h.service.listChildren('ou-zzzz-zzzzzzzz', 'ACCOUNT', {}), isError('NotFound', { resource: 'Parent' }));
      await assert.rejects(h.service.listOrganizationalUnitsForParent('r-zzzz', {}), isError('NotFound', { resource: 'Parent' }));
    });
  });
}
