// Retention through a running server, on both back ends: a person signs in on the portal and
// approves `aws sso login --use-device-code`; a day and a half later the server's own sweeper
// has deleted the session, the device authorization, the tokens and their family, and what
// the person and the CLI still hold is answered as signed out or invalid, never with a 500.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { SSOOIDCClient, CreateTokenCommand } from '@aws-sdk/client-sso-oidc';
import { startTestServer, type TestServer } from '../support/server.js';
import { Browser, deviceLogin, type Credentials } from '../support/browser.js';
import { hashToken } from '../../src/domain/sessions/bearer-token.js';

const who: Credentials = { userName: 'ada', password: 'a-long-unusual-passphrase-42' };
const GRACE_MS = 24 * 3_600_000;

const until = async (what: string, check: () => Promise<boolean>) => {
  for (let n = 0; n < 400; n++) {
    if (await check()) return;
    await sleep(25);
  }
  assert.fail(`never: ${what}`);
};

for (const backend of ['sqlite', 'postgres'] as const) {
  describe(`retention through the server (${backend})`, () => {
    let server: TestServer;
    // Real time (the SDK's clock skew checks), moved forward when the test says so.
    let offset = 0;
    const clock = { now: () => Date.now() + offset };

    before(async () => {
      server = await startTestServer({ backend, mfaMode: 'off', clock, retention: { intervalMs: 50 } });
      const services = server.server.services;
      const { identityStoreId } = await services.instance.get();
      const { userId } = await services.identityStore.createUser(identityStoreId, { UserName: who.userName, DisplayName: 'Ada', Name: { GivenName: 'Ada', FamilyName: 'Lovelace' } });
      await services.directory.setPassword(userId, who.password, { oneTime: false });
    });
    after(() => server?.close());

    const accounts = (token: string) => fetch(`${server.endpoint}/assignment/accounts`, { headers: { 'x-amz-sso_bearer_token': token } });
    const logout = (token: string) => fetch(`${server.endpoint}/logout`, { method: 'POST', headers: { 'x-amz-sso_bearer_token': token } });

    test("a purged session's cookie and tokens are answered as signed out and invalid", async () => {
      const store = server.server.store;
      const oidc = new SSOOIDCClient({ endpoint: server.endpoint, region: server.region });
      const browser = new Browser(server.endpoint);
      const tokens = await deviceLogin(oidc, server.endpoint, who, browser);
      assert.equal((await accounts(tokens.accessToken!)).status, 200);
      assert.match((await browser.go('/start')).url, /\/start$/);
      const session = await store.sessions.getSessionByTokenHash(hashToken(browser.cookies().get('gatehouse_session')!));
      const familyId = (await store.oidc.getToken(hashToken(tokens.refreshToken!)))?.familyId;
      assert.ok(session && familyId);

      // The session runs out, then the grace passes: the sweeper (every 50 ms) deletes it all.
      offset = session.expiresAt - Date.now() + GRACE_MS + 60_000;
      await until('the session and its tokens are deleted', async () =>
        (await store.sessions.getSession(session.sessionId)) === undefined &&
        (await store.oidc.getToken(hashToken(tokens.accessToken!))) === undefined &&
        (await store.oidc.getFamily(familyId)) === undefined);
      assert.equal(await store.oidc.getToken(hashToken(tokens.refreshToken!)), undefined);

      const refresh = oidc.send(new CreateTokenCommand({ clientId: tokens.clientId, clientSecret: tokens.clientSecret, grantType: 'refresh_token', refreshToken: tokens.refreshToken }));
      await assert.rejects(refresh, (e: Error & { $metadata?: { httpStatusCode?: number } }) => e.name === 'InvalidGrantException' && e.$metadata?.httpStatusCode === 400);
      for (const res of [await accounts(tokens.accessToken!), await logout(tokens.accessToken!)]) {
        assert.equal(res.status, 401);
        assert.match(res.headers.get('x-amzn-errortype') ?? '', /^UnauthorizedException/);
      }
      assert.match((await browser.go('/start')).url, /\/signin/, 'the cookie of a purged session signs in afresh');
    });
  });
}
