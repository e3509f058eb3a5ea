// The real sso-oidc client against a running server, with the sign-in pages driven over plain
// HTTP as a browser would: the device flow (as `aws sso login --use-device-code`), the
// authorization code flow with PKCE (as `aws sso login`), refresh rotation, and the refusals
// that guard them.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  SSOOIDCClient,
  RegisterClientCommand,
  StartDeviceAuthorizationCommand,
  CreateTokenCommand,
  type CreateTokenCommandOutput,
} from '@aws-sdk/client-sso-oidc';
import { SSOClient, ListAccountsCommand } from '@aws-sdk/client-sso';
import { createHash, randomBytes } from 'node:crypto';
import { startTestServer, type TestServer } from '../support/server.js';
import { awsError } from '../support/aws-error.js';
import { Browser, signIn, type Credentials } from '../support/browser.js';

const DEVICE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

for (const backend of ['sqlite', 'postgres'] as const) {
  describe(`sso-oidc conformance (${backend})`, () => {
    let server: TestServer;
    let oidc: SSOOIDCClient;
    let sso: SSOClient;
    const ada: Credentials = { userName: 'ada', password: 'plum-velvet-harbor-9431' };
    const grace: Credentials = { userName: 'grace', password: 'copper-lantern-meadow-2718' };
    let device: { clientId: string; clientSecret: string };
    let deviceTokens: CreateTokenCommandOutput;
    let adaBrowser: Browser;

    const listAccounts = (accessToken: string) => sso.send(new ListAccountsCommand({ accessToken }));

    before(async () => {
      server = await startTestServer({ backend });
      const config = { endpoint: server.endpoint, region: server.region, maxAttempts: 1 };
      oidc = new SSOOIDCClient(config);
      sso = new SSOClient(config);
      const services = server.server.services;
      const { identityStoreId } = await services.instance.get();
      for (const who of [ada, grace]) {
        const user = await services.identityStore.createUser(identityStoreId, { UserName: who.userName, DisplayName: who.userName, Name: { GivenName: who.userName, FamilyName: 'Test' } });
        await services.directory.setPassword(user.userId, who.password);
      }
      await services.directory.updateSettings({ mfaMode: 'required' });
    });
    after(() => server.close());

    test('RegisterClient registers a public client', async () => {
      const out = await oidc.send(new RegisterClientCommand({ clientName: 'gatehouse-test', clientType: 'public', scopes: ['sso:account:access'], grantTypes: [DEVICE_GRANT, 'refresh_token'] }));
      assert.ok(out.clientId && out.clientSecret);
      const now = Date.now() / 1000;
      assert.ok(Math.abs(out.clientIdIssuedAt! - now) < 60);
      assert.ok(Math.abs(out.clientSecretExpiresAt! - (now + 90 * 86400)) < 60);
      device = { clientId: out.clientId, clientSecret: out.clientSecret };
    });

    test('RegisterClient refuses what it cannot register', async () => {
      await assert.rejects(oidc.send(new RegisterClientCommand({ clientName: 'x', clientType: 'confidential' })), awsError('InvalidClientMetadataException', 400, { error: 'invalid_client_metadata' }));
      await assert.rejects(oidc.send(new RegisterClientCommand({ clientName: 'x', clientType: 'public', scopes: ['admin:everything'] })), awsError('InvalidScopeException', 400));
      await assert.rejects(oidc.send(new RegisterClientCommand({ clientName: 'x', clientType: 'public', redirectUris: ['http://example.com/cb'], grantTypes: ['authorization_code'] })),
        awsError('InvalidRedirectUriException', 400));
    });

    test('StartDeviceAuthorization, then CreateToken is pending at once, and slow_down when polled too fast', async () => {
      const started = await oidc.send(new StartDeviceAuthorizationCommand({ ...device, startUrl: `${server.endpoint}/start` }));
      assert.match(started.userCode!, /^[BCDFGHJKLMNPQRSTVWXZ]{4}-[BCDFGHJKLMNPQRSTVWXZ]{4}$/);
      assert.equal(started.verificationUri, `${server.endpoint}/device`);
      assert.equal(started.verificationUriComplete, `${server.endpoint}/device?user_code=${started.userCode}`);
      assert.equal(started.expiresIn, 600);
      assert.equal(started.interval, 1);
      assert.ok(Buffer.from(started.deviceCode!, 'base64url').length >= 16);
      const poll = () => oidc.send(new CreateTokenCommand({ ...device, grantType: DEVICE_GRANT, deviceCode: started.deviceCode }));
      const t0 = Date.now();
      await assert.rejects(poll(), awsError('AuthorizationPendingException', 400, { error: 'authorization_pending' }));
      assert.ok(Date.now() - t0 < 1000, 'pending is answered at once');
      await assert.rejects(poll(), awsError('SlowDownException', 400));

      // The person opens the complete verification URI, signs in (registering an authenticator, as MFA is required), and allows.
      adaBrowser = new Browser(server.endpoint);
      let page = await adaBrowser.go(started.verificationUriComplete!);
      page = await signIn(adaBrowser, page, ada);
      assert.ok(ada.totpSecret, 'MFA registration was asked for');
      assert.match(page.url, /\/device\?user_code=/);
      page = await adaBrowser.submit(page, '/device');
      assert.match(page.text, /gatehouse-test/);
      assert.match(page.text, new RegExp(started.userCode!));
      page = await adaBrowser.submit(page, '/device/confirm', {}, 0);
      assert.equal(page.status, 200);
      assert.match(page.text, /Device authorized/);
      assert.ok(adaBrowser.cookies().has('gatehouse_session'), 'plain-http loopback uses the unprefixed cookie');

      await sleep(1100);
      deviceTokens = await poll();
      assert.equal(deviceTokens.tokenType, 'Bearer');
      assert.ok(deviceTokens.accessToken && deviceTokens.refreshToken);
      assert.ok(Math.abs(deviceTokens.expiresIn! - 8 * 3600) < 60, `expiresIn ${deviceTokens.expiresIn}`);
      assert.deepEqual((await listAccounts(deviceTokens.accessToken!)).accountList, []);
      await sleep(1100);
      await assert.rejects(poll(), awsError('InvalidGrantException', 400));
    });

    test('a wrong client secret is InvalidClientException (401)', async () => {
      await assert.rejects(oidc.send(new StartDeviceAuthorizationCommand({ clientId: device.clientId, clientSecret: 'nope', startUrl: `${server.endpoint}/start` })),
        awsError('InvalidClientException', 401));
      await assert.rejects(oidc.send(new CreateTokenCommand({ ...device, grantType: 'password' })), awsError('UnsupportedGrantTypeException', 400));
    });

    test('a denied device code is AccessDeniedException', async () => {
      const started = await oidc.send(new StartDeviceAuthorizationCommand({ ...device, startUrl: `${server.endpoint}/start` }));
      let page = await adaBrowser.go(`/device?user_code=${started.userCode}`);
      page = await adaBrowser.submit(page, '/device');
      page = await adaBrowser.submit(page, '/device/confirm', {}, 1);
      assert.match(page.text, /denied/);
      await assert.rejects(oidc.send(new CreateTokenCommand({ ...device, grantType: DEVICE_GRANT, deviceCode: started.deviceCode })), awsError('AccessDeniedException', 400));
    });

    test('the sixth wrong user code is refused, even when right', async () => {
      const started = await oidc.send(new StartDeviceAuthorizationCommand({ ...device, startUrl: `${server.endpoint}/start` }));
      const browser = new Browser(server.endpoint);
      await server.server.services.directory.updateSettings({ mfaMode: 'off' });
      let page = await signIn(browser, await browser.go('/device'), grace);
      for (let n = 1; n <= 5; n++) {
        page = await browser.submit(page, '/device', { user_code: 'BCDF-GHJK' });
        assert.equal(page.status, 400, `wrong code ${n}`);
        assert.match(page.text, /not valid/);
      }
      page = await browser.submit(page, '/device', { user_code: 'BCDF-GHJK' });
      assert.equal(page.status, 429);
      page = await browser.go('/device');
      page = await browser.submit(page, '/device', { user_code: started.userCode! });
      assert.equal(page.status, 429, 'the right code is refused too');
    });

    test('sign-in: a wrong password says so; the session cookie is rotated at sign-in; forms need the CSRF token', async () => {
      const browser = new Browser(server.endpoint);
      let page = await browser.go('/signin');
      const before = browser.cookies().get('gatehouse_session');
      page = await browser.submit(page, '/signin', { username: 'grace' });
      const wrong = await browser.submit(page, '/signin', { password: 'not-her-password-000' });
      assert.equal(wrong.status, 401);
      assert.match(wrong.text, /user name or password is incorrect/);
      const forged = await browser.go('/signin', { step: 'password', password: grace.password, csrf: 'forged' });
      assert.equal(forged.status, 403);
      page = await browser.submit(wrong, '/signin', { password: grace.password });
      assert.match(page.text, /signed in as <strong>grace<\/strong>/);
      assert.notEqual(browser.cookies().get('gatehouse_session'), before);
      const escaped = await browser.go('/device?user_code=%22%3E%3Cscript%3E');
      assert.ok(!escaped.text.includes('"><script>'), 'output is escaped');
    });

    describe('authorization code with PKCE', () => {
      const redirect = 'http://127.0.0.1/oauth/callback';
      let client: { clientId: string; clientSecret: string };
      let firstTokens: CreateTokenCommandOutput;
      let code: string;
      const verifier = randomBytes(48).toString('base64url');
      const challenge = createHash('sha256').update(verifier).digest('base64url');
      const callback = 'http://127.0.0.1:54321/oauth/callback';

      const authorize = async (browser: Browser, state: string) => {
        const q = new URLSearchParams({ response_type: 'code', client_id: client.clientId, redirect_uri: callback, state, code_challenge_method: 'S256', code_challenge: challenge, scopes: 'sso:account:access' });
        let page = await browser.go(`/authorize?${q}`);
        if (page.url.includes('/signin')) page = await signIn(browser, page, grace);
        assert.match(page.text, /Allow access\?/);
        assert.match(page.text, /aws-cli-test/);
        return browser.submit(page, '/authorize', {}, 0);
      };

      before(async () => {
        const out = await oidc.send(new RegisterClientCommand({ clientName: 'aws-cli-test', clientType: 'public', scopes: ['sso:account:access'], redirectUris: [redirect], grantTypes: ['authorization_code', 'refresh_token'] }));
        client = { clientId: out.clientId!, clientSecret: out.clientSecret! };
      });

      test('GET /authorize, sign in, allow: back to the loopback port with code and state; CreateToken with the verifier', async () => {
        const done = await authorize(new Browser(server.endpoint), 'st-1');
        const url = new URL(done.offsite!);
        assert.equal(`${url.origin}${url.pathname}`, callback);
        assert.equal(url.searchParams.get('state'), 'st-1');
        code = url.searchParams.get('code')!;
        await assert.rejects(oidc.send(new CreateTokenCommand({ ...client, grantType: 'authorization_code', code, redirectUri: callback, codeVerifier: 'x'.repeat(43) })),
          awsError('InvalidGrantException', 400));
        // A failed redemption uses the code up: fetch a new one.
        code = new URL((await authorize(new Browser(server.endpoint), 'st-2')).offsite!).searchParams.get('code')!;
        firstTokens = await oidc.send(new CreateTokenCommand({ ...client, grantType: 'authorization_code', code, redirectUri: callback, codeVerifier: verifier }));
        assert.ok(firstTokens.accessToken && firstTokens.refreshToken);
        assert.deepEqual((await listAccounts(firstTokens.accessToken!)).accountList, []);
      });

      test('a second use of the code is refused and revokes what the first issued', async () => {
        await assert.rejects(oidc.send(new CreateTokenCommand({ ...client, grantType: 'authorization_code', code, redirectUri: callback, codeVerifier: verifier })),
          awsError('InvalidGrantException', 400));
        await assert.rejects(listAccounts(firstTokens.accessToken!), awsError('UnauthorizedException', 401));
        await assert.rejects(oidc.send(new CreateTokenCommand({ ...client, grantType: 'refresh_token', refreshToken: firstTokens.refreshToken })), awsError('InvalidGrantException', 400));
      });

      test('deny sends error=access_denied; an unregistered redirect URI is shown, not followed', async () => {
        const browser = new Browser(server.endpoint);
        const q = new URLSearchParams({ response_type: 'code', client_id: client.clientId, redirect_uri: callback, state: 's', code_challenge_method: 'S256', code_challenge: challenge, scopes: 'sso:account:access' });
        let page = await signIn(browser, await browser.go(`/authorize?${q}`), grace);
        page = await browser.submit(page, '/authorize', {}, 1);
        const url = new URL(page.offsite!);
        assert.equal(url.searchParams.get('error'), 'access_denied');
        assert.equal(url.searchParams.get('state'), 's');
        q.set('redirect_uri', 'https://evil.example/cb');
        const bad = await browser.go(`/authorize?${q}`);
        assert.equal(bad.status, 400);
        assert.equal(bad.offsite, undefined);
      });

      test('refresh rotates; a reused refresh token revokes the family', async () => {
        code = new URL((await authorize(new Browser(server.endpoint), 'st-3')).offsite!).searchParams.get('code')!;
        const t1 = await oidc.send(new CreateTokenCommand({ ...client, grantType: 'authorization_code', code, redirectUri: callback, codeVerifier: verifier }));
        const t2 = await oidc.send(new CreateTokenCommand({ ...client, grantType: 'refresh_token', refreshToken: t1.refreshToken }));
        assert.notEqual(t2.refreshToken, t1.refreshToken);
        assert.notEqual(t2.accessToken, t1.accessToken);
        assert.ok(await listAccounts(t2.accessToken!));
        await assert.rejects(oidc.send(new CreateTokenCommand({ ...client, grantType: 'refresh_token', refreshToken: t1.refreshToken })), awsError('InvalidGrantException', 400));
        await assert.rejects(oidc.send(new CreateTokenCommand({ ...client, grantType: 'refresh_token', refreshToken: t2.refreshToken })), awsError('InvalidGrantException', 400));
        await assert.rejects(listAccounts(t2.accessToken!), awsError('UnauthorizedException', 401));
      });

      test('refresh is refused once the portal session is over', async () => {
        const browser = new Browser(server.endpoint);
        code = new URL((await authorize(browser, 'st-4')).offsite!).searchParams.get('code')!;
        const t1 = await oidc.send(new CreateTokenCommand({ ...client, grantType: 'authorization_code', code, redirectUri: callback, codeVerifier: verifier }));
        const page = await browser.go('/signin');
        await browser.submit(page, '/signout');
        await assert.rejects(listAccounts(t1.accessToken!), awsError('UnauthorizedException', 401));
        await assert.rejects(oidc.send(new CreateTokenCommand({ ...client, grantType: 'refresh_token', refreshToken: t1.refreshToken })), awsError('InvalidGrantException', 400));
      });
    });
  });
}
