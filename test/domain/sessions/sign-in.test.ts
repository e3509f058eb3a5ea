// The sign-in steps over the real directory: each stage in turn, the messages for a wrong
// password and a locked user, MFA registration and codes, the forced password change, token
// rotation and the session duration setting, and disabled users signed out at once.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { totpCode, totpStep } from '../../../src/domain/directory/totp.js';
import * as steps from '../../../src/domain/sessions/sign-in-steps.js';
import type { HeldSession } from '../../../src/domain/sessions/session-service.js';
import { hashToken } from '../../../src/domain/sessions/bearer-token.js';
import { checkCsrf, csrfToken } from '../../../src/domain/sessions/csrf.js';
import { openSessionsHarness, PASSWORD, type SessionsHarness } from './harness.js';

describe('sign-in steps', () => {
  let h: SessionsHarness;
  before(async () => (h = await openSessionsHarness()));
  after(() => h.dispose());

  const through = async (held: HeldSession, userName: string, password = PASSWORD) => {
    const named = await steps.submitUserName(h.services.sessions, held, userName);
    assert.equal(named.kind, 'next');
    return steps.submitPassword(h.services.sessions, named.held, password);
  };

  test('a new session is anonymous, short, and stored only as a hash', async () => {
    const held = await h.services.sessions.start();
    assert.ok(Buffer.from(held.token, 'base64url').length >= 16);
    assert.equal(held.session.stage, 'identify');
    assert.equal(held.session.tokenHash, hashToken(held.token));
    assert.equal(held.session.expiresAt - h.clock.now(), 15 * 60_000);
    assert.deepEqual(await h.services.sessions.resolve(held.token), held);
    h.clock.advance(15 * 60_000);
    assert.equal(await h.services.sessions.resolve(held.token), undefined, 'an abandoned sign-in expires');
  });

  test('user name, then password: signed in, with a new token and the setting for duration', async () => {
    await h.user('ada');
    await h.services.directory.updateSettings({ sessionDuration: 'PT1H' });
    const held = await h.services.sessions.start();
    const wrong = await through(held, 'ada', 'not-the-password-123');
    assert.deepEqual([wrong.kind, wrong.kind === 'retry' && wrong.message], ['retry', steps.WRONG_PASSWORD]);
    const unknown = await through(held, 'nobody');
    assert.deepEqual([unknown.kind, unknown.kind === 'retry' && unknown.message], ['retry', steps.WRONG_PASSWORD], 'unknown users look alike');
    const ok = await through(held, 'ada');
    assert.equal(ok.kind, 'signed-in');
    assert.notEqual(ok.held.token, held.token);
    assert.equal(await h.services.sessions.resolve(held.token), undefined, 'the pre-sign-in token is dead');
    const resolved = await h.services.sessions.resolve(ok.held.token);
    assert.equal(resolved?.session.stage, 'active');
    assert.equal(resolved!.session.expiresAt - h.clock.now(), 3600_000);
    await h.services.directory.updateSettings({ sessionDuration: 'PT8H' });
  });

  test('a locked user is told so', async () => {
    await h.user('bob');
    const held = await h.services.sessions.start();
    let last: steps.StepOutcome | undefined;
    for (let n = 0; n < 6; n++) last = await through(held, 'bob', 'wrong-wrong-wrong-1');
    assert.equal(last?.kind, 'retry');
    assert.match((last as { message: string }).message, /locked/);
  });

  test('MFA required: registration with the secret, then codes at later sign-ins', async () => {
    await h.services.directory.updateSettings({ mfaMode: 'required' });
    try {
      await h.user('cyd');
      let held = await h.services.sessions.start();
      let out = await through(held, 'cyd');
      assert.deepEqual([out.kind, out.held.session.stage], ['next', 'mfa-setup']);
      const { enrollment, held: withEnrollment } = await steps.beginMfaSetup(h.services.sessions, out.held);
      assert.match(enrollment.otpauthUrl, /^otpauth:\/\/totp\//);
      assert.equal((await steps.submitMfaSetup(h.services.sessions, withEnrollment, '000000')).kind, 'retry');
      out = await steps.submitMfaSetup(h.services.sessions, withEnrollment, totpCode(enrollment.secret, totpStep(h.clock.now())));
      assert.equal(out.kind, 'signed-in');

      h.clock.advance(60_000);
      held = await h.services.sessions.start();
      out = await through(held, 'cyd');
      assert.deepEqual([out.kind, out.held.session.stage], ['next', 'mfa']);
      const code = totpCode(enrollment.secret, totpStep(h.clock.now()));
      const wrong = await steps.submitMfaCode(h.services.sessions, out.held, code === '123456' ? '654321' : '123456');
      assert.deepEqual([wrong.kind, wrong.kind === 'retry' && wrong.message], ['retry', steps.WRONG_CODE]);
      assert.equal((await steps.submitMfaCode(h.services.sessions, out.held, code)).kind, 'signed-in');
    } finally {
      await h.services.directory.updateSettings({ mfaMode: 'off' });
    }
  });

  test('a one-time password leads to a password change before sign-in', async () => {
    await h.user('dee', { oneTime: true });
    const held = await h.services.sessions.start();
    const out = await through(held, 'dee');
    assert.deepEqual([out.kind, out.held.session.stage], ['next', 'change-password']);
    const mismatch = await steps.submitPasswordChange(h.services.sessions, out.held, { current: PASSWORD, next: 'a-brand-new-secret-99', confirm: 'other' });
    assert.equal(mismatch.kind, 'retry');
    const done = await steps.submitPasswordChange(h.services.sessions, out.held, { current: PASSWORD, next: 'a-brand-new-secret-99', confirm: 'a-brand-new-secret-99' });
    assert.equal(done.kind, 'signed-in');
  });

  test('administrators list and end sessions; a disabled user is signed out at the next request', async () => {
    const userId = await h.user('eve');
    const a = (await through(await h.services.sessions.start(), 'eve')).held;
    const b = (await through(await h.services.sessions.start(), 'eve')).held;
    assert.equal((await h.services.sessions.listUserSessions(userId)).length, 2);
    assert.equal(await h.services.sessions.endSession(a.session.sessionId), true);
    assert.equal(await h.services.sessions.resolve(a.token), undefined);
    assert.ok(await h.services.sessions.resolve(b.token));
    await h.services.directory.disableUser(userId);
    assert.equal(await h.services.sessions.resolve(b.token), undefined);
    assert.equal(await h.services.sessions.wasEnded(b.session.sessionId), true);
  });

  test('CSRF tokens are bound to the session token', () => {
    assert.equal(checkCsrf('token-a', csrfToken('token-a')), true);
    assert.equal(checkCsrf('token-b', csrfToken('token-a')), false);
    assert.equal(checkCsrf('token-a', undefined), false);
    assert.equal(checkCsrf('token-a', 'short'), false);
  });
});
