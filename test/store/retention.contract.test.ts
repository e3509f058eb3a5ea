// The storage contract of retention, on every back end: each purge deletes exactly the rows that
// ended or expired before the cut-off (or can never be used again), at most `limit` per call,
// and leaves every live row alone; a sweep runs batch after batch until one comes back short.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BACKENDS } from '../support/backends.js';
import { ManualClock } from '../../src/lib/clock.js';
import type { KyselyStore } from '../../src/store/kysely-store.js';
import type { PortalSession } from '../../src/domain/sessions/portal-session.js';
import type { OAuthToken, TokenFamily } from '../../src/domain/oidc/oidc-model.js';
import { purgeExpired } from '../../src/domain/retention/purge-expired.js';
import { MIN_SESSION_RETENTION_MS } from '../../src/domain/retention/retention-cutoffs.js';

/** The cut-off: rows that ended or expired strictly before it go. */
const C = 1_800_000_000_000;
const LATER = C + 3_600_000;

const hex = (n: number) => n.toString(16).padStart(64, '0');
const sessionId = (n: number) => `00000000-0000-4000-8000-${n.toString().padStart(12, '0')}`;
const session = (n: number, times: { expiresAt: number; endedAt?: number }): PortalSession => ({
  sessionId: sessionId(n), tokenHash: hex(n), stage: 'active', userId: 'u-1', userCodeFailures: 0, createdAt: C - 10 * 3_600_000, ...times,
});
const client = (id: string, expiresAt: number) => ({
  clientId: id, secretHash: 'd'.repeat(64), clientName: 'cli', clientType: 'public' as const, scopes: [], grantTypes: [], redirectUris: [], createdAt: C - 1000, expiresAt,
});
const device = (n: number, expiresAt: number) => ({
  deviceCodeHash: hex(1000 + n), userCode: `BCDFGHJ${'KLMNP'[n]}`, clientId: 'c-live', scopes: [], status: 'pending' as const, intervalSeconds: 1, createdAt: expiresAt - 600_000, expiresAt,
});
const code = (n: number, expiresAt: number) => ({
  codeHash: hex(2000 + n), clientId: 'c-live', redirectUri: 'http://127.0.0.1/cb', codeChallenge: 'x'.repeat(43), sessionId: sessionId(1), scopes: [], createdAt: expiresAt - 600_000, expiresAt,
});
const family = (id: string, session: number, createdAt = C - 1000): TokenFamily => ({ familyId: id, clientId: 'c-live', sessionId: sessionId(session), userId: 'u-1', scopes: [], createdAt });
const token = (n: number, familyId: string, expiresAt: number): OAuthToken => ({ tokenHash: hex(3000 + n), kind: n % 2 ? 'access' : 'refresh', familyId, createdAt: C - 1000, expiresAt });

