// TOTP devices: RFC 6238 codes, each accepted once, one step of drift either side, at most two
// devices, secrets sealed at rest.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { encodeTotpSecret, otpauthUrl, totpCode, totpStep } from '../../../src/domain/directory/totp.js';
import { openStore } from '../../../src/store/open-store.js';
import type { Backend } from '../../support/backends.js';
import { GOOD_PASSWORD, openDirectoryHarness, type DirectoryHarness } from './harness.js';

test('codes follow RFC 6238 (SHA-1 test vectors, last 6 digits)', () => {
  const secret = encodeTotpSecret(Buffer.from('12345678901234567890'));
  assert.equal(secret, 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
  assert.equal(totpCode(secret, totpStep(59_000)), '287082');
  assert.equal(totpCode(secret, totpStep(1_111_111_109_000)), '081804');
  assert.equal(totpCode(secret, totpStep(1_234_567_890_000)), '005924');
  assert.equal(totpCode(secret, totpStep(2_000_000_000_000)), '279037');
  assert.match(otpauthUrl('alice', secret), /^otpauth:\/\/totp\/Gatehouse:alice\?secret=GEZ.*&period=30&digits=6&algorithm=SHA1&issuer=Gatehouse$/);
});

/** A code valid for none of the steps around `at`. */
const wrongCode = (secret: string, at: number): string => {
  const valid = new Set([at - 1, at, at + 1].map((s) => totpCode(secret, s)));
  for (let n = 0; ; n++) {
    const code = String(n).padStart(6, '0');
    if (!valid.has(code)) return code;
  }
};

/** RFC 4648 base32 to bytes. */
const base32Bytes = (s: string): Buffer => {
  let bits = '';
  for (const c of s) bits += 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'.indexOf(c).toString(2).padStart(5, '0');
  return Buffer.from(bits.match(/.{8}/g)!.map((b) => parseInt(b, 2)));
};

// A SQLite folder this test can read the files of afterwards.
let folder: string;
const inspectableSqlite: Backend = {
  name: 'sqlite',
  async open() {
    folder = mkdtempSync(join(tmpdir(), 'gatehouse-mfa-'));
    const store = await openStore({ dataDir: folder });
    return { store, dispose: async () => store.close() };
  },
};

describe('directory MFA devices', () => {
  let h: DirectoryHarness;
  let alice: string;
  before(async () => {
    h = await openDirectoryHarness(inspectableSqlite);
    alice = await h.user('alice');
    await h.services.directory.setPassword(alice, GOOD_PASSWORD);
  });
  after(async () => {
    await h.dispose();
    rmSync(folder, { recursive: true, force: true });
  });

  const step = () => totpStep(h.clock.now());
  let secret: string;

  test('enrollment: a secret and otpauth URL, confirmed by a first valid code', async () => {
    const e = await h.services.directory.startTotpEnrollment(alice, 'phone');
    assert.match(e.secret, /^[A-Z2-7]{32}$/);
    assert.equal(e.otpauthUrl, otpauthUrl('alice', e.secret));
    await assert.rejects(h.services.directory.confirmTotp(alice, e.enrollmentId, wrongCode(e.secret, step())), { code: 'Validation' });
    const device = await h.services.directory.confirmTotp(alice, e.enrollmentId, totpCode(e.secret, step()));
    assert.deepEqual(device, { deviceId: e.enrollmentId, kind: 'totp', name: 'phone', createdAt: h.clock.now() });
    assert.deepEqual(await h.services.directory.listMfaDevices(alice), [device]);
    secret = e.secret;
  });

  test('the confirming code cannot be used again; the next step\'s code works once', async () => {
    assert.equal(await h.services.directory.verifyTotp(alice, totpCode(secret, step())), false);
    h.clock.advance(30_000);
    const code = totpCode(secret, step());
    assert.equal(await h.services.directory.verifyTotp(alice, code), true);
    assert.equal(await h.services.directory.verifyTotp(alice, code), false);
  });

  test('one step of drift either side is accepted, two are not', async () => {
    h.clock.advance(120_000);
    assert.equal(await h.services.directory.verifyTotp(alice, totpCode(secret, step() - 2)), false);
    assert.equal(await h.services.directory.verifyTotp(alice, totpCode(secret, step() + 2)), false);
    assert.equal(await h.services.directory.verifyTotp(alice, totpCode(secret, step() - 1)), true);
    assert.equal(await h.services.directory.verifyTotp(alice, totpCode(secret, step() + 1)), true);
    // An older step than the last accepted one is refused even inside the window.
    assert.equal(await h.services.directory.verifyTotp(alice, totpCode(secret, step())), false);
  });

  test('a code used in a race is accepted once', async () => {
    h.clock.advance(90_000);
    const code = totpCode(secret, step());
    const results = await Promise.all([1, 2, 3].map(() => h.services.directory.verifyTotp(alice, code)));
    assert.equal(results.filter(Boolean).length, 1);
  });

  test('at most two devices: a third is refused', async () => {
    const second = await h.services.directory.startTotpEnrollment(alice, 'tablet');
    const third = await h.services.directory.startTotpEnrollment(alice, 'laptop');
    await h.services.directory.confirmTotp(alice, second.enrollmentId, totpCode(second.secret, step()));
    assert.equal((await h.services.directory.listMfaDevices(alice)).length, 2);
    await assert.rejects(h.services.directory.confirmTotp(alice, third.enrollmentId, totpCode(third.secret, step())), { code: 'LimitExceeded' });
    await assert.rejects(h.services.directory.startTotpEnrollment(alice, 'watch'), { code: 'LimitExceeded' });
    // Either device's codes work.
    h.clock.advance(30_000);
    assert.equal(await h.services.directory.verifyTotp(alice, totpCode(second.secret, step())), true);
  });

  test('an enrollment belongs to its user and expires', async () => {
    const bob = await h.user('bob');
    const e = await h.services.directory.startTotpEnrollment(bob, 'phone');
    await assert.rejects(h.services.directory.confirmTotp(alice, e.enrollmentId, totpCode(e.secret, step())), { code: 'NotFound' });
    h.clock.advance(11 * 60_000);
    await assert.rejects(h.services.directory.confirmTotp(bob, e.enrollmentId, totpCode(e.secret, step())), { code: 'NotFound' });
  });

  test('wrong codes count as failed sign-in attempts (delays after 5)', async () => {
    const carol = await h.user('carol');
    await h.services.directory.setPassword(carol, GOOD_PASSWORD);
    const e = await h.services.directory.startTotpEnrollment(carol, 'phone');
    await h.services.directory.confirmTotp(carol, e.enrollmentId, totpCode(e.secret, step()));
    h.clock.advance(30_000);
    const wrong = wrongCode(e.secret, step());
    for (let i = 0; i < 5; i++) assert.equal(await h.services.directory.verifyTotp(carol, wrong), false);
    // The right code is refused while the user must wait.
    assert.equal(await h.services.directory.verifyTotp(carol, totpCode(e.secret, step())), false);
    assert.equal((await h.services.directory.signInStatus(carol)).failedAttempts, 5);
  });

  test('an administrator removes a device', async () => {
    const [first] = await h.services.directory.listMfaDevices(alice);
    await h.services.directory.deleteMfaDevice(alice, first!.deviceId);
    assert.equal((await h.services.directory.listMfaDevices(alice)).length, 1);
    await assert.rejects(h.services.directory.deleteMfaDevice(alice, first!.deviceId), { code: 'NotFound' });
  });

  test('secrets are sealed at rest: not in the database files in clear, in base32 or raw', async () => {
    const rows = await h.store.db.selectFrom('directory_mfa_device').select('secret_sealed').execute();
    assert.ok(rows.length > 0);
    for (const r of rows) assert.match(r.secret_sealed, /^gh1\.k1\./);
    const files = readdirSync(folder).map((f) => readFileSync(join(folder, f)));
    assert.equal(base32Bytes(secret).length, 20);
    for (const bytes of files) {
      assert.equal(bytes.includes(Buffer.from(secret)), false);
      assert.equal(bytes.includes(base32Bytes(secret)), false);
    }
  });
});
