// The group operations through the service, on every back end.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { BACKENDS } from '../../support/backends.js';
import { isError, openHarness, rowCounts, type Harness } from './harness.js';

for (const backend of BACKENDS) {
  describe(`identity store groups (${backend.name})`, () => {
    let h: Harness;
    before(async () => (h = await openHarness(backend)));
    after(() => h.dispose());

    test('CreateGroup / DescribeGroup; display name is required and unique (any case)', async () => {
      const g = await h.service.createGroup(h.storeId, { DisplayName: 'Engineers', Description: 'All of them' });
      const d = await h.service.describeGroup(h.storeId, g.groupId);
      assert.deepEqual(d.profile, { DisplayName: 'Engineers', Description: 'All of them' });
      const before = await rowCounts(h.store);
      await assert.rejects(h.service.createGroup(h.storeId, { DisplayName: 'ENGINEERS' }), isError('Conflict', { reason: 'UNIQUENESS_CONSTRAINT_VIOLATION', field: 'DisplayName' }));
      await assert.rejects(h.service.createGroup(h.storeId, { Description: 'nameless' }), isError('Validation', { field: 'DisplayName' }));
      assert.deepEqual(await rowCounts(h.store), before);
      await assert.rejects(h.service.describeGroup(h.storeId, randomUUID()), isError('NotFound', { resource: 'GROUP' }));
      await assert.rejects(h.service.createGroup('d-1111111111', { DisplayName: 'x' }), isError('NotFound', { resource: 'IDENTITY_STORE' }));
    });

    test('GetGroupId by displayName (any case) and by ExternalId', async () => {
      const g = await h.service.createGroup(h.storeId, { DisplayName: 'Ops' }, [{ Issuer: 'scim', Id: 'ops-1' }]);
      assert.equal(await h.service.getGroupId(h.storeId, { UniqueAttribute: { AttributePath: 'displayName', AttributeValue: 'ops' } }), g.groupId);
      assert.equal(await h.service.getGroupId(h.storeId, { ExternalId: { Issuer: 'scim', Id: 'ops-1' } }), g.groupId);
      await assert.rejects(h.service.getGroupId(h.storeId, { UniqueAttribute: { AttributePath: 'displayName', AttributeValue: 'nope' } }), isError('NotFound', { resource: 'GROUP' }));
      await assert.rejects(h.service.getGroupId(h.storeId, { UniqueAttribute: { AttributePath: 'userName', AttributeValue: 'ops' } }), isError('Validation'));
    });

    test('UpdateGroup sets and removes; unknown paths, required display name and taken names are refused', async () => {
      const g = await h.service.createGroup(h.storeId, { DisplayName: 'Sales', Description: 'old' });
      await h.service.createGroup(h.storeId, { DisplayName: 'Marketing' });
      await h.service.updateGroup(h.storeId, g.groupId, [
        { AttributePath: 'displayName', AttributeValue: 'Sales EMEA' },
        { AttributePath: 'description', AttributeValue: null },
        { AttributePath: 'externalIds', AttributeValue: [{ Issuer: 'scim', Id: 'sales-1' }] },
      ]);
      const d = await h.service.describeGroup(h.storeId, g.groupId);
      assert.deepEqual(d.profile, { DisplayName: 'Sales EMEA' });
      assert.deepEqual(d.externalIds, [{ Issuer: 'scim', Id: 'sales-1' }]);
      await assert.rejects(h.service.updateGroup(h.storeId, g.groupId, [{ AttributePath: 'members', AttributeValue: [] }]), (e: any) => isError('Validation')(e) && /members/.test(e.message));
      await assert.rejects(h.service.updateGroup(h.storeId, g.groupId, [{ AttributePath: 'displayName', AttributeValue: null }]), isError('Validation', { field: 'DisplayName' }));
      await assert.rejects(h.service.updateGroup(h.storeId, g.groupId, [{ AttributePath: 'displayName', AttributeValue: 'marketing' }]), isError('Conflict', { reason: 'UNIQUENESS_CONSTRAINT_VIOLATION' }));
      await assert.rejects(h.service.updateGroup(h.storeId, randomUUID(), [{ AttributePath: 'description', AttributeValue: 'x' }]), isError('NotFound', { resource: 'GROUP' }));
      assert.deepEqual((await h.service.describeGroup(h.storeId, g.groupId)).profile, { DisplayName: 'Sales EMEA' });
    });

    test('ListGroups with the deprecated DisplayName filter', async () => {
      const g = await h.service.createGroup(h.storeId, { DisplayName: 'Finance' });
      const page = await h.service.listGroups(h.storeId, { filters: [{ AttributePath: 'DisplayName', AttributeValue: 'finance' }] });
      assert.deepEqual(page.items.map((x) => x.groupId), [g.groupId]);
      await assert.rejects(h.service.listGroups(h.storeId, { filters: [{ AttributePath: 'UserName', AttributeValue: 'x' }] }), isError('Validation', { field: 'Filters' }));
      const all = await h.service.listGroups(h.storeId);
      assert.ok(all.items.some((x) => x.groupId === g.groupId));
    });

    test('DeleteGroup removes the group, its external ids and its memberships in one go', async () => {
      const g = await h.service.createGroup(h.storeId, { DisplayName: 'Temp' }, [{ Issuer: 'scim', Id: 'temp-1' }]);
      const u = await h.service.createUser(h.storeId, { UserName: 'temp-user', DisplayName: 'T', Name: { GivenName: 'T', FamilyName: 'U' } });
      const m = await h.service.createGroupMembership(h.storeId, g.groupId, { UserId: u.userId });
      await h.service.deleteGroup(h.storeId, g.groupId);
      await assert.rejects(h.service.describeGroup(h.storeId, g.groupId), isError('NotFound', { resource: 'GROUP' }));
      await assert.rejects(h.service.describeGroupMembership(h.storeId, m.membershipId), isError('NotFound', { resource: 'GROUP_MEMBERSHIP' }));
      assert.equal((await h.service.listGroupMembershipsForMember(h.storeId, { UserId: u.userId })).items.length, 0);
      await h.service.createGroup(h.storeId, { DisplayName: 'Temp' }, [{ Issuer: 'scim', Id: 'temp-1' }]);
      await assert.rejects(h.service.deleteGroup(h.storeId, g.groupId), isError('NotFound', { resource: 'GROUP', resourceId: g.groupId }));
    });
  });
}