for (const backend of BACKENDS) {
  describe(`retention storage contract (${backend.name})`, () => {
    let store: KyselyStore;
    let dispose: () => Promise<void>;
    before(async () => ({ store, dispose } = await backend.open()));
    after(() => dispose());

    test('portal sessions go once ended or expired before the cut-off, a batch at a time', async () => {
      const keep = [
        session(1, { expiresAt: LATER }),
        session(2, { expiresAt: LATER, endedAt: C + 1 }),
        session(3, { expiresAt: C }),
      ];
      const purge = [
        session(4, { expiresAt: C - 1 }),
        session(5, { expiresAt: LATER, endedAt: C - 1 }),
        ...[6, 7, 8, 9, 10].map((n) => session(n, { expiresAt: C - n * 1000, ...(n % 2 ? { endedAt: C - n * 2000 } : {}) })),
      ];
      for (const s of [...keep, ...purge]) await store.sessions.insertSession(s);
      const batches = [];
      for (let n = 0; n < 4; n++) batches.push(await store.retention.purge('sessions', C, 3));
      assert.deepEqual(batches, [3, 3, 1, 0]);
      for (const s of keep) assert.ok(await store.sessions.getSession(s.sessionId), s.sessionId);
      for (const s of purge) assert.equal(await store.sessions.getSession(s.sessionId), undefined, s.sessionId);
    });

    test('device authorizations, authorization codes and client registrations go once expired', async () => {
      await store.oidc.insertClient(client('c-live', LATER));
      await store.oidc.insertClient(client('c-edge', C));
      for (const n of [1, 2, 3]) await store.oidc.insertClient(client(`c-old-${n}`, C - n));
      await store.oidc.insertDevice(device(0, LATER));
      for (const n of [1, 2, 3]) await store.oidc.insertDevice(device(n, C - n));
      await store.oidc.insertCode(code(0, C + 1));
      for (const n of [1, 2, 3]) await store.oidc.insertCode(code(n, C - n));

      assert.deepEqual([await store.retention.purge('deviceAuthorizations', C, 2), await store.retention.purge('deviceAuthorizations', C, 2)], [2, 1]);
      assert.deepEqual([await store.retention.purge('authorizationCodes', C, 2), await store.retention.purge('authorizationCodes', C, 2)], [2, 1]);
      assert.deepEqual([await store.retention.purge('clients', C, 2), await store.retention.purge('clients', C, 2)], [2, 1]);

      assert.ok(await store.oidc.getDevice(hex(1000)));
      assert.ok(await store.oidc.getCode(hex(2000)));
      assert.ok(await store.oidc.getClient('c-live'));
      assert.ok(await store.oidc.getClient('c-edge'), 'expiring exactly at the cut-off is kept');
      for (const n of [1, 2, 3]) {
        assert.equal(await store.oidc.getDevice(hex(1000 + n)), undefined);
        assert.equal(await store.oidc.getCode(hex(2000 + n)), undefined);
        assert.equal(await store.oidc.getClient(`c-old-${n}`), undefined);
      }
    });

    test('tokens go once expired or orphaned; a family goes once its session and its tokens are gone', async () => {
      // Session 1 is live; sessions 20 and 21 never existed (purged long ago).
      await store.oidc.insertFamily(family('f-live', 1));
      await store.oidc.insertFamily(family('f-orphan-empty', 20));
      await store.oidc.insertFamily(family('f-orphan-held', 21));
      await store.oidc.insertFamily(family('f-orphan-young', 20, C + 1));
      await store.oidc.insertFamily(family('f-orphan-emptied', 21));
      const kept = [token(1, 'f-live', LATER), token(2, 'f-orphan-held', LATER)];
      const gone = [token(3, 'f-live', C - 1), token(4, 'f-orphan-emptied', C - 1), token(5, 'f-never', LATER), token(6, 'f-never', C + 1)];
      for (const t of [...kept, ...gone]) await store.oidc.insertToken(t);

      const batches = [];
      for (let n = 0; n < 3; n++) batches.push(await store.retention.purge('tokens', C, 2));
      assert.deepEqual(batches, [2, 2, 0]);
      for (const t of kept) assert.ok(await store.oidc.getToken(t.tokenHash), t.tokenHash);
      for (const t of gone) assert.equal(await store.oidc.getToken(t.tokenHash), undefined, t.tokenHash);

      assert.deepEqual([await store.retention.purge('tokenFamilies', C, 1), await store.retention.purge('tokenFamilies', C, 1), await store.retention.purge('tokenFamilies', C, 1)], [1, 1, 0]);
      for (const id of ['f-live', 'f-orphan-held', 'f-orphan-young']) assert.ok(await store.oidc.getFamily(id), id);
      for (const id of ['f-orphan-empty', 'f-orphan-emptied']) assert.equal(await store.oidc.getFamily(id), undefined, id);
      // The live token still reads as a grant: nothing it joins was touched.
      assert.equal((await store.oidc.getTokenGrant(hex(3001)))?.session.sessionId, sessionId(1));
    });

    test('a sweep deletes kind by kind in batches until one comes back short, and answers the totals', async () => {
      const now = C + 100 * 3_600_000;
      const ended = now - MIN_SESSION_RETENTION_MS - 25 * 3_600_000;
      for (let n = 30; n < 35; n++) await store.sessions.insertSession(session(n, { expiresAt: ended }));
      await store.sessions.insertSession(session(35, { expiresAt: now }));
      await store.oidc.insertFamily(family('f-swept', 30, ended - 1000));
      for (let n = 10; n < 13; n++) await store.oidc.insertToken(token(n, 'f-swept', ended));
      const totals = await purgeExpired({ store, clock: new ManualClock(now) }, { batchSize: 2 });
      // Everything from the earlier tests is older than this cut-off too: only what still lived.
      assert.deepEqual(totals, { sessions: 5 + 3, deviceAuthorizations: 1, authorizationCodes: 1, tokens: 3 + 2, tokenFamilies: 1 + 3, clients: 2, auditEvents: 0 });
      assert.ok(await store.sessions.getSession(sessionId(35)));
      assert.deepEqual(await purgeExpired({ store, clock: new ManualClock(now) }, { batchSize: 2 }), {
        sessions: 0, deviceAuthorizations: 0, authorizationCodes: 0, tokens: 0, tokenFamilies: 0, clients: 0, auditEvents: 0,
      });
    });
  });
}
