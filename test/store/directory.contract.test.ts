// The storage contract of directory credentials, on every back end: credentials and attempt
// state (compare-and-set), disabled flags and status versions, MFA devices (two slots, used
// steps only moving forward), enrollments, settings.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BACKENDS } from '../support/backends.js';
import type { KyselyStore } from '../../src/store/kysely-store.js';
import type { MfaDeviceRecord } from '../../src/domain/directory/directory-repository.js';

const T = 1_800_000_000_000;

for (const backend of BACKENDS) {
  describe(`directory storage contract (${backend.name})`, () => {
    let store: KyselyStore;
    let dispose: () => Promise<void>;
    before(async () => ({ store, dispose } = await backend.open()));
    after(() => dispose());

    const repo = () => store.directory;
    const write = { userId: 'u-1', identityStoreId: 'd-1', passwordHash: '$argon2id$x', mustChangePassword: true, now: T };

    test('a password creates the row; times and flags round-trip as numbers and booleans', async () => {
      assert.equal(await repo().getCredential('u-1'), undefined);
      await repo().putPassword(write);
      assert.deepEqual(await repo().getCredential('u-1'), {
        userId: 'u-1',
        identityStoreId: 'd-1',
        passwordHash: '$argon2id$x',
        mustChangePassword: true,
        passwordChangedAt: T,
        attempts: { failedAttempts: 0 },
        attemptSeq: 0,
        statusVersion: 1,
        updatedAt: T,
      });
    });

    test('attempt state is compare-and-set on its sequence', async () => {
      const next = { failedAttempts: 5, retryAt: T + 1000 };
      assert.equal(await repo().compareAndSetAttempts('u-1', 0, next, T + 1), true);
      assert.equal(await repo().compareAndSetAttempts('u-1', 0, { failedAttempts: 1 }, T + 2), false);
      const r = (await repo().getCredential('u-1'))!;
      assert.deepEqual(r.attempts, next);
      assert.equal(r.attemptSeq, 1);
      assert.equal(await repo().compareAndSetAttempts('u-1', 1, { failedAttempts: 30, lockedUntil: T + 900_000 }, T + 3), true);
      assert.deepEqual((await repo().getCredential('u-1'))!.attempts, { failedAttempts: 30, lockedUntil: T + 900_000 });
      assert.equal(await repo().compareAndSetAttempts('nobody', 0, next, T), false);
    });

    test('of many concurrent compare-and-sets on one sequence, exactly one wins', async () => {
      const seq = (await repo().getCredential('u-1'))!.attemptSeq;
      const wins = await Promise.all(Array.from({ length: 8 }, (_, i) => repo().compareAndSetAttempts('u-1', seq, { failedAttempts: i }, T)));
      assert.equal(wins.filter(Boolean).length, 1);
    });

    test('setting a password again clears attempts and bumps the status version', async () => {
      await repo().putPassword({ ...write, passwordHash: '$argon2id$y', mustChangePassword: false, now: T + 10 });
      const r = (await repo().getCredential('u-1'))!;
      assert.deepEqual([r.passwordHash, r.mustChangePassword, r.passwordChangedAt, r.attempts, r.statusVersion], ['$argon2id$y', false, T + 10, { failedAttempts: 0 }, 2]);
    });

    test('disable and enable bump the status version; disabling creates a row for a user without a password', async () => {
      await repo().putDisabled('u-1', 'd-1', T + 20, T + 20);
      assert.equal((await repo().getCredential('u-1'))!.disabledAt, T + 20);
      await repo().putDisabled('u-1', 'd-1', undefined, T + 21);
      const r = (await repo().getCredential('u-1'))!;
      assert.equal(r.disabledAt, undefined);
      assert.equal(r.statusVersion, 4);
      await repo().putDisabled('u-2', 'd-1', T, T);
      const fresh = (await repo().getCredential('u-2'))!;
      assert.equal(fresh.passwordHash, undefined);
      assert.equal(fresh.disabledAt, T);
      assert.equal(fresh.statusVersion, 1);
    });

    const device = (over: Partial<MfaDeviceRecord> = {}): MfaDeviceRecord => ({
      deviceId: 'dev-1',
      userId: 'u-1',
      slot: 1,
      kind: 'totp',
      name: 'phone',
      secretSealed: 'gh1.k1.sealed',
      lastUsedStep: 60_000_000,
      createdAt: T,
      ...over,
    });

    test('devices round-trip; a second device in the same slot is a Conflict', async () => {
      await repo().insertDevice(device());
      assert.deepEqual(await repo().listDevices('u-1'), [device()]);
      await assert.rejects(repo().insertDevice(device({ deviceId: 'dev-x' })), { code: 'Conflict' });
      await repo().insertDevice(device({ deviceId: 'dev-2', slot: 2, lastUsedAt: T + 5 }));
      assert.deepEqual((await repo().listDevices('u-1')).map((d) => [d.deviceId, d.lastUsedAt]), [['dev-1', undefined], ['dev-2', T + 5]]);
    });

    test('a used step only moves forward', async () => {
      assert.equal(await repo().markDeviceUsed('dev-1', 60_000_000, T), false);
      assert.equal(await repo().markDeviceUsed('dev-1', 60_000_001, T + 30_000), true);
      assert.equal(await repo().markDeviceUsed('dev-1', 60_000_001, T + 30_000), false);
      const [d] = await repo().listDevices('u-1');
      assert.deepEqual([d!.lastUsedStep, d!.lastUsedAt], [60_000_001, T + 30_000]);
    });

    test('devices are deleted per user', async () => {
      assert.equal(await repo().deleteDevice('u-other', 'dev-2'), false);
      assert.equal(await repo().deleteDevice('u-1', 'dev-2'), true);
      assert.deepEqual((await repo().listDevices('u-1')).map((d) => d.deviceId), ['dev-1']);
    });

    test('enrollments round-trip and expire', async () => {
      const e = { enrollmentId: 'en-1', userId: 'u-1', name: 'tablet', secretSealed: 'gh1.k1.s', createdAt: T, expiresAt: T + 600_000 };
      await repo().insertEnrollment(e);
      await repo().insertEnrollment({ ...e, enrollmentId: 'en-2', expiresAt: T + 1 });
      assert.deepEqual(await repo().getEnrollment('en-1'), e);
      assert.equal(await repo().deleteExpiredEnrollments(T + 2), 1);
      assert.equal(await repo().getEnrollment('en-2'), undefined);
      assert.equal(await repo().deleteEnrollment('en-1'), true);
      assert.equal(await repo().deleteEnrollment('en-1'), false);
    });

    test('settings: absent at first; the first insert wins; put replaces', async () => {
      assert.equal(await repo().getSettings(), undefined);
      assert.equal(await repo().insertSettingsIfAbsent({ mfaMode: 'optional', sessionDuration: 'PT8H', updatedAt: T }), true);
      assert.equal(await repo().insertSettingsIfAbsent({ mfaMode: 'off', sessionDuration: 'PT1H', updatedAt: T }), false);
      assert.deepEqual(await repo().getSettings(), { mfaMode: 'optional', sessionDuration: 'PT8H', updatedAt: T });
      await repo().putSettings({ mfaMode: 'off', sessionDuration: 'P1D', updatedAt: T + 1 });
      assert.deepEqual(await repo().getSettings(), { mfaMode: 'off', sessionDuration: 'P1D', updatedAt: T + 1 });
    });

    test('writes in a failed transaction leave nothing behind', async () => {
      await assert.rejects(
        store.transaction(async (tx) => {
          await tx.directory.putPassword({ ...write, userId: 'u-9' });
          throw new Error('boom');
        }),
        /boom/,
      );
      assert.equal(await repo().getCredential('u-9'), undefined);
    });
  });
}
