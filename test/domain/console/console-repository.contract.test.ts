// The console's storage contract, on every back end: a sign-in is claimed once (also when two
// claims race), ends once, keeps its times as numbers, and expired rows are swept.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BACKENDS } from '../../support/backends.js';
import type { KyselyStore } from '../../../src/store/kysely-store.js';

const T = 1_800_000_000_123;
const id = (c: string) => c.repeat(64);

for (const backend of BACKENDS) {
  describe(`console storage contract (${backend.name})`, () => {
    let store: KyselyStore;
    let dispose: () => Promise<void>;
    before(async () => ({ store, dispose } = await backend.open()));
    after(() => dispose());

    test('a sign-in is claimed once and round-trips with its times as numbers', async () => {
      assert.equal(await store.console.claimSignin({ id: id('a'), createdAt: T, expiresAt: T + 3_600_000 }), true);
      assert.equal(await store.console.claimSignin({ id: id('a'), createdAt: T + 1, expiresAt: T + 3_600_000 }), false);
      assert.deepEqual(await store.console.getSignin(id('a')), { id: id('a'), createdAt: T, expiresAt: T + 3_600_000 });
      assert.equal(await store.console.getSignin(id('z')), undefined);
    });

    test('of two racing claims of one token exactly one wins', async () => {
      const results = await Promise.all(Array.from({ length: 8 }, (_, i) => store.console.claimSignin({ id: id('b'), createdAt: T + i, expiresAt: T + 10 })));
      assert.equal(results.filter(Boolean).length, 1);
    });

    test('ending keeps the first end time', async () => {
      await store.console.claimSignin({ id: id('c'), createdAt: T, expiresAt: T + 3_600_000 });
      await store.console.endSignin(id('c'), T + 5);
      await store.console.endSignin(id('c'), T + 9);
      assert.equal((await store.console.getSignin(id('c')))?.endedAt, T + 5);
    });

    test('rows whose session expired are swept, the others kept', async () => {
      await store.console.claimSignin({ id: id('d'), createdAt: T, expiresAt: T + 100 });
      await store.console.claimSignin({ id: id('e'), createdAt: T, expiresAt: T + 10_000_000 });
      assert.ok((await store.console.deleteExpired(T + 1000)) >= 1);
      assert.equal(await store.console.getSignin(id('d')), undefined);
      assert.ok(await store.console.getSignin(id('e')));
    });
  });
}
