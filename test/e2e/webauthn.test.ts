// Security keys at sign-in in headless Chromium with a CDP virtual authenticator: with MFA
// required, a new user registers a key instead of an authenticator app (the app's QR code is
// on the same page), signs out, and signs in again with password and key; the key's counter
// moves on the server. Pages are served from http://localhost:PORT (the rp id is the host name).

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../support/server.js';
import { addVirtualAuthenticator, localhostUrl, type VirtualAuthenticator } from './virtual-authenticator.js';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const LEE = { userName: 'lee', password: 'saffron-keystone-harbor-5150' };

describe('security keys at sign-in in Chromium', { skip: existsSync(CHROMIUM) ? false : `${CHROMIUM} is not installed` }, () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let authenticator: VirtualAuthenticator;
  let base: string;
  let userId: string;

  before(async () => {
    [server, browser] = await Promise.all([startTestServer({ mfaMode: 'required' }), chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })]);
    base = localhostUrl(server.endpoint);
    const services = server.server.services;
    const { identityStoreId } = await services.instance.get();
    userId = (await services.identityStore.createUser(identityStoreId, { UserName: LEE.userName, DisplayName: 'Lee', Name: { GivenName: 'Lee', FamilyName: 'Test' } })).userId;
    await services.directory.setPassword(userId, LEE.password);
    page = await (await browser.newContext({ viewport: { width: 1000, height: 760 } })).newPage();
    authenticator = await addVirtualAuthenticator(page);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  const password = async () => {
    await page.goto(`${base}/start`);
    await page.getByLabel('User name').fill(LEE.userName);
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByLabel('Password').fill(LEE.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
  };

  test('MFA required: the registration page offers the app (with its QR code) or a key; the key is registered', async () => {
    await password();
    await page.getByRole('heading', { name: 'Register an MFA device' }).waitFor();
    const qr = page.getByRole('img', { name: /QR code for your authenticator app/ });
    assert.equal(await qr.count(), 1);
    assert.ok((await qr.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)) > 100, 'the QR code image loads under the CSP');
    await page.getByRole('button', { name: 'Set up a security key or passkey' }).click();
    await page.waitForURL(`${base}/start`);
    await page.getByRole('heading', { name: 'Accounts' }).waitFor();
    assert.equal((await authenticator.credentials()).length, 1);
    const devices = await server.server.services.directory.listMfaDevices(userId);
    assert.deepEqual(devices.map((d) => [d.kind, d.name]), [['webauthn', 'Security key']]);
  });

  test('sign out, then sign in with password and the security key', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/signin$/);
    await password();
    await page.getByRole('heading', { name: 'Use your security key or passkey' }).waitFor();
    assert.equal(await page.getByLabel('Code').count(), 0, 'no authenticator app: no code field');
    const before = (await authenticator.credentials())[0]!.signCount;
    await page.getByRole('button', { name: 'Use security key or passkey' }).click();
    await page.waitForURL(`${base}/start`);
    await page.getByText(`Signed in as ${LEE.userName}`).waitFor();
    const stored = await server.server.store.db.selectFrom('directory_mfa_device').select('sign_count').where('user_id', '=', userId).executeTakeFirstOrThrow();
    assert.ok(Number(stored.sign_count) > before, 'the server keeps the counter the key reported');
  });
});
