// The identity store repository contract: the same cases against every storage back end.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { BACKENDS } from '../support/backends.js';
import type { KyselyStore } from '../../src/store/kysely-store.js';
import type { User } from '../../src/domain/identity-store/user.js';
import type { Group } from '../../src/domain/identity-store/group.js';
import type { Membership } from '../../src/domain/identity-store/membership.js';
import type { ExternalId } from '../../src/domain/identity-store/external-id.js';

const STORE = 'd-aaaaaaaaaa';
const OTHER = 'd-bbbbbbbbbb';
const T0 = Date.UTC(2026, 0, 1);

const user = (userName: string, extra: Partial<User> = {}, profile: Record<string, unknown> = {}): User => ({
  identityStoreId: STORE,
  userId: randomUUID(),
  profile: { UserName: userName, DisplayName: userName, Name: { GivenName: 'G', FamilyName: 'F' }, ...profile },
  externalIds: [],
  createdAt: T0,
  updatedAt: T0,
  version: 1,
  ...extra,
});

const group = (displayName: string, extra: Partial<Group> = {}): Group => ({
  identityStoreId: STORE,
  groupId: randomUUID(),
  profile: { DisplayName: displayName },
  externalIds: [],
  createdAt: T0,
  updatedAt: T0,
  version: 1,
  ...extra,
});

const membership = (groupId: string, userId: string): Membership => ({
  identityStoreId: STORE,
  membershipId: randomUUID(),
  groupId,
  userId,
  createdAt: T0,
});

const uniqueness = (field: string) => (e: any) => {
  assert.equal(e.code, 'Conflict');
  assert.equal(e.details.reason, 'UNIQUENESS_CONSTRAINT_VIOLATION');
  assert.equal(e.details.field, field);
  return true;
};

