// The retention sweeper as a worker (ManualClock, a real SQLite store): one info line with the
// counts when a sweep deleted something and none otherwise, never a token hash or an id; a
// failed sweep is logged, not thrown; the first sweep comes one interval after start, the next
// one interval later; stop waits for the batch in hand and nothing runs after it.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { sqliteBackend } from '../support/backends.js';
import { ManualClock } from '../../src/lib/clock.js';
import type { KyselyStore } from '../../src/store/kysely-store.js';
import type { PortalSession } from '../../src/domain/sessions/portal-session.js';
import type { PurgeKind } from '../../src/domain/retention/retention-repository.js';
import { RetentionSweeper } from '../../src/server/retention-sweeper.js';

const NOW = Date.UTC(2026, 5, 1);
const DAY = 24 * 3_600_000;

const captured = () => {
  const lines: { level: string; obj: any; msg?: string }[] = [];
  return {
    lines,
    logger: {
      info: (obj: unknown, msg?: string) => lines.push({ level: 'info', obj, msg }),
      error: (obj: unknown, msg?: string) => lines.push({ level: 'error', obj, msg }),
    },
  };
};

describe('retention sweeper', () => {
  let store: KyselyStore;
  let dispose: () => Promise<void>;
  const clock = new ManualClock(NOW);
  let seq = 0;
  const expiredSessions = async (count: number) => {
    for (let n = 0; n < count; n++) {
      seq++;
      const s: PortalSession = {
        sessionId: `00000000-0000-4000-8000-${seq.toString().padStart(12, '0')}`, tokenHash: seq.toString(16).padStart(64, 'a'),
        stage: 'identify', userCodeFailures: 0, createdAt: NOW - 3 * DAY, expiresAt: NOW - 2 * DAY,
      };
      await store.sessions.insertSession(s);
    }
  };
  before(async () => ({ store, dispose } = await sqliteBackend.open()));
  after(() => dispose());

  test('a sweep that deleted something logs one info line with the counts only', async () => {
    await expiredSessions(3);
    const { lines, logger } = captured();
    const sweeper = new RetentionSweeper({ store, clock }, { logger, batchSize: 2 });
    const totals = await sweeper.sweep();
    assert.equal(totals?.sessions, 3);
    assert.deepEqual(lines, [{ level: 'info', obj: { deleted: totals }, msg: 'retention sweep' }]);
    assert.ok(!/[0-9a-f]{32}|-4000-/.test(JSON.stringify(lines)), 'no hashes, no ids');
    await sweeper.sweep();
    assert.equal(lines.length, 1, 'a sweep that deleted nothing says nothing');
  });

  test('a failed sweep is logged as an error and answered undefined, never thrown', async () => {
    const broken = await sqliteBackend.open();
    await broken.store.close();
    const { lines, logger } = captured();
    assert.equal(await new RetentionSweeper({ store: broken.store, clock }, { logger }).sweep(), undefined);
    assert.deepEqual(lines.map((l) => [l.level, l.msg]), [['error', 'retention sweep']]);
    assert.ok(lines[0]!.obj.err instanceof Error);
    await broken.dispose().catch(() => {});
  });

  test('the first sweep comes one interval after start, the next one interval after it', async () => {
    const { lines, logger } = captured();
    // Each sweep that deleted something logs a line; the test waits on those lines, not on sleeps.
    const at: number[] = [];
    const waiting: (() => void)[] = [];
    const nextLine = () => new Promise<void>((r) => waiting.push(r));
    const started = Date.now();
    const stamping = {
      info: (obj: unknown, msg?: string) => {
        logger.info(obj, msg);
        at.push(Date.now() - started);
        waiting.shift()?.();
      },
      error: logger.error,
    };
    const sweeper = new RetentionSweeper({ store, clock }, { logger: stamping, intervalMs: 60 });
    await expiredSessions(1);
    const first = nextLine();
    // The sweeper's timer does not hold the process open; this does, while the test waits.
    const keepAlive = setInterval(() => {}, 1000);
    sweeper.start();
    sweeper.start();
    await first;
    const second = nextLine();
    await expiredSessions(2);
    await second;
    clearInterval(keepAlive);
    await sweeper.stop();
    assert.deepEqual(lines.map((l) => l.obj.deleted.sessions), [1, 2]);
    // Timers never fire early (they may fire late on a busy machine): lower bounds only.
    assert.ok(at[0]! >= 59, `first sweep ${at[0]} ms after start`);
    assert.ok(at[1]! - at[0]! >= 59, `second sweep ${at[1]! - at[0]!} ms after the first`);
  });

  test('stop waits for the batch in hand, and no batch or sweep follows it', async () => {
    await expiredSessions(5);
    const calls: PurgeKind[] = [];
    let entered!: () => void;
    const inside = new Promise<void>((r) => (entered = r));
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    // The real repository behind a gate, so the test can stop the sweeper mid-batch.
    const retention = {
      purge: async (kind: PurgeKind, before: number, limit: number) => {
        calls.push(kind);
        entered();
        await gate;
        return store.retention.purge(kind, before, limit);
      },
    };
    const { lines, logger } = captured();
    const sweeper = new RetentionSweeper({ store: { ...store, retention }, clock }, { logger, intervalMs: 5, batchSize: 2 });
    // The sweeper's timer does not hold the process open; this does, while the test waits.
    const keepAlive = setInterval(() => {}, 1000);
    sweeper.start();
    await inside;
    clearInterval(keepAlive);
    let stopped = false;
    const stopping = sweeper.stop().then(() => (stopped = true));
    await sleep(20);
    assert.equal(stopped, false, 'stop waits for the batch in hand');
    release();
    await stopping;
    assert.deepEqual(calls, ['sessions'], 'no further batch after stop');
    assert.deepEqual(lines.map((l) => l.obj.deleted.sessions), [2], 'what the cut-short sweep did is logged');
    await sleep(30);
    assert.equal(calls.length, 1, 'no sweep after stop');
  });
});
