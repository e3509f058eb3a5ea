// Several processes writing to one SQLite file at once: with BEGIN IMMEDIATE and a busy
// timeout, no transaction fails with SQLITE_BUSY, and every write lands.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../src/store/open-store.js';
import { Kysely, sql } from 'kysely';

const run = (args: string[]) =>
  new Promise<{ code: number | null; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/sqlite-writer.ts', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stderr }));
  });

test('four processes migrating and writing one SQLite database together all succeed', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gatehouse-sqlite-'));
  try {
    const results = await Promise.all([1, 2, 3, 4].map((w) => run([dir, String(w), '150'])));
    for (const r of results) assert.equal(r.code, 0, r.stderr);
    const store = await openStore({ dataDir: dir });
    const { rows } = await sql<{ n: number }>`select count(*) as n from iam_user`.execute(store.db as Kysely<unknown>);
    assert.equal(Number(rows[0].n), 600);
    const mode = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(store.db as Kysely<unknown>);
    assert.equal(mode.rows[0].journal_mode, 'wal');
    await store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
