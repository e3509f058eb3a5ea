import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sortedPage, type PageOptions } from '../../src/lib/sorted-page.js';

const opts = (token: string | undefined, scope = 'list-a'): PageOptions => ({ token, size: 2, scope, separator: '.', invalid: () => new Error('bad token') });

test('pages walk every item once, in order, and the last page has no token', () => {
  const items = ['d', 'a', 'c', 'b', 'e'];
  const seen: string[] = [];
  let token: string | undefined;
  do {
    const page = sortedPage(items, (x) => x, opts(token));
    seen.push(...page.items);
    token = page.next;
  } while (token);
  assert.deepEqual(seen, ['a', 'b', 'c', 'd', 'e']);
});

test('a page boundary survives inserts and deletes before it', () => {
  const first = sortedPage(['a', 'b', 'c', 'd'], (x) => x, opts(undefined));
  const second = sortedPage(['0', 'b', 'c', 'd'], (x) => x, opts(first.next));
  assert.deepEqual(second.items, ['c', 'd']);
});

test('a token from another list, or a forged one, is refused', () => {
  const { next } = sortedPage(['a', 'b', 'c'], (x) => x, opts(undefined));
  assert.throws(() => sortedPage(['a', 'b', 'c'], (x) => x, opts(next, 'list-b')), /bad token/);
  assert.throws(() => sortedPage(['a'], (x) => x, opts('nonsense')), /bad token/);
  assert.throws(() => sortedPage(['a'], (x) => x, opts(`${next}.extra`)), /bad token/);
});
