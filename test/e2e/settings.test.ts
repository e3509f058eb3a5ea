// The portal's Settings tab in headless Chromium with a CDP virtual authenticator: a user adds
// a security key, signs out and back in with password and key, adds an authenticator app from
// its QR code, renames and removes devices (the last one is kept while MFA is required), and
// changes the password (the old one is then refused at sign-in). The pages stay usable at 375px
// and with the keyboard. Writes docs/screenshots/settings.png.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { authenticator as totp } from 'otplib';
import { startTestServer, type TestServer } from '../support/server.js';
import { addVirtualAuthenticator, localhostUrl, type VirtualAuthenticator } from './virtual-authenticator.js';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const SCREENSHOTS = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));
const MAX = { userName: 'max', password: 'juniper-telescope-canyon-3391' };
const NEW_PASSWORD = 'walnut-horizon-cobalt-6604';

describe('portal Settings in Chromium', { skip: existsSync(CHROMIUM) ? false : `${CHROMIUM} is not installed` }, () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let key: VirtualAuthenticator;
  let base: string;

  before(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    [server, browser] = await Promise.all([startTestServer({ mfaMode: 'optional' }), chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })]);
    base = localhostUrl(server.endpoint);
    const services = server.server.services;
    const { identityStoreId } = await services.instance.get();
    const { userId } = await services.identityStore.createUser(identityStoreId, { UserName: MAX.userName, DisplayName: 'Max', Name: { GivenName: 'Max', FamilyName: 'Test' } });
    await services.directory.setPassword(userId, MAX.password);
    page = await (await browser.newContext({ viewport: { width: 1000, height: 800 } })).newPage();
    key = await addVirtualAuthenticator(page);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  const signInWithPassword = async (password: string) => {
    await page.goto(`${base}/start/settings`);
    await page.getByLabel('User name').fill(MAX.userName);
    await page.keyboard.press('Enter');
    await page.getByLabel('Password').fill(password);
    await page.keyboard.press('Enter');
  };
  const signOut = async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/signin$/);
  };
  const notice = () => page.getByRole('status').filter({ hasText: /\S/ }).first().textContent();
  /** Name | type | added, per device row. */
  const rows = () =>
    page
      .locator('table.devices tbody tr')
      .evaluateAll((trs) => trs.map((tr) => Array.from((tr as unknown as { cells: ArrayLike<{ textContent: string }> }).cells).slice(0, 3).map((td) => td.textContent.trim()).join(' | ')));
  const fitsWidth = () => page.evaluate('document.documentElement.scrollWidth <= window.innerWidth') as Promise<boolean>;

  test('a user without MFA opens Settings and adds a security key', async () => {
    await signInWithPassword(MAX.password);
    await page.waitForURL(`${base}/start/settings`);
    await page.getByRole('heading', { name: 'MFA devices' }).waitFor();
    assert.match((await page.locator('.empty').textContent())!, /You have no MFA device yet/);
    await page.getByRole('link', { name: 'Add a security key or passkey' }).click();
    await page.getByLabel('Device name').fill('Desk key');
    await page.getByRole('button', { name: 'Register security key or passkey' }).click();
    await page.waitForURL(`${base}/start/settings?done=added`);
    assert.equal(await notice(), 'The device was added.');
    assert.equal((await rows()).length, 1);
    assert.match((await rows())[0]!, /^Desk key \| Security key or passkey \| \d{4}-\d{2}-\d{2}$/);
    assert.equal((await key.credentials()).length, 1);
  });

  test('sign out, then sign in with password and the security key', async () => {
    await signOut();
    await signInWithPassword(MAX.password);
    await page.getByRole('heading', { name: 'Use your security key or passkey' }).waitFor();
    await page.getByRole('button', { name: 'Use security key or passkey' }).click();
    await page.waitForURL(`${base}/start/settings`);
    await page.getByRole('heading', { name: 'Settings' }).waitFor();
  });

  test('adds an authenticator app from its QR code, renames it; a screenshot of the tab', async () => {
    await page.getByRole('link', { name: 'Add an authenticator app' }).click();
    const qr = page.getByRole('img', { name: /QR code for your authenticator app/ });
    assert.ok((await qr.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)) > 100, 'the QR code renders');
    const secret = (await page.locator('p:has-text("Secret key") code').textContent())!.trim();
    await page.getByLabel('Device name').fill('Phone');
    await page.getByLabel('Code').fill(totp.generate(secret));
    await page.getByRole('button', { name: 'Add authenticator app' }).click();
    await page.waitForURL(/done=added$/);
    assert.deepEqual((await rows()).map((r) => r.split(' | ').slice(0, 2).join(' | ')), ['Phone | Authenticator app', 'Desk key | Security key or passkey']);

    await page.getByLabel('New name for Phone').fill('Work phone');
    await page.getByRole('button', { name: 'Rename Phone' }).click();
    await page.waitForURL(/done=renamed$/);
    assert.equal(await notice(), 'The device was renamed.');
    assert.match((await rows())[0]!, /^Work phone \| Authenticator app/);
    await page.screenshot({ path: `${SCREENSHOTS}settings.png`, fullPage: true });
  });

  test('removes a device; the last one stays while MFA is required', async () => {
    await page.getByRole('button', { name: 'Remove Work phone' }).click();
    await page.waitForURL(/done=removed$/);
    assert.equal(await notice(), 'The device was removed.');
    assert.equal((await rows()).length, 1);
    await server.server.services.directory.updateSettings({ mfaMode: 'required' });
    await page.reload();
    await page.getByRole('button', { name: 'Remove Desk key' }).click();
    await page.getByRole('alert').waitFor();
    assert.match((await page.getByRole('alert').textContent())!, /Multi-factor authentication is required: register another device before you remove your last one/);
    assert.equal((await rows()).length, 1);
  });

  test('readable at 375px wide and usable with the keyboard', async () => {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(`${base}/start/settings`);
    assert.equal(await fitsWidth(), true, 'Settings fits 375px');
    // Keyboard: tab to the rename field of the device and see it focused and visibly outlined.
    const field = page.getByLabel('New name for Desk key');
    await field.focus();
    assert.equal(await field.evaluate((el) => el === (globalThis as unknown as { document: { activeElement: unknown } }).document.activeElement), true);
    assert.notEqual(await field.evaluate((el) => (globalThis as unknown as { getComputedStyle(e: unknown): { outlineStyle: string } }).getComputedStyle(el).outlineStyle), 'none');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate('document.activeElement && document.activeElement.textContent'), 'Rename');
    await page.setViewportSize({ width: 1000, height: 800 });
  });

  test('changes the password: the old one is then refused at sign-in', async () => {
    await page.goto(`${base}/start/settings`);
    await page.getByLabel('Current password').fill(MAX.password);
    await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('New password again').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.waitForURL(/done=password$/);
    assert.match((await notice())!, /Your password was changed/);
    await signOut();
    await page.setViewportSize({ width: 375, height: 700 });
    await signInWithPassword(MAX.password);
    await page.getByRole('alert').waitFor();
    assert.equal(await page.getByRole('alert').textContent(), 'The user name or password is incorrect.');
    assert.equal(await fitsWidth(), true, 'the sign-in page fits 375px');
    await page.setViewportSize({ width: 1000, height: 800 });
    await page.goto(`${base}/signin/restart`).catch(() => undefined);
    await page.goto(`${base}/start/settings`);
    await page.getByRole('button', { name: 'Start over' }).click();
    await page.getByLabel('User name').fill(MAX.userName);
    await page.keyboard.press('Enter');
    await page.getByLabel('Password').fill(NEW_PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Use security key or passkey' }).click();
    await page.waitForURL(`${base}/start/settings`);
  });
});
