// The storage contract of portal sessions and sso-oidc, on every back end: round trips with
// millisecond times as numbers, patches that clear columns, and the one-time claims that
// decide races (a code, a refresh token, an approved device code is used once).

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BACKENDS } from '../support/backends.js';
import type { KyselyStore } from '../../src/store/kysely-store.js';
import type { PortalSession } from '../../src/domain/sessions/portal-session.js';

const T = 1_800_000_000_123;

for (const backend of BACKENDS) {
  describe(`sessions storage contract (${backend.name})`, () => {
    let store: KyselyStore;
    let dispose: () => Promise<void>;
    before(async () => ({ store, dispose } = await backend.open()));
    after(() => dispose());

    const session: PortalSession = { sessionId: '00000000-0000-4000-8000-000000000001', tokenHash: 'a'.repeat(64), stage: 'identify', userCodeFailures: 0, createdAt: T, expiresAt: T + 900_000 };

    test('portal sessions round-trip; patches set and clear; the token rotates', async () => {
      await store.sessions.insertSession(session);
      assert.deepEqual(await store.sessions.getSessionByTokenHash('a'.repeat(64)), session);
      await store.sessions.updateSession(session.sessionId, { stage: 'password', userName: 'ada', userId: 'u-1', mustChangePassword: true });
      await store.sessions.updateSession(session.sessionId, { stage: 'active', userName: undefined, authenticatedAt: T + 5, expiresAt: T + 3_600_000, mustChangePassword: false }, 'b'.repeat(64));
      assert.equal(await store.sessions.getSessionByTokenHash('a'.repeat(64)), undefined);
      assert.deepEqual(await store.sessions.getSession(session.sessionId), {
        ...session, tokenHash: 'b'.repeat(64), stage: 'active', userId: 'u-1', authenticatedAt: T + 5, expiresAt: T + 3_600_000,
      });
      assert.equal(await store.sessions.addUserCodeFailure(session.sessionId), 1);
      assert.equal(await store.sessions.addUserCodeFailure(session.sessionId), 2);
    });

    test("a user's sessions are listed and ended; ending twice ends nothing", async () => {
      await store.sessions.insertSession({ ...session, sessionId: '00000000-0000-4000-8000-000000000002', tokenHash: 'c'.repeat(64), userId: 'u-1', createdAt: T + 10 });
      assert.deepEqual((await store.sessions.listUserSessions('u-1')).map((s) => s.sessionId), ['00000000-0000-4000-8000-000000000002', session.sessionId]);
      assert.equal(await store.sessions.endSession(session.sessionId, T + 20), true);
      assert.equal(await store.sessions.endSession(session.sessionId, T + 21), false);
      assert.equal((await store.sessions.getSession(session.sessionId))?.endedAt, T + 20);
      assert.equal(await store.sessions.endUserSessions('u-1', T + 30), 1);
      assert.deepEqual(await store.sessions.listUserSessions('u-1'), []);
    });

    test('clients, devices: a taken user code is a Conflict; status moves only from the expected one', async () => {
      const client = { clientId: 'c1', secretHash: 'd'.repeat(64), clientName: 'cli', clientType: 'public' as const, scopes: ['sso:account:access'], grantTypes: [], redirectUris: ['http://127.0.0.1/cb'], createdAt: T, expiresAt: T + 1 };
      await store.oidc.insertClient(client);
      assert.deepEqual(await store.oidc.getClient('c1'), client);
      const device = { deviceCodeHash: 'e'.repeat(64), userCode: 'BCDFGHJK', clientId: 'c1', scopes: [], status: 'pending' as const, intervalSeconds: 1, createdAt: T, expiresAt: T + 600_000 };
      await store.oidc.insertDevice(device);
      await assert.rejects(store.oidc.insertDevice({ ...device, deviceCodeHash: 'f'.repeat(64) }), { code: 'Conflict' });
      assert.deepEqual(await store.oidc.getDeviceByUserCode('BCDFGHJK'), device);
      assert.equal(await store.oidc.touchDevice(device.deviceCodeHash, T + 1), undefined);
      assert.equal(await store.oidc.touchDevice(device.deviceCodeHash, T + 2), T + 1);
      assert.equal(await store.oidc.setDeviceStatus(device.deviceCodeHash, 'pending', 'approved', session.sessionId), true);
      assert.equal(await store.oidc.setDeviceStatus(device.deviceCodeHash, 'pending', 'denied'), false);
      assert.equal(await store.oidc.setDeviceStatus(device.deviceCodeHash, 'approved', 'consumed'), true);
      assert.equal(await store.oidc.setDeviceStatus(device.deviceCodeHash, 'approved', 'consumed'), false);
      assert.deepEqual(await store.oidc.getDevice(device.deviceCodeHash), { ...device, status: 'consumed', sessionId: session.sessionId, lastPolledAt: T + 2 });
    });

    test('codes and refresh tokens are claimed once; families revoke; a grant reads in one go', async () => {
      const family = { familyId: 'fam-1', clientId: 'c1', sessionId: '00000000-0000-4000-8000-000000000002', userId: 'u-1', scopes: ['sso:account:access'], createdAt: T };
      await store.oidc.insertFamily(family);
      const code = { codeHash: '1'.repeat(64), clientId: 'c1', redirectUri: 'http://127.0.0.1:9/cb', codeChallenge: 'x'.repeat(43), sessionId: family.sessionId, scopes: [], createdAt: T, expiresAt: T + 600_000, familyId: 'fam-1' };
      await store.oidc.insertCode(code);
      assert.deepEqual(await store.oidc.getCode(code.codeHash), code);
      assert.equal(await store.oidc.claimCode(code.codeHash, T + 1), true);
      assert.equal(await store.oidc.claimCode(code.codeHash, T + 2), false);
      const refresh = { tokenHash: '2'.repeat(64), kind: 'refresh' as const, familyId: 'fam-1', createdAt: T, expiresAt: T + 10 };
      const access = { tokenHash: '3'.repeat(64), kind: 'access' as const, familyId: 'fam-1', createdAt: T, expiresAt: T + 10 };
      await store.oidc.insertToken(refresh);
      await store.oidc.insertToken(access);
      assert.equal(await store.oidc.claimRefreshToken(access.tokenHash, T), false, 'an access token is not a refresh token');
      assert.equal(await store.oidc.claimRefreshToken(refresh.tokenHash, T + 1), true);
      assert.equal(await store.oidc.claimRefreshToken(refresh.tokenHash, T + 2), false);
      const grant = await store.oidc.getTokenGrant(access.tokenHash);
      assert.deepEqual(grant?.token, access);
      assert.deepEqual(grant?.family, family);
      assert.equal(grant?.session.sessionId, family.sessionId);
      assert.equal(grant?.userActive, false, 'no identity store user u-1: not active');
      await store.oidc.revokeFamily('fam-1', T + 3);
      await store.oidc.revokeFamily('fam-1', T + 4);
      assert.equal((await store.oidc.getFamily('fam-1'))?.revokedAt, T + 3);
      await store.oidc.deleteToken(access.tokenHash);
      assert.equal(await store.oidc.getTokenGrant(access.tokenHash), undefined);
    });
  });
}
