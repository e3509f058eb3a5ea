// Pagination: MaxResults 1..20, opaque NextToken bound to its list, omitted on the last page.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BACKENDS } from '../../support/backends.js';
import { isError, newAccount, openHarness, type Harness } from './harness.js';
import { paginate } from '../../../src/domain/organizations/pagination.js';

describe('paginate', () => {
  const items = Array.from({ length: 45 }, (_, i) => `item-${String(i).padStart(2, '0')}`);
  const id = (s: string) => s;

  test('walks every item once, in order, without a token on the last page', () => {
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = paginate(items, id, 'scope', { maxResults: 20, ...(token ? { nextToken: token } : {}) });
      seen.push(...page.items);
      token = page.nextToken;
      pages += 1;
    } while (token);
    assert.deepEqual(seen, items);
    assert.equal(pages, 3);
  });

  test('defaults to 20; an exact fit has no token', () => {
    assert.equal(paginate(items, id, 's', {}).items.length, 20);
    assert.equal(paginate(items.slice(0, 20), id, 's', {}).nextToken, undefined);
  });

  test('refuses page sizes outside 1..20, foreign and garbled tokens', () => {
    assert.throws(() => paginate(items, id, 's', { maxResults: 0 }), isError('Validation', { field: 'MaxResults', reason: 'MIN_VALUE_EXCEEDED' }));
    assert.throws(() => paginate(items, id, 's', { maxResults: 21 }), isError('Validation', { field: 'MaxResults', reason: 'MAX_VALUE_EXCEEDED' }));
    const token = paginate(items, id, 'a', { maxResults: 1 }).nextToken!;
    assert.throws(() => paginate(items, id, 'b', { nextToken: token }), isError('Validation', { field: 'NextToken', reason: 'INVALID_NEXT_TOKEN' }));
    assert.throws(() => paginate(items, id, 'a', { nextToken: 'not-a-token' }), isError('Validation', { reason: 'INVALID_NEXT_TOKEN' }));
  });

  test('a page boundary survives a deletion before it', () => {
    const first = paginate(items, id, 's', { maxResults: 10 });
    const rest = paginate(items.slice(1), id, 's', { nextToken: first.nextToken! });
    assert.equal(rest.items[0], 'item-10');
  });
});

for (const backend of BACKENDS) {
  describe(`organizations: paginated lists (${backend.name})`, () => {
    let h: Harness;
    before(async () => (h = await openHarness(backend)));
    after(() => h.dispose());

    test('ListAccounts and ListChildren page through 25 accounts', async () => {
      for (let i = 0; i < 24; i++) await newAccount(h);
      const first = await h.service.listAccounts({ maxResults: 10 });
      assert.equal(first.items.length, 10);
      const second = await h.service.listAccounts({ maxResults: 10, nextToken: first.nextToken! });
      const third = await h.service.listAccounts({ maxResults: 10, nextToken: second.nextToken! });
      assert.equal(third.items.length, 5);
      assert.equal(third.nextToken, undefined);
      const ids = [...first.items, ...second.items, ...third.items].map((a) => a.id);
      assert.equal(new Set(ids).size, 25);
      const children: string[] = [];
      let token: string | undefined;
      do {
        const page = await h.service.listChildren(h.org.rootId, 'ACCOUNT', { maxResults: 7, ...(token ? { nextToken: token } : {}) });
        children.push(...page.items.map((c) => c.id));
        token = page.nextToken;
      } while (token);
      assert.deepEqual(children.sort(), [...ids].sort());
      await assert.rejects(h.service.listChildren(h.org.rootId, 'ORGANIZATIONAL_UNIT', { nextToken: first.nextToken! }),
        isError('Validation', { reason: 'INVALID_NEXT_TOKEN' }));
    });
  });
}
