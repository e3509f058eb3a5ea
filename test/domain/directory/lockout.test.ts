// Brute force: failures counted per user; after 5 each further try waits longer (refused before
// then); 30 lock the user for 15 minutes; success resets; unknown users answer the same.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { delaySeconds, LOCK_AFTER, LOCK_MS } from '../../../src/domain/directory/attempt-policy.js';
import { BACKENDS } from '../../support/backends.js';
import { GOOD_PASSWORD, openDirectoryHarness, type DirectoryHarness } from './harness.js';

for (const backend of BACKENDS) describe(`directory lockout (${backend.name})`, () => {
  let h: DirectoryHarness;
  before(async () => (h = await openDirectoryHarness(backend)));
  after(() => h.dispose());

  const fail = (userName: string) => h.services.directory.checkPassword(userName, 'not the password at all');

  /** Fails `n` times, waiting out each delay (as a patient attacker would); returns the answers. */
  const failTimes = async (userName: string, n: number) => {
    const answers = [];
    for (let i = 0; i < n; i++) {
      const a = await fail(userName);
      answers.push(a);
      if (!a.ok && a.retryAfterSeconds !== undefined && i < n - 1) h.clock.advance(a.retryAfterSeconds * 1000);
    }
    return answers;
  };

  test('the first 4 failures cost nothing; from the 5th each makes the next try wait twice as long', async () => {
    const id = await h.user('dave');
    await h.services.directory.setPassword(id, GOOD_PASSWORD);
    const answers = await failTimes('dave', 8);
    assert.deepEqual(answers.slice(0, 4), Array(4).fill({ ok: false, reason: 'invalid' }));
    assert.deepEqual(answers.slice(4), [1, 2, 4, 8].map((s) => ({ ok: false, reason: 'invalid', retryAfterSeconds: s })));
    // Before the wait is over the try is refused unchecked, even with the right password.
    h.clock.advance(7_000);
    assert.deepEqual(await h.services.directory.checkPassword('dave', GOOD_PASSWORD), { ok: false, reason: 'locked', retryAfterSeconds: 1 });
    const status = await h.services.directory.signInStatus(id);
    assert.equal(status.failedAttempts, 8);
    assert.equal(status.retryAt, h.clock.now() + 1000);
    // After it, the right password works and resets the count.
    h.clock.advance(1_000);
    assert.equal((await h.services.directory.checkPassword('dave', GOOD_PASSWORD)).ok, true);
    assert.equal((await h.services.directory.signInStatus(id)).failedAttempts, 0);
    assert.deepEqual(await fail('dave'), { ok: false, reason: 'invalid' });
  });

  test('the delay doubles up to a cap', () => {
    assert.deepEqual([4, 5, 6, 7, 13, 14, 29].map(delaySeconds), [0, 1, 2, 4, 256, 300, 300]);
  });

  test('30 consecutive failures lock the user for 15 minutes, whatever the password; then it works again', async () => {
    const id = await h.user('erin');
    await h.services.directory.setPassword(id, GOOD_PASSWORD);
    const answers = await failTimes('erin', LOCK_AFTER);
    assert.deepEqual(answers.at(-1), { ok: false, reason: 'locked', retryAfterSeconds: LOCK_MS / 1000 });
    assert.equal(answers.slice(0, -1).some((a) => !a.ok && a.reason === 'locked'), false);
    h.clock.advance(LOCK_MS - 60_000);
    assert.deepEqual(await h.services.directory.checkPassword('erin', GOOD_PASSWORD), { ok: false, reason: 'locked', retryAfterSeconds: 60 });
    assert.ok((await h.services.directory.signInStatus(id)).lockedUntil! > h.clock.now());
    h.clock.advance(60_000);
    assert.equal((await h.services.directory.checkPassword('erin', GOOD_PASSWORD)).ok, true);
  });

  test('after a lock runs out the user has their free tries back', async () => {
    const id = await h.user('frank');
    await h.services.directory.setPassword(id, GOOD_PASSWORD);
    await failTimes('frank', LOCK_AFTER);
    h.clock.advance(LOCK_MS);
    assert.equal((await h.services.directory.signInStatus(id)).failedAttempts, 0);
    assert.deepEqual(await fail('frank'), { ok: false, reason: 'invalid' });
  });

  test('an administrator unlocks a locked user at once', async () => {
    const id = await h.user('grace');
    await h.services.directory.setPassword(id, GOOD_PASSWORD);
    await failTimes('grace', LOCK_AFTER);
    await h.services.directory.unlockUser(id);
    assert.equal((await h.services.directory.checkPassword('grace', GOOD_PASSWORD)).ok, true);
  });

  test('tries sent at once cannot slip past the limit: every one is counted', async () => {
    const id = await h.user('heidi');
    await h.services.directory.setPassword(id, GOOD_PASSWORD);
    const answers = await Promise.all(Array.from({ length: 12 }, () => fail('heidi')));
    const checked = answers.filter((a) => !a.ok && a.reason === 'invalid').length;
    // Five free failures, then the first delayed one: the rest are refused unchecked.
    assert.ok(checked <= 5 + 1, `${checked} tries were checked`);
    assert.ok((await h.services.directory.signInStatus(id)).failedAttempts <= 6);
  });

  test('an unknown user gets the same answers, delays and lock included, in about the same time', async () => {
    const id = await h.user('ivan');
    await h.services.directory.setPassword(id, GOOD_PASSWORD);
    const timed = async (userName: string) => {
      const start = process.hrtime.bigint();
      const answer = await fail(userName);
      return { answer, ms: Number(process.hrtime.bigint() - start) / 1e6 };
    };
    const known = [];
    const unknown = [];
    for (let i = 0; i < 7; i++) {
      known.push(await timed('ivan'));
      unknown.push(await timed('nobody-by-this-name'));
      const wait = known.at(-1)!.answer;
      if (!wait.ok && wait.retryAfterSeconds && i < 6) h.clock.advance(wait.retryAfterSeconds * 1000);
    }
    assert.deepEqual(unknown.map((t) => t.answer), known.map((t) => t.answer));
    // The refusal before the wait is over looks the same too.
    const refused = await fail('ivan');
    assert.equal(!refused.ok && refused.reason, 'locked');
    assert.deepEqual(await fail('nobody-by-this-name'), refused);
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const k = median(known.map((t) => t.ms));
    const u = median(unknown.map((t) => t.ms));
    assert.ok(u > k * 0.5 && u < k * 2, `known ${k.toFixed(1)} ms, unknown ${u.toFixed(1)} ms`);
  });

  test('a user without a password answers like an unknown one', async () => {
    await h.user('judy');
    assert.deepEqual(await fail('judy'), { ok: false, reason: 'invalid' });
  });

  test('disabled users: refused as disabled only with the right password; enabled again, they sign in', async () => {
    const id = await h.user('ken');
    await h.services.directory.setPassword(id, GOOD_PASSWORD);
    const before = await h.services.directory.userStatusVersion(id);
    await h.services.directory.disableUser(id);
    assert.equal(await h.services.directory.isActive(id), false);
    assert.ok((await h.services.directory.userStatusVersion(id)) > before);
    assert.deepEqual(await fail('ken'), { ok: false, reason: 'invalid' });
    assert.deepEqual(await h.services.directory.checkPassword('ken', GOOD_PASSWORD), { ok: false, reason: 'disabled' });
    await h.services.directory.enableUser(id);
    assert.equal(await h.services.directory.isActive(id), true);
    assert.equal((await h.services.directory.checkPassword('ken', GOOD_PASSWORD)).ok, true);
    assert.equal(await h.services.directory.isActive('00000000-0000-0000-0000-000000000000'), false);
  });
});
