// Security keys and passkeys (WebAuthn) as MFA devices, on both back ends: registration and
// assertions verified with a software authenticator; a replayed, foreign or expired challenge,
// a wrong origin or relying party id, and a counter that goes back are refused; the device
// limits hold under concurrent registrations; users rename and remove their devices, but not
// the last one while MFA is required.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BACKENDS } from '../../support/backends.js';
import { totpCode, totpStep } from '../../../src/domain/directory/totp.js';
import type { Ceremony } from '../../../src/domain/directory/directory-credentials.js';
import { GOOD_PASSWORD, openDirectoryHarness, type DirectoryHarness } from './harness.js';
import { SoftAuthenticator } from './soft-authenticator.js';

const RP = { id: 'localhost', origin: 'http://localhost:8080' };

for (const backend of BACKENDS) {
  describe(`WebAuthn devices (${backend.name})`, () => {
    let h: DirectoryHarness;
    let alice: string;
    let c: Ceremony;
    const key = new SoftAuthenticator(RP.id, RP.origin);
    const dir = () => h.services.directory;
    const options = (o: unknown) => o as { challenge: string };
    const fieldError = (code: string, field: string) => (e: unknown) => {
      const g = e as { code?: string; details?: { field?: string } };
      return g.code === code && g.details?.field === field;
    };
    const storedCounter = async () =>
      Number((await h.store.db.selectFrom('directory_mfa_device').select('sign_count').where('user_id', '=', alice).where('kind', '=', 'webauthn').executeTakeFirstOrThrow()).sign_count);

    before(async () => {
      h = await openDirectoryHarness(backend);
      alice = await h.user('alice');
      await dir().setPassword(alice, GOOD_PASSWORD);
      c = { userId: alice, bindingId: 'session-a', rp: RP };
    });
    after(() => h.dispose());

    test('registration: the options carry a fresh challenge; the attestation is verified and the key listed', async () => {
      const o = options(await dir().startWebAuthnRegistration(c));
      assert.match(o.challenge, /^[A-Za-z0-9_-]{43}$/);
      assert.equal((await dir().startWebAuthnRegistration(c) as { challenge: string }).challenge === o.challenge, false);
      const device = await dir().finishWebAuthnRegistration(c, 'YubiKey', key.register(o));
      assert.equal(device.kind, 'webauthn');
      assert.equal(device.name, 'YubiKey');
      const [row] = await dir().listMfaDeviceRecords(alice);
      assert.equal(row!.kind, 'webauthn');
      assert.equal(row!.slot, 3);
    });

    test('registration with a replayed, foreign, wrong-origin or wrong-rp response is refused', async () => {
      const other = new SoftAuthenticator(RP.id, RP.origin);
      const o = options(await dir().startWebAuthnRegistration(c));
      // Another session cannot use this session's challenge (and spends it trying).
      await assert.rejects(dir().finishWebAuthnRegistration({ ...c, bindingId: 'session-b' }, 'k', other.register(o)), fieldError('Validation', 'Credential'));
      await assert.rejects(dir().finishWebAuthnRegistration(c, 'k', other.register(o)), { code: 'Validation' });
      const o2 = options(await dir().startWebAuthnRegistration(c));
      await assert.rejects(dir().finishWebAuthnRegistration(c, 'k', other.register(o2, { origin: 'http://evil.example:8080' })), { code: 'Validation' });
      const o3 = options(await dir().startWebAuthnRegistration(c));
      await assert.rejects(dir().finishWebAuthnRegistration(c, 'k', other.register(o3, { rpId: 'evil.example' })), { code: 'Validation' });
      // A challenge we never issued.
      await assert.rejects(dir().finishWebAuthnRegistration(c, 'k', other.register({ challenge: 'A'.repeat(43) })), { code: 'Validation' });
      assert.equal((await dir().listMfaDevices(alice)).length, 1);
    });

    test('the same key cannot be registered twice', async () => {
      const o = options(await dir().startWebAuthnRegistration(c));
      assert.deepEqual((o as unknown as { excludeCredentials: { id: string }[] }).excludeCredentials.map((x) => x.id), [key.id]);
      await assert.rejects(dir().finishWebAuthnRegistration(c, 'again', key.register(o)), { code: 'Conflict', message: 'This security key or passkey is registered already.' });
      assert.equal((await dir().listMfaDevices(alice)).length, 1);
    });

    test('authentication: a signed assertion for a live challenge passes, and the counter moves forward', async () => {
      const o = options(await dir().startWebAuthnAuthentication(c));
      assert.deepEqual((o as unknown as { allowCredentials: { id: string }[] }).allowCredentials.map((x) => x.id), [key.id]);
      assert.equal(await dir().verifyWebAuthn(c, key.authenticate(o)), true);
      assert.equal(await storedCounter(), key.counter);
    });

    test('a replayed assertion is refused: each challenge is taken once', async () => {
      const o = options(await dir().startWebAuthnAuthentication(c));
      const response = key.authenticate(o);
      assert.equal(await dir().verifyWebAuthn(c, response), true);
      assert.equal(await dir().verifyWebAuthn(c, response), false);
    });

    test('a challenge from another session, or expired, is refused', async () => {
      const o = options(await dir().startWebAuthnAuthentication({ ...c, bindingId: 'session-b' }));
      assert.equal(await dir().verifyWebAuthn(c, key.authenticate(o)), false);
      const o2 = options(await dir().startWebAuthnAuthentication(c));
      h.clock.advance(2 * 60_000 + 1);
      assert.equal(await dir().verifyWebAuthn(c, key.authenticate(o2)), false);
    });

    test('a wrong origin or relying party id is refused', async () => {
      const o = options(await dir().startWebAuthnAuthentication(c));
      assert.equal(await dir().verifyWebAuthn(c, key.authenticate(o, { origin: 'https://evil.example' })), false);
      const o2 = options(await dir().startWebAuthnAuthentication(c));
      assert.equal(await dir().verifyWebAuthn(c, key.authenticate(o2, { rpId: 'evil.example' })), false);
      // The key signed for localhost, but the server expects another rp id: refused too.
      const o3 = options(await dir().startWebAuthnAuthentication({ ...c, rp: { id: 'gatehouse.example', origin: 'https://gatehouse.example' } }));
      assert.equal(await dir().verifyWebAuthn({ ...c, rp: { id: 'gatehouse.example', origin: 'https://gatehouse.example' } }, key.authenticate(o3, { origin: 'https://gatehouse.example' })), false);
    });

    test('a counter that goes backwards (a cloned key) is refused', async () => {
      await dir().unlockUser(alice);
      const stored = await storedCounter();
      assert.ok(stored > 1);
      const o = options(await dir().startWebAuthnAuthentication(c));
      assert.equal(await dir().verifyWebAuthn(c, key.authenticate(o, { counter: stored - 1 })), false);
      const o2 = options(await dir().startWebAuthnAuthentication(c));
      assert.equal(await dir().verifyWebAuthn(c, key.authenticate(o2, { counter: stored })), false);
      const o3 = options(await dir().startWebAuthnAuthentication(c));
      assert.equal(await dir().verifyWebAuthn(c, key.authenticate(o3, { counter: stored + 5 })), true);
      assert.equal(await storedCounter(), stored + 5);
    });

    test('a wrong signature is refused and counts as a failed attempt', async () => {
      const before = (await dir().signInStatus(alice)).failedAttempts;
      const o = options(await dir().startWebAuthnAuthentication(c));
      const r = key.authenticate(o);
      const forged = { ...r, response: { ...r.response, signature: Buffer.alloc(70, 1).toString('base64url') } };
      assert.equal(await dir().verifyWebAuthn(c, forged), false);
      assert.equal((await dir().signInStatus(alice)).failedAttempts, before + 1);
    });

    test('at most six keys, even when registrations race', async () => {
      const bob = await h.user('bob');
      await dir().setPassword(bob, GOOD_PASSWORD);
      const cb: Ceremony = { userId: bob, bindingId: 'session-bob', rp: RP };
      for (let i = 0; i < 4; i++) {
        const o = options(await dir().startWebAuthnRegistration(cb));
        await dir().finishWebAuthnRegistration(cb, `key ${i}`, new SoftAuthenticator(RP.id, RP.origin).register(o));
      }
      // Five registrations race for the last two slots.
      const started = await Promise.all([0, 1, 2, 3, 4].map(async () => options(await dir().startWebAuthnRegistration(cb))));
      const results = await Promise.allSettled(started.map((o, i) => dir().finishWebAuthnRegistration(cb, `race ${i}`, new SoftAuthenticator(RP.id, RP.origin).register(o))));
      const refusedCodes = results.flatMap((r) => (r.status === 'rejected' ? [(r.reason as { code: string }).code] : []));
      assert.equal(results.filter((r) => r.status === 'fulfilled').length, 2);
      assert.deepEqual(refusedCodes, ['LimitExceeded', 'LimitExceeded', 'LimitExceeded']);
      assert.equal((await dir().listMfaDevices(bob)).length, 6);
      await assert.rejects(dir().startWebAuthnRegistration(cb), { code: 'LimitExceeded' });
      // Authenticator apps have their own two slots: eight devices in all.
      for (const name of ['phone', 'tablet']) {
        const e = await dir().startTotpEnrollment(bob, name);
        await dir().confirmTotp(bob, e.enrollmentId, totpCode(e.secret, totpStep(h.clock.now())));
      }
      assert.equal((await dir().listMfaDevices(bob)).length, 8);
      await assert.rejects(dir().startTotpEnrollment(bob, 'watch'), { code: 'LimitExceeded' });
    });

    test('two authenticator apps confirmed at once for the last slot: one wins', async () => {
      const carol = await h.user('carol');
      const first = await dir().startTotpEnrollment(carol, 'one');
      await dir().confirmTotp(carol, first.enrollmentId, totpCode(first.secret, totpStep(h.clock.now())));
      const racing = await Promise.all([dir().startTotpEnrollment(carol, 'two'), dir().startTotpEnrollment(carol, 'three')]);
      const results = await Promise.allSettled(racing.map((e) => dir().confirmTotp(carol, e.enrollmentId, totpCode(e.secret, totpStep(h.clock.now())))));
      assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
      assert.equal((await dir().listMfaDevices(carol)).length, 2);
    });

    test('users rename and remove their devices; names are checked', async () => {
      const [device] = await dir().listMfaDevices(alice);
      await dir().renameMfaDevice(alice, device!.deviceId, '  Blue key  ');
      assert.equal((await dir().listMfaDevices(alice))[0]!.name, 'Blue key');
      await assert.rejects(dir().renameMfaDevice(alice, device!.deviceId, ' '), fieldError('Validation', 'DeviceName'));
      await assert.rejects(dir().renameMfaDevice(alice, device!.deviceId, 'x'.repeat(65)), fieldError('Validation', 'DeviceName'));
      // Another user's device is not found, whatever its id.
      await assert.rejects(dir().renameMfaDevice('someone-else', device!.deviceId, 'mine'), { code: 'NotFound' });
      await assert.rejects(dir().removeOwnMfaDevice('someone-else', device!.deviceId), { code: 'NotFound' });
    });

    test('the last device cannot be removed while MFA is required; it can when MFA is optional', async () => {
      await dir().updateSettings({ mfaMode: 'required' });
      const [device] = await dir().listMfaDevices(alice);
      assert.equal((await dir().listMfaDevices(alice)).length, 1);
      await assert.rejects(dir().removeOwnMfaDevice(alice, device!.deviceId), (e: unknown) => {
        const g = e as { code?: string; message?: string; details?: { reason?: string } };
        return g.code === 'InvalidState' && g.details?.reason === 'LastDevice' && /register another device/.test(g.message ?? '');
      });
      assert.equal((await dir().listMfaDevices(alice)).length, 1);
      // With a second device, either may go.
      const e = await dir().startTotpEnrollment(alice, 'phone');
      await dir().confirmTotp(alice, e.enrollmentId, totpCode(e.secret, totpStep(h.clock.now())));
      await dir().removeOwnMfaDevice(alice, device!.deviceId);
      const [remaining] = await dir().listMfaDevices(alice);
      assert.equal(remaining!.kind, 'totp');
      await assert.rejects(dir().removeOwnMfaDevice(alice, remaining!.deviceId), { code: 'InvalidState' });
      await dir().updateSettings({ mfaMode: 'optional' });
      await dir().removeOwnMfaDevice(alice, remaining!.deviceId);
      assert.deepEqual(await dir().listMfaDevices(alice), []);
    });

    test('two removals racing for a user\'s last two devices: one wins, one device stays', async () => {
      await dir().updateSettings({ mfaMode: 'required' });
      const dora = await h.user('dora');
      for (const name of ['phone', 'tablet']) {
        const e = await dir().startTotpEnrollment(dora, name);
        await dir().confirmTotp(dora, e.enrollmentId, totpCode(e.secret, totpStep(h.clock.now())));
      }
      const devices = await dir().listMfaDevices(dora);
      assert.equal(devices.length, 2);
      const results = await Promise.allSettled(devices.map((d) => dir().removeOwnMfaDevice(dora, d.deviceId)));
      assert.deepEqual(results.map((r) => r.status).sort(), ['fulfilled', 'rejected']);
      const refused = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')!;
      assert.equal(refused.reason.code, 'InvalidState');
      assert.equal((await dir().listMfaDevices(dora)).length, 1);
    });
  });
}
