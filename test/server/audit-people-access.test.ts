// What people reach, in the audit log, on a real server and both back ends: approving a device
// login and the authorization-code request (AuthorizeDevice, Authorize), the tokens sso-oidc
// issues for them (CreateToken: client and grant type, never a code, secret or token), role
// credentials from the portal API and pages (GetRoleCredentials: account and role, never the
// credentials; refusals too), sign-out from the API, the console's federation sign-in
// (ConsoleLogin by the role session; a replayed sign-in token is a failure), and a SAML
// application opened from the portal (Authenticate, with the application and its ACS URL).

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { SSOOIDCClient, RegisterClientCommand, CreateTokenCommand } from '@aws-sdk/client-sso-oidc';
import { SSOClient, GetRoleCredentialsCommand, LogoutCommand } from '@aws-sdk/client-sso';
import { BACKENDS } from '../support/backends.js';
import { startTestServer, TEST_REGION, type TestServer } from '../support/server.js';
import { Browser, deviceLogin, signIn } from '../support/browser.js';
import { awsError } from '../support/aws-error.js';
import { seedPortalWorld, PORTAL_USER, type PortalWorld } from '../e2e/portal-fixture.js';
import type { AuditEvent } from '../../src/domain/audit/audit-event.js';
import type { Services } from '../../src/domain/services.js';
import { assertNoSecrets, auditEvents } from '../web/audit-events.js';

const DEVICE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';

