// The membership operations through the service, on every back end.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { BACKENDS } from '../../support/backends.js';
import { isError, openHarness, rowCounts, userInput, type Harness } from './harness.js';

for (const backend of BACKENDS) {
  describe(`identity store memberships (${backend.name})`, () => {
    let h: Harness;
    before(async () => (h = await openHarness(backend)));
    after(() => h.dispose());

    test('create, describe, get id, check, list both ways, delete', async () => {
      const u = await h.service.createUser(h.storeId, userInput('member'));
      const [g1, g2, g3] = await Promise.all(['m-1', 'm-2', 'm-3'].map((n) => h.service.createGroup(h.storeId, { DisplayName: n })));
      const m1 = await h.service.createGroupMembership(h.storeId, g1!.groupId, { UserId: u.userId });
      const m2 = await h.service.createGroupMembership(h.storeId, g2!.groupId, { UserId: u.userId });
      assert.deepEqual(await h.service.describeGroupMembership(h.storeId, m1.membershipId), m1);
      assert.equal(await h.service.getGroupMembershipId(h.storeId, g2!.groupId, { UserId: u.userId }), m2.membershipId);
      await assert.rejects(h.service.getGroupMembershipId(h.storeId, g3!.groupId, { UserId: u.userId }), isError('NotFound', { resource: 'GROUP_MEMBERSHIP' }));
      const results = await h.service.isMemberInGroups(h.storeId, { UserId: u.userId }, [g3!.groupId, g1!.groupId, g2!.groupId]);
      assert.deepEqual(results.map((r) => [r.groupId, r.exists]), [[g3!.groupId, false], [g1!.groupId, true], [g2!.groupId, true]]);
      assert.deepEqual((await h.service.listGroupMemberships(h.storeId, g1!.groupId)).items, [m1]);
      assert.deepEqual(
        (await h.service.listGroupMembershipsForMember(h.storeId, { UserId: u.userId })).items.map((m) => m.membershipId).sort(),
        [m1.membershipId, m2.membershipId].sort(),
      );
      await h.service.deleteGroupMembership(h.storeId, m1.membershipId);
      await assert.rejects(h.service.deleteGroupMembership(h.storeId, m1.membershipId), isError('NotFound', { resource: 'GROUP_MEMBERSHIP', resourceId: m1.membershipId }));
      assert.deepEqual((await h.service.listGroupMemberships(h.storeId, g1!.groupId)).items, []);
    });

    test('a second membership of the same user in a group is a Conflict; nothing is written', async () => {
      const u = await h.service.createUser(h.storeId, userInput('twice'));
      const g = await h.service.createGroup(h.storeId, { DisplayName: 'twice-group' });
      await h.service.createGroupMembership(h.storeId, g.groupId, { UserId: u.userId });
      const before = await rowCounts(h.store);
      await assert.rejects(h.service.createGroupMembership(h.storeId, g.groupId, { UserId: u.userId }), isError('Conflict', { reason: 'UNIQUENESS_CONSTRAINT_VIOLATION' }));
      assert.deepEqual(await rowCounts(h.store), before);
    });

    test('unknown users and groups are ResourceNotFound of the right type', async () => {
      const u = await h.service.createUser(h.storeId, userInput('lonely'));
      const g = await h.service.createGroup(h.storeId, { DisplayName: 'lonely-group' });
      const missing = randomUUID();
      await assert.rejects(h.service.createGroupMembership(h.storeId, g.groupId, { UserId: missing }), isError('NotFound', { resource: 'USER', resourceId: missing }));
      await assert.rejects(h.service.createGroupMembership(h.storeId, missing, { UserId: u.userId }), isError('NotFound', { resource: 'GROUP', resourceId: missing }));
      await assert.rejects(h.service.describeGroupMembership(h.storeId, missing), isError('NotFound', { resource: 'GROUP_MEMBERSHIP' }));
      await assert.rejects(h.service.listGroupMemberships(h.storeId, missing), isError('NotFound', { resource: 'GROUP' }));
      await assert.rejects(h.service.listGroupMembershipsForMember(h.storeId, { UserId: missing }), isError('NotFound', { resource: 'USER' }));
      await assert.rejects(h.service.createGroupMembership(h.storeId, g.groupId, {}), isError('Validation', { field: 'MemberId' }));
      await assert.rejects(h.service.isMemberInGroups(h.storeId, { UserId: u.userId }, []), isError('Validation', { field: 'GroupIds' }));
    });

    test('DeleteUser removes the user and all its memberships (one transaction)', async () => {
      const u = await h.service.createUser(h.storeId, userInput('leaver'), [{ Issuer: 'idp', Id: 'leaver' }]);
      const other = await h.service.createUser(h.storeId, userInput('stayer'));
      const groups = await Promise.all(['l-1', 'l-2', 'l-3'].map((n) => h.service.createGroup(h.storeId, { DisplayName: n })));
      for (const g of groups) {
        await h.service.createGroupMembership(h.storeId, g.groupId, { UserId: u.userId });
        await h.service.createGroupMembership(h.storeId, g.groupId, { UserId: other.userId });
      }
      await h.service.deleteUser(h.storeId, u.userId);
      await assert.rejects(h.service.describeUser(h.storeId, u.userId), isError('NotFound', { resource: 'USER' }));
      for (const g of groups) {
        const members = (await h.service.listGroupMemberships(h.storeId, g.groupId)).items;
        assert.deepEqual(members.map((m) => m.userId), [other.userId]);
      }
      await assert.rejects(h.service.getUserId(h.storeId, { ExternalId: { Issuer: 'idp', Id: 'leaver' } }), isError('NotFound'));
    });
  });
}
