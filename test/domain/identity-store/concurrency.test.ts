// PostgreSQL: concurrent CreateUser calls over overlapping user names; the unique index decides.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { postgresBackend } from '../../support/backends.js';
import { openHarness, rowCounts, userInput, type Harness } from './harness.js';

describe('identity store concurrency (postgres)', () => {
  let h: Harness;
  before(async () => (h = await openHarness(postgresBackend)));
  after(() => h.dispose());

  test('50 concurrent CreateUser over 10 names × 5: one success per name, Conflict for the rest', async () => {
    const names = Array.from({ length: 10 }, (_, i) => `racer-${i}`);
    const calls = names.flatMap((n) => Array.from({ length: 5 }, (_, k) => (k % 2 === 0 ? n : n.toUpperCase())));
    const settled = await Promise.allSettled(calls.map((n) => h.service.createUser(h.storeId, userInput(n))));
    const wins = new Map<string, number>();
    settled.forEach((s, i) => {
      const key = calls[i]!.toLowerCase();
      if (s.status === 'fulfilled') wins.set(key, (wins.get(key) ?? 0) + 1);
      else {
        assert.equal(s.reason?.code, 'Conflict', String(s.reason));
        assert.equal(s.reason?.details?.reason, 'UNIQUENESS_CONSTRAINT_VIOLATION');
      }
    });
    assert.deepEqual([...wins.keys()].sort(), [...names].sort());
    assert.ok([...wins.values()].every((n) => n === 1));
    assert.equal((await rowCounts(h.store)).users, 10);
  });

  test('concurrent UpdateUser calls are all applied or refused, never lost', async () => {
    const u = await h.service.createUser(h.storeId, userInput('updated-often'));
    const settled = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => h.service.updateUser(h.storeId, u.userId, [{ AttributePath: 'title', AttributeValue: `t${i}` }])),
    );
    const ok = settled.filter((s) => s.status === 'fulfilled').length;
    for (const s of settled) if (s.status === 'rejected') assert.equal(s.reason?.details?.reason, 'CONCURRENT_MODIFICATION');
    const after = await h.service.describeUser(h.storeId, u.userId);
    assert.ok(ok >= 1);
    assert.equal(after.version, 1 + ok);
  });
});
