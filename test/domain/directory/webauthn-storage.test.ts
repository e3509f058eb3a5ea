// The directory repository's WebAuthn parts, on every back end: a key's row round-trips
// (credential id, public key, counter, transports) beside TOTP rows; the counter is
// compare-and-set; renaming; challenges are taken once, only by their session and purpose,
// only while live, and of racing takes exactly one wins.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BACKENDS } from '../../support/backends.js';
import type { KyselyStore } from '../../../src/store/kysely-store.js';
import type { MfaDeviceRecord } from '../../../src/domain/directory/directory-repository.js';

const T = 1_800_000_000_000;

const key = (over: Partial<MfaDeviceRecord> = {}): MfaDeviceRecord => ({
  deviceId: 'key-1',
  userId: 'u-1',
  slot: 3,
  kind: 'webauthn',
  name: 'Blue key',
  secretSealed: '',
  credential: { credentialId: 'Y3JlZC0x', publicKey: 'cHVibGlj', signCount: 7, transports: ['usb', 'nfc'] },
  lastUsedStep: 0,
  createdAt: T,
  ...over,
});

for (const backend of BACKENDS) {
  describe(`WebAuthn storage (${backend.name})`, () => {
    let store: KyselyStore;
    let dispose: () => Promise<void>;
    before(async () => ({ store, dispose } = await backend.open()));
    after(() => dispose());
    const repo = () => store.directory;

    test('a key round-trips beside a TOTP device; the same credential twice for a user is a Conflict', async () => {
      await repo().insertDevice(key());
      await repo().insertDevice({ deviceId: 'totp-1', userId: 'u-1', slot: 1, kind: 'totp', name: 'Phone', secretSealed: 'gh1.k1.x', lastUsedStep: 5, createdAt: T });
      const devices = await repo().listDevices('u-1');
      assert.deepEqual(devices.map((d) => d.deviceId), ['totp-1', 'key-1']);
      assert.deepEqual(devices[1], key());
      assert.equal(devices[0]!.credential, undefined);
      await assert.rejects(repo().insertDevice(key({ deviceId: 'key-2', slot: 4 })), { code: 'Conflict' });
      await assert.rejects(repo().insertDevice(key({ deviceId: 'key-3', credential: { ...key().credential!, credentialId: 'b3RoZXI' } })), { code: 'Conflict' });
    });

    test('the counter is compare-and-set; renaming touches only the user\'s own device', async () => {
      assert.equal(await repo().markCredentialUsed('key-1', 6, 9, T + 1), false);
      assert.equal(await repo().markCredentialUsed('key-1', 7, 9, T + 1), true);
      assert.equal(await repo().markCredentialUsed('key-1', 7, 10, T + 2), false);
      const [, k] = await repo().listDevices('u-1');
      assert.equal(k!.credential!.signCount, 9);
      assert.equal(k!.lastUsedAt, T + 1);
      assert.equal(await repo().renameDevice('u-2', 'key-1', 'Mine'), false);
      assert.equal(await repo().renameDevice('u-1', 'key-1', 'Red key'), true);
      assert.equal((await repo().listDevices('u-1'))[1]!.name, 'Red key');
    });

    test('a challenge is taken once, by its session and purpose, while live', async () => {
      const c = { challenge: 'chal-1', bindingId: 's-1', userId: 'u-1', purpose: 'authenticate' as const, expiresAt: T + 120_000 };
      await repo().insertChallenge(c);
      assert.deepEqual(await repo().takeChallenge('chal-1', 's-1', 'authenticate', T), c);
      assert.equal(await repo().takeChallenge('chal-1', 's-1', 'authenticate', T), undefined);
      await repo().insertChallenge({ ...c, challenge: 'chal-2' });
      assert.equal(await repo().takeChallenge('chal-2', 's-2', 'authenticate', T), undefined, 'another session');
      await repo().insertChallenge({ ...c, challenge: 'chal-3' });
      assert.equal(await repo().takeChallenge('chal-3', 's-1', 'register', T), undefined, 'another purpose');
      await repo().insertChallenge({ ...c, challenge: 'chal-4' });
      assert.equal(await repo().takeChallenge('chal-4', 's-1', 'authenticate', T + 120_000), undefined, 'expired');
      await repo().insertChallenge({ ...c, challenge: 'chal-5', expiresAt: T });
      assert.equal(await repo().deleteExpiredChallenges(T), 1);
      // Every refused take spent its challenge: none is left.
      assert.equal((await store.db.selectFrom('directory_webauthn_challenge').selectAll().execute()).length, 0);
    });

    test('of racing takes of one challenge, exactly one wins', async () => {
      await repo().insertChallenge({ challenge: 'race', bindingId: 's-1', userId: 'u-1', purpose: 'register', expiresAt: T + 60_000 });
      const taken = await Promise.all([1, 2, 3, 4].map(() => repo().takeChallenge('race', 's-1', 'register', T)));
      assert.equal(taken.filter(Boolean).length, 1);
    });
  });
}
