// The grants over time (ManualClock): device codes and authorization codes expire, polling is
// paced, refresh rotates and dies with the portal session, and client registrations expire.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { s256 } from '../../../src/domain/oidc/pkce.js';
import { DEVICE_CODE_GRANT } from '../../../src/domain/oidc/oidc-model.js';
import type { HeldSession } from '../../../src/domain/sessions/session-service.js';
import * as steps from '../../../src/domain/sessions/sign-in-steps.js';
import { IDENTITY_STORE_ID, openSessionsHarness, type SessionsHarness } from '../sessions/harness.js';

const reason = (r: string) => (e: { details?: { reason?: string } }) => e.details?.reason === r;

describe('sso-oidc grants', () => {
  let h: SessionsHarness;
  let signedIn: HeldSession;
  before(async () => {
    h = await openSessionsHarness();
    await h.user('ada');
    const named = await steps.submitUserName(h.services.sessions, await h.services.sessions.start(), 'ada');
    signedIn = (await steps.submitPassword(h.services.sessions, named.held, (await import('../sessions/harness.js')).PASSWORD)).held;
  });
  after(() => h.dispose());

  const register = (grantTypes: string[], redirectUris: string[] = []) =>
    h.services.oidc.registerClient({ clientName: 'test', clientType: 'public', grantTypes, redirectUris });

  test('device codes: pending, slow_down within the interval, expired after ten minutes', async () => {
    const oidc = h.services.oidc;
    const c = await register([DEVICE_CODE_GRANT]);
    const started = await oidc.startDeviceAuthorization(c.clientId, c.clientSecret, 'https://portal.example/start');
    const poll = () => oidc.createToken({ ...c, grantType: DEVICE_CODE_GRANT, deviceCode: started.deviceCode });
    await assert.rejects(poll(), reason('authorization_pending'));
    h.clock.advance(500);
    await assert.rejects(poll(), reason('slow_down'));
    h.clock.advance(1000);
    await assert.rejects(poll(), reason('authorization_pending'));
    h.clock.advance(10 * 60_000);
    await assert.rejects(poll(), reason('expired_token'));
    const found = await oidc.findPendingDevice(started.userCode);
    assert.equal(found, undefined, 'an expired code cannot be approved');
  });

  test('device code approved: tokens once, no refresh token unless registered for it', async () => {
    const oidc = h.services.oidc;
    const c = await register([DEVICE_CODE_GRANT]);
    const started = await oidc.startDeviceAuthorization(c.clientId, c.clientSecret, 'https://portal.example/start');
    const found = (await oidc.findPendingDevice(started.userCode))!;
    assert.equal(found.client.clientName, 'test');
    assert.equal(await oidc.decideDevice(found.device, signedIn.session, true), true);
    assert.equal(await oidc.decideDevice(found.device, signedIn.session, false), false);
    const tokens = await oidc.createToken({ ...c, grantType: DEVICE_CODE_GRANT, deviceCode: started.deviceCode });
    assert.equal(tokens.refreshToken, undefined);
    assert.equal(tokens.expiresIn, Math.floor((signedIn.session.expiresAt - h.clock.now()) / 1000));
    const grant = await oidc.resolveAccessToken(tokens.accessToken);
    assert.equal(grant.session.sessionId, signedIn.session.sessionId);
  });

  test('authorization codes expire after ten minutes; the verifier and redirect URI must match', async () => {
    const oidc = h.services.oidc;
    const c = await register(['authorization_code', 'refresh_token'], ['http://127.0.0.1/cb']);
    const verifier = 'v'.repeat(50);
    const params = { response_type: 'code', client_id: c.clientId, redirect_uri: 'http://127.0.0.1:1234/cb', code_challenge_method: 'S256', code_challenge: s256(verifier), state: 'x' };
    const issue = async () => {
      const check = await oidc.checkAuthorizeRequest(params);
      assert.equal(check.kind, 'ok');
      if (check.kind !== 'ok') throw new Error();
      return new URL(await oidc.issueAuthorizationCode(check.client, check.request, signedIn.session)).searchParams.get('code')!;
    };
    const plain = await oidc.checkAuthorizeRequest({ ...params, code_challenge_method: 'plain' });
    assert.equal(plain.kind, 'redirect');
    assert.match(plain.kind === 'redirect' ? plain.location : '', /error=invalid_request/);
    const redeem = (code: string, extra: Record<string, string> = {}) =>
      oidc.createToken({ ...c, grantType: 'authorization_code', code, redirectUri: params.redirect_uri, codeVerifier: verifier, ...extra });
    const late = await issue();
    h.clock.advance(10 * 60_000);
    await assert.rejects(redeem(late), reason('invalid_grant'));
    await assert.rejects(redeem(await issue(), { redirectUri: 'http://127.0.0.1:9999/cb' }), reason('invalid_grant'));
    const t = await redeem(await issue());
    assert.ok(t.refreshToken);
  });

  test('refresh is refused once the portal session has run out', async () => {
    const oidc = h.services.oidc;
    const c = await register(['authorization_code', 'refresh_token'], ['http://127.0.0.1/cb']);
    const verifier = 'w'.repeat(50);
    const check = await oidc.checkAuthorizeRequest({ response_type: 'code', client_id: c.clientId, redirect_uri: 'http://127.0.0.1/cb', code_challenge_method: 'S256', code_challenge: s256(verifier) });
    if (check.kind !== 'ok') throw new Error(check.kind);
    const code = new URL(await oidc.issueAuthorizationCode(check.client, check.request, signedIn.session)).searchParams.get('code')!;
    const t = await oidc.createToken({ ...c, grantType: 'authorization_code', code, redirectUri: 'http://127.0.0.1/cb', codeVerifier: verifier });
    h.clock.set(signedIn.session.expiresAt);
    await assert.rejects(oidc.resolveAccessToken(t.accessToken), { code: 'Unauthenticated' });
    await assert.rejects(oidc.createToken({ ...c, grantType: 'refresh_token', refreshToken: t.refreshToken }), reason('expired_token'));
  });

  test('a token dies with its user: disabled or deleted, refused at the next request', async () => {
    const oidc = h.services.oidc;
    const { PASSWORD } = await import('../sessions/harness.js');
    const signInAs = async (name: string) => {
      const named = await steps.submitUserName(h.services.sessions, await h.services.sessions.start(), name);
      return (await steps.submitPassword(h.services.sessions, named.held, PASSWORD)).held;
    };
    const tokenFor = async (held: HeldSession) => {
      const c = await register([DEVICE_CODE_GRANT]);
      const started = await oidc.startDeviceAuthorization(c.clientId, c.clientSecret, 'https://portal.example/start');
      await oidc.decideDevice((await oidc.findPendingDevice(started.userCode))!.device, held.session, true);
      return (await oidc.createToken({ ...c, grantType: DEVICE_CODE_GRANT, deviceCode: started.deviceCode })).accessToken;
    };
    const disabledId = await h.user('dis');
    const disabledToken = await tokenFor(await signInAs('dis'));
    await oidc.resolveAccessToken(disabledToken);
    await h.services.directory.disableUser(disabledId);
    await assert.rejects(oidc.resolveAccessToken(disabledToken), { code: 'Unauthenticated' });
    const deletedId = await h.user('del');
    const deletedToken = await tokenFor(await signInAs('del'));
    await oidc.resolveAccessToken(deletedToken);
    await h.services.identityStore.deleteUser(IDENTITY_STORE_ID, deletedId);
    await assert.rejects(oidc.resolveAccessToken(deletedToken), { code: 'Unauthenticated' });
  });

  test('a client registration expires after 90 days', async () => {
    const c = await register([DEVICE_CODE_GRANT]);
    h.clock.advance(90 * 86_400_000);
    await assert.rejects(h.services.oidc.startDeviceAuthorization(c.clientId, c.clientSecret, 'https://portal.example/start'), reason('invalid_client'));
  });
});
