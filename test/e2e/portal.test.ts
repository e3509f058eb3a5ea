// The access portal in headless Chromium: a user signs in with MFA registration, finds the
// accounts sorted and counted, narrows them with the filter, opens a role's access keys and uses
// them with the AWS SDK, and signs out. The tests also write the screenshots in docs/screenshots/.
//
// TOTP codes are single-use (a step is refused once used), so the user signs in once and later
// tests start fresh browser contexts from that sign-in's cookies.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { authenticator } from 'otplib';
import { STSClient, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { startTestServer, type TestServer } from '../support/server.js';
import { awsError } from '../support/aws-error.js';
import { seedPortalWorld, PORTAL_USER as USER, PERMISSION_SET_DESCRIPTION } from './portal-fixture.js';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const SCREENSHOTS = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));

type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;

describe('access portal in Chromium', { skip: existsSync(CHROMIUM) ? false : `${CHROMIUM} is not installed` }, () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext | undefined;
  let signedIn: StorageState;
  let accountIds: readonly string[];
  let roleName: string;

  before(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    [server, browser] = await Promise.all([startTestServer({ mfaMode: 'required' }), chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })]);
    ({ accountIds, roleName } = await seedPortalWorld(server));
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  /** A fresh context (the previous one closed), signed in when `state` is given. */
  const open = async (state?: StorageState): Promise<Page> => {
    await context?.close();
    context = await browser.newContext({ storageState: state, viewport: { width: 1100, height: 760 } });
    return context.newPage();
  };

  test('/start sends a stranger to sign-in; sign-in with MFA registration lands on the sorted, counted accounts', async () => {
    const page = await open();
    await page.goto(`${server.endpoint}/start`);
    assert.match(page.url(), /\/signin\?next=%2Fstart$/);
    await page.screenshot({ path: `${SCREENSHOTS}signin.png` });
    await page.getByLabel('User name').fill(USER.userName);
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByLabel('Password').fill(USER.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Register an authenticator app' }).waitFor();
    const secret = (await page.locator('p:has-text("Secret key") code').textContent())!.trim();
    await page.getByLabel('Code').fill(authenticator.generate(secret));
    await page.getByRole('button', { name: 'Register' }).click();
    await page.waitForURL(`${server.endpoint}/start`);

    assert.equal(await page.locator('#account-count').textContent(), '2 accounts');
    const names = await page.locator('#account-list summary .name').allTextContents();
    assert.deepEqual(names, ['Apollo Sandbox', 'Zephyr Production']);
    await page.locator('#account-list summary').first().click();
    const role = page.locator('#account-list > li').first().locator('ul.roles li');
    assert.equal(await role.locator('.role-name').textContent(), 'ReadOnly');
    assert.equal(await role.locator('.role-desc').textContent(), PERMISSION_SET_DESCRIPTION);
    await page.screenshot({ path: `${SCREENSHOTS}accounts.png`, fullPage: true });
    signedIn = await context!.storageState();
  });

  test('the filter narrows the accounts by name, id or email as one types; Applications is empty', async () => {
    const page = await open(signedIn);
    await page.goto(`${server.endpoint}/start`);
    const visible = () => page.locator('#account-list > li:visible summary .name').allTextContents();
    const filter = page.getByLabel('Filter accounts by name, ID or email');
    await filter.pressSequentially('zeph');
    assert.equal(await page.locator('#account-count').textContent(), '1 of 2 accounts');
    assert.deepEqual(await visible(), ['Zephyr Production']);
    await filter.fill('');
    await filter.pressSequentially(accountIds[1]!);
    assert.deepEqual(await visible(), ['Apollo Sandbox']);
    await filter.fill('apollo-sandbox@');
    await filter.dispatchEvent('input');
    assert.deepEqual(await visible(), ['Apollo Sandbox']);
    await filter.fill('');
    await filter.dispatchEvent('input');
    assert.equal(await page.locator('#account-count').textContent(), '2 accounts');
    await page.getByRole('link', { name: 'Applications' }).click();
    await page.getByText('No applications are assigned to you yet.').waitFor();
  });

  test("a role's access keys: three forms with the expiry, and the SDK calls STS with them", async () => {
    const page = await open(signedIn);
    await page.goto(`${server.endpoint}/start`);
    await page.getByText('Zephyr Production').click();
    await page.getByRole('link', { name: 'Access keys for ReadOnly in Zephyr Production' }).click();
    await page.getByRole('heading', { name: 'Access keys' }).waitFor();
    const shell = (await page.locator('#env-shell').textContent())!;
    const value = (name: string) => new RegExp(`^export ${name}="([^"]+)"$`, 'm').exec(shell)?.[1];
    const credentials = { accessKeyId: value('AWS_ACCESS_KEY_ID')!, secretAccessKey: value('AWS_SECRET_ACCESS_KEY')!, sessionToken: value('AWS_SESSION_TOKEN')! };
    assert.match(credentials.accessKeyId, /^ASIA[A-Z2-7]{16}$/);
    assert.match((await page.locator('#env-powershell').textContent())!, /^\$Env:AWS_ACCESS_KEY_ID="ASIA/);
    assert.match((await page.locator('#credentials-file').textContent())!, new RegExp(`^\\[${accountIds[0]}_ReadOnly\\]\\naws_access_key_id=ASIA`));
    assert.equal(await page.locator('time').count(), 3);
    assert.equal(await page.locator('#sso-start-url').textContent(), `${server.endpoint}/start`);
    assert.equal(await page.locator('#sso-region').textContent(), 'us-east-1');
    await page.getByRole('button', { name: 'Copy environment variables' }).waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}access-keys.png`, fullPage: true });

    const sts = new STSClient({ endpoint: server.endpoint, region: server.region, maxAttempts: 1, credentials });
    const id = await sts.send(new GetCallerIdentityCommand({}));
    assert.equal(id.Arn, `arn:aws:sts::${accountIds[0]}:assumed-role/${roleName}/${USER.userName}`);
  });

  test('sign-out ends the portal session: /start asks for sign-in again, and the access keys stop working', async () => {
    const page = await open(signedIn);
    await page.goto(`${server.endpoint}/start/credentials?account_id=${accountIds[1]}&role_name=ReadOnly`);
    const shell = (await page.locator('#env-shell').textContent())!;
    const value = (name: string) => new RegExp(`^export ${name}="([^"]+)"$`, 'm').exec(shell)![1]!;
    const credentials = { accessKeyId: value('AWS_ACCESS_KEY_ID'), secretAccessKey: value('AWS_SECRET_ACCESS_KEY'), sessionToken: value('AWS_SESSION_TOKEN') };
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/signin$/);
    await page.goto(`${server.endpoint}/start`);
    assert.match(page.url(), /\/signin\?next=%2Fstart$/);
    // The old cookie, replayed in a new context, is worth nothing either.
    const replay = await open(signedIn);
    await replay.goto(`${server.endpoint}/start`);
    assert.match(replay.url(), /\/signin\?next=%2Fstart$/);
    const sts = new STSClient({ endpoint: server.endpoint, region: server.region, maxAttempts: 1, credentials });
    await assert.rejects(sts.send(new GetCallerIdentityCommand({})), awsError('ExpiredToken', 403));
    await context?.close();
  });
});
