// Passwords: argon2id with OWASP's parameters, NIST SP 800-63B's rules (length, no truncation,
// Unicode normalization, common passwords, not the user name), one-time passwords.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { ARGON2_PARAMETERS } from '../../../src/domain/directory/password-parameters.js';
import { commonPasswords } from '../../../src/domain/directory/common-passwords.js';
import { GOOD_PASSWORD, openDirectoryHarness, type DirectoryHarness } from './harness.js';

const isValidation = (reason: string) => (e: any) => {
  assert.equal(e?.code, 'Validation', e?.message);
  assert.equal(e.details?.reason, reason);
  return true;
};

describe('directory passwords', () => {
  let h: DirectoryHarness;
  let alice: string;
  before(async () => {
    h = await openDirectoryHarness();
    alice = await h.user('alice');
  });
  after(() => h.dispose());

  const hashOf = async (userId: string) => (await h.store.directory.getCredential(userId))!.passwordHash!;

  test('hashes are argon2id with m=19456 KiB, t=2, p=1 and a 16-byte salt (PHC string)', async () => {
    await h.services.directory.setPassword(alice, GOOD_PASSWORD);
    const [, algorithm, version, params, salt, digest] = (await hashOf(alice)).split('$');
    assert.equal(algorithm, 'argon2id');
    assert.equal(version, 'v=19');
    assert.deepEqual(Object.fromEntries(params!.split(',').map((p) => p.split('='))), {
      m: String(ARGON2_PARAMETERS.memoryCost),
      t: String(ARGON2_PARAMETERS.timeCost),
      p: String(ARGON2_PARAMETERS.parallelism),
    });
    assert.deepEqual([ARGON2_PARAMETERS.memoryCost, ARGON2_PARAMETERS.timeCost, ARGON2_PARAMETERS.parallelism], [19456, 2, 1]);
    assert.equal(Buffer.from(salt!, 'base64').length, 16);
    assert.equal(Buffer.from(digest!, 'base64').length, 32);
    // A new salt each time: the same password never hashes the same.
    await h.services.directory.setPassword(alice, GOOD_PASSWORD);
    assert.notEqual((await hashOf(alice)).split('$')[4], salt);
  });

  test('at least 8 characters; 64 and up to 256 accepted; 257 refused; no composition rules', async () => {
    await assert.rejects(h.services.directory.setPassword(alice, 'zq7#kLm'), isValidation('TOO_SHORT'));
    await h.services.directory.setPassword(alice, 'zq7#kLmw');
    await h.services.directory.setPassword(alice, 'lowercase only but long enough');
    const long64 = 'x'.repeat(20) + 'the sixty-four character passphrase is fine!!';
    assert.equal(long64.length, 65);
    await h.services.directory.setPassword(alice, long64);
    assert.equal((await h.services.directory.checkPassword('alice', long64)).ok, true);
    await h.services.directory.setPassword(alice, 'p'.repeat(255) + 'q');
    await assert.rejects(h.services.directory.setPassword(alice, 'p'.repeat(256) + 'q'), isValidation('TOO_LONG'));
  });

  test('length counts characters, not UTF-16 units: 8 emoji are 8 characters, 7 are too few', async () => {
    await h.services.directory.setPassword(alice, '🔑🚪🏠🌳🦉🐝🍄🎈');
    assert.equal((await h.services.directory.checkPassword('alice', '🔑🚪🏠🌳🦉🐝🍄🎈')).ok, true);
    await assert.rejects(h.services.directory.setPassword(alice, '🔑🚪🏠🌳🦉🐝🍄'), isValidation('TOO_SHORT'));
  });

  test('no truncation: a long password differing only in its last character is wrong', async () => {
    const long = `${'a long passphrase that goes on and on '.repeat(5)}END1`;
    await h.services.directory.setPassword(alice, long);
    assert.equal((await h.services.directory.checkPassword('alice', long)).ok, true);
    assert.equal((await h.services.directory.checkPassword('alice', `${long.slice(0, -1)}2`)).ok, false);
  });

  test('Unicode is NFKC-normalized: composed and decomposed accents, full-width letters match', async () => {
    await h.services.directory.setPassword(alice, 'Caf\u00e9 cr\u00e8me 2026');
    assert.equal((await h.services.directory.checkPassword('alice', 'Cafe\u0301 cre\u0300me 2026')).ok, true);
    await h.services.directory.setPassword(alice, 'ＧＡＴＥＨＯＵＳＥ－ｋｅｙ－４２');
    assert.equal((await h.services.directory.checkPassword('alice', 'GATEHOUSE-key-42')).ok, true);
  });

  test('the common-password list has at least 10,000 entries and refuses them, whatever the case', async () => {
    assert.ok(commonPasswords().size >= 10_000, `only ${commonPasswords().size}`);
    for (const p of ['password', '12345678', 'baseball', 'Password', 'TRUSTNO1', 'iloveyou']) {
      await assert.rejects(h.services.directory.setPassword(alice, p), isValidation('COMMON'), p);
    }
  });

  test('a password equal to the user name is refused', async () => {
    const longName = await h.user('maximilian.longname');
    await assert.rejects(h.services.directory.setPassword(longName, 'Maximilian.Longname'), isValidation('USER_NAME'));
  });

  test('one-time passwords must be changed at first sign-in; the change clears the flag', async () => {
    const bob = await h.user('bob');
    const { mustChangePassword } = await h.services.directory.setPassword(bob, 'temporary pass 123', { oneTime: true });
    assert.equal(mustChangePassword, true);
    const check = await h.services.directory.checkPassword('bob', 'temporary pass 123');
    assert.deepEqual(check, { ok: true, userId: bob, userName: 'bob', mustChangePassword: true });
    await assert.rejects(h.services.directory.changePassword(bob, 'temporary pass 123', 'temporary pass 123'), isValidation('UNCHANGED'));
    await assert.rejects(h.services.directory.changePassword(bob, 'wrong current pw', 'my own new secret'), { code: 'Unauthenticated' });
    await h.services.directory.changePassword(bob, 'temporary pass 123', 'my own new secret');
    assert.deepEqual(await h.services.directory.checkPassword('bob', 'my own new secret'), { ok: true, userId: bob, userName: 'bob', mustChangePassword: false });
    assert.equal((await h.services.directory.checkPassword('bob', 'temporary pass 123')).ok, false);
  });

  test('a generated one-time password works once set, and must be changed', async () => {
    const carol = await h.user('carol');
    const generated = await h.services.directory.issueOneTimePassword(carol);
    assert.match(generated, /^[A-Za-z2-9]{20}$/);
    assert.deepEqual(await h.services.directory.checkPassword('carol', generated), { ok: true, userId: carol, userName: 'carol', mustChangePassword: true });
  });

  test('user names are found without regard to case', async () => {
    await h.services.directory.setPassword(alice, GOOD_PASSWORD);
    assert.equal((await h.services.directory.checkPassword('ALICE', GOOD_PASSWORD)).ok, true);
  });
});
