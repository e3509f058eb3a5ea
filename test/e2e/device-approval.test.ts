// The device flow as `aws sso login --use-device-code` and its user do it, with the approval in a
// real browser: the SDK registers a client and starts a device authorization; Chromium opens
// verificationUriComplete, signs in (password only: MFA is off), and allows (or denies) on
// /device; then CreateToken answers with a token that lists the user's accounts through the
// real @aws-sdk/client-sso, or with AccessDeniedException.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { SSOOIDCClient, RegisterClientCommand, StartDeviceAuthorizationCommand, CreateTokenCommand } from '@aws-sdk/client-sso-oidc';
import { SSOClient, ListAccountsCommand, ListAccountRolesCommand } from '@aws-sdk/client-sso';
import { startTestServer, type TestServer } from '../support/server.js';
import { awsError } from '../support/aws-error.js';
import { seedPortalWorld, PORTAL_USER as USER } from './portal-fixture.js';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const DEVICE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';
const CLIENT_NAME = 'gatehouse-device-e2e';

describe('device flow approved in Chromium', { skip: existsSync(CHROMIUM) ? false : `${CHROMIUM} is not installed` }, () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let oidc: SSOOIDCClient;
  let sso: SSOClient;
  let client: { clientId: string; clientSecret: string };
  let accountIds: readonly string[];

  before(async () => {
    [server, browser] = await Promise.all([startTestServer({ mfaMode: 'off' }), chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })]);
    ({ accountIds } = await seedPortalWorld(server));
    const config = { endpoint: server.endpoint, region: server.region, maxAttempts: 1 };
    oidc = new SSOOIDCClient(config);
    sso = new SSOClient(config);
    const registered = await oidc.send(new RegisterClientCommand({ clientName: CLIENT_NAME, clientType: 'public', grantTypes: [DEVICE_GRANT, 'refresh_token'] }));
    client = { clientId: registered.clientId!, clientSecret: registered.clientSecret! };
    context = await browser.newContext({ viewport: { width: 1000, height: 760 } });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  const start = () => oidc.send(new StartDeviceAuthorizationCommand({ ...client, startUrl: `${server.endpoint}/start` }));
  // Polls as the CLI does: never sooner than the interval StartDeviceAuthorization gave after
  // the previous poll of the same code (sooner is slow_down, by design).
  const lastPoll = new Map<string, number>();
  const createToken = async (started: { deviceCode?: string; interval?: number }) => {
    const wait = (lastPoll.get(started.deviceCode!) ?? 0) + started.interval! * 1000 - Date.now();
    if (wait > 0) await sleep(wait);
    lastPoll.set(started.deviceCode!, Date.now());
    return oidc.send(new CreateTokenCommand({ ...client, grantType: DEVICE_GRANT, deviceCode: started.deviceCode! }));
  };

  /** Opens the link the CLI prints, signs in when asked, and goes on to the confirmation page. */
  const openAndConfirm = async (verificationUriComplete: string, userCode: string): Promise<Page> => {
    const page = await context.newPage();
    await page.goto(verificationUriComplete);
    if (page.url().includes('/signin')) {
      await page.getByLabel('User name').fill(USER.userName);
      await page.getByRole('button', { name: 'Next' }).click();
      await page.getByLabel('Password').fill(USER.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
    }
    await page.getByRole('heading', { name: 'Authorize a device' }).waitFor();
    assert.equal((await page.getByLabel('Code').inputValue()).replace(/-/g, ''), userCode.replace(/-/g, ''), 'the code comes prefilled');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('heading', { name: 'Allow access?' }).waitFor();
    assert.match(await page.locator('main').innerText(), new RegExp(CLIENT_NAME));
    assert.equal((await page.locator('.code').innerText()).replace(/-/g, ''), userCode.replace(/-/g, ''), 'the page shows the code the device shows');
    return page;
  };

  test('allowed: CreateToken answers with a token that lists the user\'s accounts', async () => {
    const started = await start();
    await assert.rejects(createToken(started), awsError('AuthorizationPendingException', 400), 'pending until the user answers');
    const page = await openAndConfirm(started.verificationUriComplete!, started.userCode!);
    await page.getByRole('button', { name: 'Allow' }).click();
    await page.getByRole('heading', { name: 'Device authorized' }).waitFor();
    assert.match(await page.locator('main').innerText(), new RegExp(`${CLIENT_NAME} can now access your accounts`));
    await page.close();

    const token = await createToken(started);
    assert.equal(token.tokenType, 'Bearer');
    assert.ok(token.accessToken);
    const { accountList } = await sso.send(new ListAccountsCommand({ accessToken: token.accessToken }));
    assert.deepEqual(accountList!.map((a) => a.accountId).sort(), [...accountIds].sort());
    const roles = await sso.send(new ListAccountRolesCommand({ accessToken: token.accessToken, accountId: accountIds[0] }));
    assert.deepEqual(roles.roleList!.map((r) => r.roleName), ['ReadOnly']);
  });

  test('denied: CreateToken is AccessDeniedException and no token is issued', async () => {
    const started = await start();
    // The browser is signed in from the first test: no sign-in this time.
    const page = await openAndConfirm(started.verificationUriComplete!, started.userCode!);
    await page.getByRole('button', { name: 'Deny' }).click();
    await page.getByRole('heading', { name: 'Request denied' }).waitFor();
    await page.close();
    await assert.rejects(createToken(started), awsError('AccessDeniedException', 400));
  });
});