for (const backend of BACKENDS) {
  describe(`what people reach, in the audit log (${backend.name})`, () => {
    let server: TestServer;
    let services: Services;
    let world: PortalWorld;
    let graceId: string;
    let oidc: SSOOIDCClient;
    let sso: SSOClient;

    before(async () => {
      server = await startTestServer({ backend: backend.name, mfaMode: 'off' });
      services = server.server.services;
      world = await seedPortalWorld(server);
      const { identityStoreId } = await services.instance.get();
      graceId = await services.identityStore.getUserId(identityStoreId, { UniqueAttribute: { AttributePath: 'UserName', AttributeValue: PORTAL_USER.userName } });
      const config = { endpoint: server.endpoint, region: server.region, maxAttempts: 1 };
      oidc = new SSOOIDCClient(config);
      sso = new SSOClient(config);
    });
    after(() => server.close());

    const grace = () => ({ type: 'IdentityCenterUser', userName: PORTAL_USER.userName, principalId: graceId });
    /** Events since `since` (epoch ms), oldest first. */
    const since = (since: number, query: { eventName?: string; userName?: string } = {}) => auditEvents(services, { startTime: since, ...query });
    const named = (events: readonly AuditEvent[], name: string) => events.filter((e) => e.eventName === name);
    /** Events of one name, ordered by `key` (events of separate requests may share a millisecond). */
    const namedBy = (events: readonly AuditEvent[], name: string, key: (e: AuditEvent) => string) =>
      named(events, name).sort((a, b) => key(a).localeCompare(key(b)));

    test('device approval, CreateToken (device code, then refresh), GetRoleCredentials (issued and refused) and Logout from the API', async () => {
      const start = Date.now();
      const tokens = await deviceLogin(oidc, server.endpoint, { ...PORTAL_USER });
      const refreshed = await oidc.send(new CreateTokenCommand({ clientId: tokens.clientId, clientSecret: tokens.clientSecret, grantType: 'refresh_token', refreshToken: tokens.refreshToken }));
      const roleCredentials = (await sso.send(new GetRoleCredentialsCommand({ accessToken: refreshed.accessToken, accountId: world.accountIds[0], roleName: 'ReadOnly' }))).roleCredentials!;
      await assert.rejects(sso.send(new GetRoleCredentialsCommand({ accessToken: refreshed.accessToken, accountId: world.accountIds[0], roleName: 'NotMine' })), awsError('ResourceNotFoundException', 404));
      await sso.send(new LogoutCommand({ accessToken: refreshed.accessToken }));

      const events = await since(start, { userName: PORTAL_USER.userName });
      const [approved] = named(events, 'AuthorizeDevice');
      assert.equal(approved!.eventSource, 'sso-oauth.amazonaws.com');
      assert.deepEqual(approved!.userIdentity, grace());
      assert.deepEqual(approved!.requestParameters, { clientId: tokens.clientId });
      assert.deepEqual(approved!.additionalEventData, { clientName: 'device-login', decision: 'Allow' });

      const created = namedBy(events, 'CreateToken', (e) => String(e.requestParameters!.grantType)).reverse();
      assert.deepEqual(created.map((e) => e.requestParameters), [{ clientId: tokens.clientId, grantType: DEVICE_GRANT }, { clientId: tokens.clientId, grantType: 'refresh_token' }]);
      for (const e of created) {
        assert.equal(e.eventSource, 'sso-oauth.amazonaws.com');
        assert.deepEqual(e.userIdentity, grace());
        assert.match(e.userAgent!, /aws-sdk-js/);
        assert.ok(approved!.eventTime <= e.eventTime);
      }

      const [issued, refused] = namedBy(events, 'GetRoleCredentials', (e) => e.errorCode ?? '');
      assert.equal(issued!.eventSource, 'sso.amazonaws.com');
      assert.deepEqual(issued!.userIdentity, grace());
      assert.deepEqual(issued!.requestParameters, { accountId: world.accountIds[0], roleName: 'ReadOnly' });
      assert.equal(issued!.errorCode, undefined);
      assert.equal(issued!.additionalEventData!.roleArn, `arn:aws:iam::${world.accountIds[0]}:role/aws-reserved/sso.amazonaws.com/${world.roleName}`);
      assert.deepEqual(refused!.requestParameters, { accountId: world.accountIds[0], roleName: 'NotMine' });
      assert.equal(refused!.errorCode, 'ResourceNotFoundException');
      assert.equal(refused!.errorMessage, 'No access');

      const [logout] = named(events, 'Logout');
      assert.equal(logout!.eventSource, 'sso.amazonaws.com');
      assert.deepEqual(logout!.userIdentity, grace());
      for (const e of events) {
        assert.equal(e.awsRegion, TEST_REGION);
        assert.equal(e.sourceIPAddress, '127.0.0.1');
      }
      assertNoSecrets(events, [
        tokens.clientSecret, tokens.accessToken!, tokens.refreshToken!, refreshed.accessToken!, refreshed.refreshToken!,
        roleCredentials.accessKeyId!, roleCredentials.secretAccessKey!, roleCredentials.sessionToken!,
      ]);
    });

    test('the authorization-code request: allowed and denied on /authorize, CreateToken without the code or verifier', async () => {
      const start = Date.now();
      const client = await oidc.send(new RegisterClientCommand({ clientName: 'aws-cli-audit', clientType: 'public', scopes: ['sso:account:access'], redirectUris: ['http://127.0.0.1/oauth/callback'], grantTypes: ['authorization_code', 'refresh_token'] }));
      const creds = { clientId: client.clientId!, clientSecret: client.clientSecret! };
      const verifier = randomBytes(48).toString('base64url');
      const callback = 'http://127.0.0.1:54321/oauth/callback';
      const browser = new Browser(server.endpoint);
      const ask = async (state: string, pick: number) => {
        const q = new URLSearchParams({ response_type: 'code', client_id: creds.clientId, redirect_uri: callback, state, code_challenge_method: 'S256', code_challenge: createHash('sha256').update(verifier).digest('base64url'), scopes: 'sso:account:access' });
        let page = await browser.go(`/authorize?${q}`);
        if (page.url.includes('/signin')) page = await signIn(browser, page, { ...PORTAL_USER });
        return new URL((await browser.submit(page, '/authorize', {}, pick)).offsite!);
      };
      const code = (await ask('state-allow-1', 0)).searchParams.get('code')!;
      assert.equal((await ask('state-deny-2', 1)).searchParams.get('error'), 'access_denied');
      const tokens = await oidc.send(new CreateTokenCommand({ ...creds, grantType: 'authorization_code', code, redirectUri: callback, codeVerifier: verifier }));

      const events = await since(start, { userName: PORTAL_USER.userName });
      const answers = namedBy(events, 'Authorize', (e) => String(e.additionalEventData!.decision));
      assert.deepEqual(answers.map((e) => e.additionalEventData), [{ clientName: 'aws-cli-audit', decision: 'Allow' }, { clientName: 'aws-cli-audit', decision: 'Deny' }]);
      for (const e of answers) {
        assert.equal(e.eventSource, 'sso-oauth.amazonaws.com');
        assert.deepEqual(e.userIdentity, grace());
        assert.deepEqual(e.requestParameters, { clientId: creds.clientId, scopes: ['sso:account:access'] });
      }
      const [created] = named(events, 'CreateToken');
      assert.deepEqual(created!.requestParameters, { clientId: creds.clientId, grantType: 'authorization_code' });
      assertNoSecrets(events, [code, verifier, creds.clientSecret, tokens.accessToken!, tokens.refreshToken!, 'state-allow-1']);
    });

    test('the portal pages: access keys, the console (ConsoleLogin; a replayed sign-in token fails), a SAML application, sign-out', async () => {
      const start = Date.now();
      const browser = new Browser(server.endpoint);
      const home = await signIn(browser, await browser.go('/start'), { ...PORTAL_USER });
      assert.match(home.url, /\/start$/);
      const [account] = world.accountIds;
      const keys = await browser.go(`/start/credentials?account_id=${account}&role_name=ReadOnly`);
      assert.equal(keys.status, 200);
      const accessKeyId = /ASIA[A-Z2-7]{16}/.exec(keys.text)![0];

      // The console link, by hand, to keep the sign-in token and use it twice.
      const cookie = [...browser.cookies()].map(([k, v]) => `${k}=${v}`).join('; ');
      const link = await fetch(`${server.endpoint}/start/console?account_id=${account}&role_name=ReadOnly`, { headers: { cookie }, redirect: 'manual' });
      const login = new URL(link.headers.get('location')!, server.endpoint);
      assert.equal((await fetch(login, { redirect: 'manual' })).status, 303);
      const replay = await fetch(login, { redirect: 'manual' });
      assert.equal(replay.status, 403);

      const apps = services.applications;
      const app = await apps.create({ name: 'Wiki', template: 'custom', acsUrl: 'https://wiki.example.test/saml/acs', audience: 'https://wiki.example.test' });
      await apps.assign(app.applicationId, 'USER', graceId);
      const tab = await browser.go('/start/applications');
      const opened = await browser.submit(tab, `/start/applications/${app.applicationId}/launch`);
      assert.equal(opened.status, 200);
      const samlResponse = /name="SAMLResponse" value="([^"]+)"/.exec(opened.text)![1]!;
      // An application not assigned to her: refused, and recorded so.
      const other = await apps.create({ name: 'Payroll', template: 'custom', acsUrl: 'https://payroll.example.test/acs', audience: 'https://payroll.example.test' });
      const csrf = /name="csrf" value="([^"]+)"/.exec(tab.text)![1]!;
      assert.equal((await browser.go(`/start/applications/${other.applicationId}/launch`, { csrf })).status, 403);
      await browser.submit(await browser.go('/start'), '/signout');

      const mine = await since(start, { userName: PORTAL_USER.userName });
      const pages = namedBy(mine, 'GetRoleCredentials', (e) => String(e.additionalEventData!.Via));
      assert.deepEqual(pages.map((e) => [e.requestParameters, e.additionalEventData?.Via]), [
        [{ accountId: account, roleName: 'ReadOnly' }, 'AccessKeysPage'],
        [{ accountId: account, roleName: 'ReadOnly' }, 'ConsoleLink'],
      ]);
      for (const e of pages) assert.deepEqual(e.userIdentity, grace());

      const [ok, replayed] = namedBy(await since(start, { eventName: 'ConsoleLogin' }), 'ConsoleLogin', (e) => e.errorCode ?? '');
      assert.equal(ok!.eventSource, 'signin.amazonaws.com');
      assert.equal(ok!.errorCode, undefined);
      assert.equal(ok!.userIdentity.type, 'AssumedRole');
      assert.equal(ok!.userIdentity.arn, `arn:aws:sts::${account}:assumed-role/${world.roleName}/${PORTAL_USER.userName}`);
      assert.equal(ok!.userIdentity.accountId, account);
      assert.match(ok!.userIdentity.principalId!, new RegExp(`^AROA[A-Z0-9]+:${PORTAL_USER.userName}$`));
      assert.equal(ok!.additionalEventData!.IdentityCenterUserId, graceId);
      assert.match(String(ok!.additionalEventData!.LoginTo), /\/console/);
      assert.deepEqual(replayed!.userIdentity, { type: 'Unknown' });
      assert.equal(replayed!.errorCode, 'Failure');
      assert.match(replayed!.errorMessage!, /already been used/);

      const [signOn, notAssigned] = namedBy(mine, 'Authenticate', (e) => e.errorCode ?? '');
      assert.equal(signOn!.eventSource, 'sso.amazonaws.com');
      assert.deepEqual(signOn!.userIdentity, grace());
      assert.equal(signOn!.errorCode, undefined);
      assert.deepEqual(signOn!.additionalEventData, { applicationId: app.applicationId, applicationName: 'Wiki', acsUrl: 'https://wiki.example.test/saml/acs', initiatedBy: 'IdP' });
      assert.equal(notAssigned!.errorCode, 'AccessDenied');
      assert.equal(notAssigned!.additionalEventData!.applicationId, other.applicationId);

      const [signOut] = named(mine, 'Logout');
      assert.equal(signOut!.eventSource, 'signin.amazonaws.com');
      assert.deepEqual(signOut!.userIdentity, grace());

      const all = await since(start);
      const secretKey = /aws_secret_access_key=([^\s<]+)/.exec(keys.text)![1]!;
      assertNoSecrets(all, [PORTAL_USER.password, accessKeyId, secretKey, samlResponse.slice(0, 64), login.searchParams.get('SigninToken')!]);
      assert.doesNotMatch(JSON.stringify(all), /ASIA[A-Z2-7]{16}/, 'no access key id of any credentials');
    });
  });
}
