// The cut-offs a sweep deletes before: the grace back from now, and for portal sessions never
// less than the longest role credentials they may have issued (12 hours).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_RETENTION_GRACE_MS, MIN_SESSION_RETENTION_MS, retentionCutoffs } from '../../../src/domain/retention/retention-cutoffs.js';
import { PURGE_KINDS } from '../../../src/domain/retention/retention-repository.js';

const NOW = Date.UTC(2026, 5, 1);
const HOUR = 3_600_000;

test('by default everything is kept 24 hours past its end', () => {
  assert.equal(DEFAULT_RETENTION_GRACE_MS, 24 * HOUR);
  const c = retentionCutoffs(NOW);
  for (const kind of PURGE_KINDS) assert.equal(c[kind], NOW - 24 * HOUR, kind);
});

test('a short grace applies to everything but portal sessions, which are kept 12 hours', () => {
  assert.equal(MIN_SESSION_RETENTION_MS, 12 * HOUR);
  const c = retentionCutoffs(NOW, 60_000);
  assert.equal(c.sessions, NOW - 12 * HOUR);
  for (const kind of PURGE_KINDS.filter((k) => k !== 'sessions')) assert.equal(c[kind], NOW - 60_000, kind);
  assert.equal(retentionCutoffs(NOW, 48 * HOUR).sessions, NOW - 48 * HOUR);
});