for (const backend of BACKENDS) {
  describe(`identity store repository contract (${backend.name})`, () => {
    let store: KyselyStore;
    let dispose: () => Promise<void>;
    before(async () => ({ store, dispose } = await backend.open()));
    after(() => dispose());
    const repo = () => store.identityStore;

    test('a user round-trips with every attribute and its external ids in order', async () => {
      const ext: ExternalId[] = [
        { Issuer: 'https://idp.example/z', Id: 'z-1' },
        { Issuer: 'https://idp.example/a', Id: 'a-1' },
      ];
      const u = user('roundtrip', { externalIds: ext }, {
        Name: { Formatted: 'Dr. A B', GivenName: 'A', FamilyName: 'B', MiddleName: 'M', HonorificPrefix: 'Dr.', HonorificSuffix: 'PhD' },
        NickName: 'nick',
        ProfileUrl: 'https://example.com/p',
        Emails: [{ Value: 'rt@example.com', Type: 'work', Primary: true }],
        Addresses: [{ StreetAddress: '1 Main St', Locality: 'Town', Region: 'R', PostalCode: '12345', Country: 'US', Formatted: 'x', Type: 'home', Primary: true }],
        PhoneNumbers: [{ Value: '+1 555 0100', Type: 'mobile', Primary: false }],
        UserType: 'Employee',
        Title: 'Engineer',
        PreferredLanguage: 'en-US',
        Locale: 'en_US',
        Timezone: 'Europe/Paris',
      });
      await store.transaction((tx) => tx.identityStore.insertUser(u));
      assert.deepEqual(await repo().getUser(STORE, u.userId), u);
      assert.equal(await repo().getUser(OTHER, u.userId), undefined);
      assert.equal(await repo().getUser(STORE, randomUUID()), undefined);
    });

    test('user names are unique per identity store without regard to case', async () => {
      await repo().insertUser(user('Casey'));
      await assert.rejects(repo().insertUser(user('cASEY')), uniqueness('UserName'));
      await repo().insertUser(user('casey', { identityStoreId: OTHER }));
    });

    test('external ids are unique per identity store; a failed insert leaves nothing behind', async () => {
      const ext = [{ Issuer: 'idp', Id: 'shared-1' }];
      await store.transaction((tx) => tx.identityStore.insertUser(user('ext-a', { externalIds: ext })));
      const b = user('ext-b', { externalIds: ext });
      await assert.rejects(store.transaction((tx) => tx.identityStore.insertUser(b)), uniqueness('ExternalIds'));
      assert.equal(await repo().getUser(STORE, b.userId), undefined);
      assert.deepEqual(await repo().findUserIds(STORE, { kind: 'userName', value: 'ext-b' }), []);
      const g = group('ext-group', { externalIds: ext });
      await assert.rejects(store.transaction((tx) => tx.identityStore.insertGroup(g)), uniqueness('ExternalIds'));
      await store.transaction((tx) => tx.identityStore.insertUser(user('ext-c', { identityStoreId: OTHER, externalIds: ext })));
    });

    test('users are found by user name and email without regard to case, and by external id exactly', async () => {
      const u = user('Finder', { externalIds: [{ Issuer: 'Idp', Id: 'Find-1' }] }, { Emails: [{ Value: 'Finder@Example.com' }] });
      await store.transaction((tx) => tx.identityStore.insertUser(u));
      assert.deepEqual(await repo().findUserIds(STORE, { kind: 'userName', value: 'FINDER' }), [u.userId]);
      assert.deepEqual(await repo().findUserIds(STORE, { kind: 'email', value: 'finder@example.COM' }), [u.userId]);
      assert.deepEqual(await repo().findUserIds(STORE, { kind: 'externalId', issuer: 'Idp', id: 'Find-1' }), [u.userId]);
      assert.deepEqual(await repo().findUserIds(STORE, { kind: 'externalId', issuer: 'idp', id: 'Find-1' }), []);
      assert.deepEqual(await repo().findUserIds(OTHER, { kind: 'userName', value: 'Finder' }), []);
    });

    test('replaceUser honours the expected version and the uniqueness of user names', async () => {
      const u = user('replace-me', { externalIds: [{ Issuer: 'i', Id: 'r1' }] });
      await store.transaction((tx) => tx.identityStore.insertUser(u));
      await repo().insertUser(user('taken-name'));
      const renamed: User = { ...u, profile: { ...u.profile, UserName: 'replaced' }, externalIds: [{ Issuer: 'i', Id: 'r2' }], version: 2, updatedAt: T0 + 1 };
      assert.equal(await store.transaction((tx) => tx.identityStore.replaceUser(renamed, 5)), false);
      assert.equal(await store.transaction((tx) => tx.identityStore.replaceUser(renamed, 1)), true);
      assert.deepEqual(await repo().getUser(STORE, u.userId), renamed);
      assert.deepEqual(await repo().findUserIds(STORE, { kind: 'externalId', issuer: 'i', id: 'r1' }), []);
      const clash: User = { ...renamed, profile: { ...renamed.profile, UserName: 'TAKEN-NAME' }, version: 3 };
      await assert.rejects(store.transaction((tx) => tx.identityStore.replaceUser(clash, 2)), uniqueness('UserName'));
      assert.equal((await repo().getUser(STORE, u.userId))?.profile.UserName, 'replaced');
    });

    test('users list in id order, page by key, and filter by user name', async () => {
      const s = 'd-cccccccccc';
      const users = Array.from({ length: 7 }, (_, i) => user(`list-${i}`, { identityStoreId: s }));
      for (const u of users) await repo().insertUser(u);
      const ids = users.map((u) => u.userId).sort();
      const first = await repo().listUsers(s, { limit: 3 });
      assert.deepEqual(first.map((u) => u.userId), ids.slice(0, 3));
      const next = await repo().listUsers(s, { after: ids[2], limit: 10 });
      assert.deepEqual(next.map((u) => u.userId), ids.slice(3));
      const filtered = await repo().listUsers(s, { limit: 10 }, 'LIST-4');
      assert.deepEqual(filtered.map((u) => u.profile.UserName), ['list-4']);
    });

    test('deleting a user removes its external ids so they can be reused', async () => {
      const ext = [{ Issuer: 'reuse', Id: '1' }];
      const u = user('deleted-one', { externalIds: ext });
      await store.transaction((tx) => tx.identityStore.insertUser(u));
      assert.equal(await store.transaction((tx) => tx.identityStore.deleteUser(STORE, u.userId)), true);
      assert.equal(await repo().deleteUser(STORE, u.userId), false);
      await store.transaction((tx) => tx.identityStore.insertUser(user('deleted-two', { externalIds: ext })));
    });

    test('groups: round trip, unique display names without regard to case, lookups, list', async () => {
      const g = group('Admins', { externalIds: [{ Issuer: 'idp', Id: 'g-1' }] });
      const withDescription: Group = { ...g, profile: { ...g.profile, Description: 'The admins' } };
      await store.transaction((tx) => tx.identityStore.insertGroup(withDescription));
      assert.deepEqual(await repo().getGroup(STORE, g.groupId), withDescription);
      await assert.rejects(repo().insertGroup(group('ADMINS')), uniqueness('DisplayName'));
      assert.deepEqual(await repo().findGroupIds(STORE, { kind: 'displayName', value: 'admins' }), [g.groupId]);
      assert.deepEqual(await repo().findGroupIds(STORE, { kind: 'externalId', issuer: 'idp', id: 'g-1' }), [g.groupId]);
      assert.deepEqual(await repo().findUserIds(STORE, { kind: 'externalId', issuer: 'idp', id: 'g-1' }), []);
      const listed = await repo().listGroups(STORE, { limit: 100 }, 'aDmInS');
      assert.deepEqual(listed.map((x) => x.groupId), [g.groupId]);
      const renamed: Group = { ...withDescription, profile: { DisplayName: 'Operators' }, version: 2 };
      assert.equal(await store.transaction((tx) => tx.identityStore.replaceGroup(renamed, 1)), true);
      assert.deepEqual((await repo().getGroup(STORE, g.groupId))?.profile, { DisplayName: 'Operators' });
      assert.equal(await store.transaction((tx) => tx.identityStore.deleteGroup(STORE, g.groupId)), true);
      assert.equal(await repo().getGroup(STORE, g.groupId), undefined);
    });

    test('memberships: unique per group and user, listed by owner, checked in bulk, deleted with their owner', async () => {
      const [u1, u2] = [user('member-1'), user('member-2')];
      const [g1, g2, g3] = [group('team-1'), group('team-2'), group('team-3')];
      for (const u of [u1, u2]) await repo().insertUser(u);
      for (const g of [g1, g2, g3]) await repo().insertGroup(g);
      const m11 = membership(g1.groupId, u1.userId);
      await repo().insertMembership(m11);
      await assert.rejects(repo().insertMembership(membership(g1.groupId, u1.userId)), uniqueness('MemberId'));
      const m21 = membership(g2.groupId, u1.userId);
      const m12 = membership(g1.groupId, u2.userId);
      await repo().insertMembership(m21);
      await repo().insertMembership(m12);
      assert.deepEqual(await repo().getMembership(STORE, m11.membershipId), m11);
      assert.deepEqual(await repo().findMembership(STORE, g1.groupId, u2.userId), m12);
      assert.equal(await repo().findMembership(STORE, g3.groupId, u2.userId), undefined);
      const byGroup = [m11, m12].map((m) => m.membershipId).sort();
      assert.deepEqual((await repo().listMemberships(STORE, { groupId: g1.groupId }, { limit: 1 })).map((m) => m.membershipId), byGroup.slice(0, 1));
      assert.deepEqual((await repo().listMemberships(STORE, { groupId: g1.groupId }, { after: byGroup[0], limit: 5 })).map((m) => m.membershipId), byGroup.slice(1));
      assert.deepEqual((await repo().listMemberships(STORE, { userId: u1.userId }, { limit: 5 })).map((m) => m.membershipId).sort(), [m11, m21].map((m) => m.membershipId).sort());
      assert.deepEqual((await repo().memberGroupIds(STORE, u1.userId, [g1.groupId, g3.groupId, g2.groupId])).sort(), [g1.groupId, g2.groupId].sort());
      assert.equal(await repo().deleteMemberships(STORE, { userId: u1.userId }), 2);
      assert.deepEqual(await repo().listMemberships(STORE, { userId: u1.userId }, { limit: 5 }), []);
      assert.equal(await repo().deleteMembership(STORE, m12.membershipId), true);
      assert.equal(await repo().deleteMembership(STORE, m12.membershipId), false);
    });

    test('a membership cannot outlive its user or group (foreign keys cascade)', async () => {
      const u = user('cascade-user');
      const g = group('cascade-group');
      await repo().insertUser(u);
      await repo().insertGroup(g);
      const m = membership(g.groupId, u.userId);
      await repo().insertMembership(m);
      await repo().deleteUser(STORE, u.userId);
      assert.equal(await repo().getMembership(STORE, m.membershipId), undefined);
      await assert.rejects(repo().insertMembership(membership(g.groupId, u.userId)), { code: 'Conflict' });
    });

    test('a very long group display name is unique and found (keys are fixed-width)', async () => {
      const long = 'L'.repeat(1024);
      const g = group(long);
      await repo().insertGroup(g);
      await assert.rejects(repo().insertGroup(group(long.toLowerCase())), uniqueness('DisplayName'));
      assert.deepEqual(await repo().findGroupIds(STORE, { kind: 'displayName', value: long }), [g.groupId]);
    });
  });
}
