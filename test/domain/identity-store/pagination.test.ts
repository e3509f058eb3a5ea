// Pages across the List operations: MaxResults 1..100 (100 by default), opaque tokens bound to
// their listing, no token on the last page, no duplicates, stable order.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BACKENDS } from '../../support/backends.js';
import { isError, openHarness, userInput, type Harness } from './harness.js';
import type { Page } from '../../../src/domain/identity-store/pagination.js';

const collect = async <T>(fetch: (token?: string) => Promise<Page<T>>): Promise<{ pages: T[][]; tokens: (string | undefined)[] }> => {
  const pages: T[][] = [];
  const tokens: (string | undefined)[] = [];
  let token: string | undefined;
  do {
    const page = await fetch(token);
    pages.push([...page.items]);
    tokens.push(page.nextToken);
    token = page.nextToken;
  } while (token !== undefined);
  return { pages, tokens };
};

for (const backend of BACKENDS) {
  describe(`identity store pagination (${backend.name})`, () => {
    let h: Harness;
    const userIds: string[] = [];
    before(async () => {
      h = await openHarness(backend);
      for (let i = 0; i < 250; i++) userIds.push((await h.service.createUser(h.storeId, userInput(`page-${i}`))).userId);
    });
    after(() => h.dispose());

    test('250 users: pages of 100, 100 and 50, no duplicates, no token on the last page', async () => {
      const { pages, tokens } = await collect((nextToken) => h.service.listUsers(h.storeId, { maxResults: 100, ...(nextToken ? { nextToken } : {}) }));
      assert.deepEqual(pages.map((p) => p.length), [100, 100, 50]);
      assert.equal(tokens[2], undefined);
      const seen = pages.flat().map((u) => u.userId);
      assert.equal(new Set(seen).size, 250);
      assert.deepEqual([...seen].sort(), [...userIds].sort());
      for (const t of tokens.slice(0, 2)) assert.match(t!, /^[-a-zA-Z0-9+=/:]*$/, 'NextToken fits the model pattern');
    });

    test('the default page size is 100, and the order is stable', async () => {
      const first = await h.service.listUsers(h.storeId);
      assert.equal(first.items.length, 100);
      const again = await h.service.listUsers(h.storeId);
      assert.deepEqual(again.items.map((u) => u.userId), first.items.map((u) => u.userId));
      const { pages } = await collect((nextToken) => h.service.listUsers(h.storeId, { maxResults: 7, ...(nextToken ? { nextToken } : {}) }));
      assert.equal(pages.length, Math.ceil(250 / 7));
      assert.equal(new Set(pages.flat().map((u) => u.userId)).size, 250);
    });

    test('an exact multiple of the page size ends without a token and without an empty page', async () => {
      const { pages, tokens } = await collect((nextToken) => h.service.listUsers(h.storeId, { maxResults: 50, ...(nextToken ? { nextToken } : {}) }));
      assert.deepEqual(pages.map((p) => p.length), [50, 50, 50, 50, 50]);
      assert.equal(tokens.at(-1), undefined);
    });

    test('MaxResults outside 1..100 and foreign or garbled tokens are ValidationExceptions', async () => {
      await assert.rejects(h.service.listUsers(h.storeId, { maxResults: 0 }), isError('Validation', { field: 'MaxResults' }));
      await assert.rejects(h.service.listUsers(h.storeId, { maxResults: 101 }), isError('Validation', { field: 'MaxResults' }));
      await assert.rejects(h.service.listUsers(h.storeId, { nextToken: 'not-a-token' }), isError('Validation', { field: 'NextToken' }));
      const usersToken = (await h.service.listUsers(h.storeId, { maxResults: 1 })).nextToken!;
      await assert.rejects(h.service.listGroups(h.storeId, { nextToken: usersToken }), isError('Validation', { field: 'NextToken' }));
      await assert.rejects(
        h.service.listUsers(h.storeId, { nextToken: usersToken, filters: [{ AttributePath: 'UserName', AttributeValue: 'page-1' }] }),
        isError('Validation', { field: 'NextToken' }),
      );
    });

    test('groups and memberships page the same way', async () => {
      const groups: string[] = [];
      for (let i = 0; i < 12; i++) groups.push((await h.service.createGroup(h.storeId, { DisplayName: `pg-${i}` })).groupId);
      const g = await collect((nextToken) => h.service.listGroups(h.storeId, { maxResults: 5, ...(nextToken ? { nextToken } : {}) }));
      assert.deepEqual(g.pages.map((p) => p.length), [5, 5, 2]);
      assert.deepEqual(g.pages.flat().map((x) => x.groupId).sort(), [...groups].sort());

      for (const userId of userIds.slice(0, 23)) await h.service.createGroupMembership(h.storeId, groups[0]!, { UserId: userId });
      const m = await collect((nextToken) => h.service.listGroupMemberships(h.storeId, groups[0]!, { maxResults: 10, ...(nextToken ? { nextToken } : {}) }));
      assert.deepEqual(m.pages.map((p) => p.length), [10, 10, 3]);
      assert.equal(new Set(m.pages.flat().map((x) => x.membershipId)).size, 23);

      for (const groupId of groups.slice(0, 12)) await h.service.createGroupMembership(h.storeId, groupId, { UserId: userIds[100]! });
      const f = await collect((nextToken) => h.service.listGroupMembershipsForMember(h.storeId, { UserId: userIds[100]! }, { maxResults: 4, ...(nextToken ? { nextToken } : {}) }));
      assert.deepEqual(f.pages.map((p) => p.length), [4, 4, 4]);
      const otherGroupToken = (await h.service.listGroupMemberships(h.storeId, groups[0]!, { maxResults: 1 })).nextToken!;
      await assert.rejects(h.service.listGroupMemberships(h.storeId, groups[1]!, { nextToken: otherGroupToken }), isError('Validation', { field: 'NextToken' }));
    });
  });
}
