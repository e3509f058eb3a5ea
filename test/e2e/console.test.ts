// The account console in headless Chromium: a user signs in to the portal, opens "Management
// console" for a role, sees the account, role, session name and a countdown that ticks, checks an
// allowed and an SCP-denied action, reads the role's policies, and signs out of the console. The
// page runs under its Content-Security-Policy with no errors. Writes docs/screenshots/console.png.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../support/server.js';
import { seedConsoleWorld, CONSOLE_USER as USER, SCP_NAME, SCP_SID, type ConsoleWorld } from './console-fixture.js';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const SCREENSHOTS = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));

describe('account console in Chromium', { skip: existsSync(CHROMIUM) ? false : `${CHROMIUM} is not installed` }, () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let world: ConsoleWorld;
  /** Errors the page reported (CSP violations among them). */
  const pageErrors: string[] = [];

  before(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    [server, browser] = await Promise.all([startTestServer({ mfaMode: 'off' }), chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })]);
    world = await seedConsoleWorld(server);
    context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    page = await context.newPage();
    // A 400 answer (a refused check) and the favicon's 404 are expected; CSP refusals and script errors are not.
    page.on('console', (m) => m.type() === 'error' && !m.text().startsWith('Failed to load resource') && pageErrors.push(m.text()));
    page.on('pageerror', (e) => pageErrors.push(e.message));
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  const check = async (action: string, resource: string) => {
    await page.getByLabel('Action', { exact: true }).fill(action);
    await page.getByLabel('Resource ARN').fill(resource);
    await page.getByRole('button', { name: 'Check' }).click();
    await page.waitForURL(/\/console\/check#check-result$/);
    return (await page.locator('#check-result .verdict').textContent())!.trim();
  };

  test('sign in, open "Management console" for a role: account, role, session name and a live countdown', async () => {
    await page.goto(`${server.endpoint}/start`);
    await page.getByLabel('User name').fill(USER.userName);
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByLabel('Password').fill(USER.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${server.endpoint}/start`);
    await page.getByText('Zephyr Production').click();
    await page.getByRole('link', { name: 'Management console for ReadOnly in Zephyr Production' }).click();
    // ReadOnly's relay state is a console page: the sign-in lands there.
    await page.waitForURL(`${server.endpoint}/console#check`);
    assert.equal((await page.locator('#account').textContent())!.replace(/\s+/g, ' '), `Zephyr Production ${world.accountIds[0]}`);
    assert.equal((await page.locator('#role').textContent())!.replace(/\s+/g, ' '), `ReadOnly ${world.roleName}`);
    assert.equal(await page.locator('#session-name').textContent(), USER.userName);
    const first = (await page.locator('#expiry').textContent())!;
    assert.match(first, /^(59:\d\d|1:00:00)$/);
    // Polled from here: the page's CSP forbids the string evaluation waitForFunction would need.
    for (let n = 0; n < 50 && (await page.locator('#expiry').textContent()) === first; n++) await page.waitForTimeout(100);
    assert.notEqual(await page.locator('#expiry').textContent(), first, 'the countdown ticks');
    assert.match((await page.locator('#expiry').textContent())!, /^59:\d\d$/);
    const cookie = (await context.cookies()).find((c) => c.name === 'gatehouse_console')!;
    assert.ok(cookie.httpOnly && cookie.sameSite === 'Lax', 'the console cookie is HttpOnly and SameSite=Lax');
  });

  test('Check access: an allowed action, then one an SCP denies, with the deciding statement', async () => {
    assert.equal(await check('s3:GetObject', 'arn:aws:s3:::reports/2026.csv'), 'Allowed');
    assert.equal(await page.locator('#check-result .policy-name').first().textContent(), 'ReadOnlyAccess');
    assert.equal(await check('ec2:DescribeInstances', '*'), 'Denied: explicit deny in a service control policy');
    const statement = page.locator('#check-result li.statement').first();
    assert.equal(await statement.locator('.policy-name').textContent(), SCP_NAME);
    assert.equal(await statement.locator('.sid').textContent(), SCP_SID);
    assert.match((await statement.locator('pre').textContent())!, /"Effect": "Deny"/);
    // The form keeps what was asked, so the next check starts from it.
    assert.equal(await page.getByLabel('Action', { exact: true }).inputValue(), 'ec2:DescribeInstances');
    await page.evaluate("document.getElementById('check').scrollIntoView()");
    await page.screenshot({ path: `${SCREENSHOTS}console.png` });
    await page.getByLabel('Action', { exact: true }).fill('nosuchservice:DoIt');
    await page.getByRole('button', { name: 'Check' }).click();
    assert.match((await page.locator('#check-error').textContent())!, /no service with the prefix "nosuchservice"/);
    assert.equal(await page.locator('#check-result').count(), 0);
    assert.equal(await page.getByLabel('Action', { exact: true }).getAttribute('aria-invalid'), 'true');
  });

  test("the role's policies: AWS managed by name and ARN, the document on demand; the SCPs on the account", async () => {
    const managed = page.locator('#aws-managed details.policy').first();
    assert.equal(await managed.locator('summary .name').textContent(), 'ReadOnlyAccess');
    assert.equal(await managed.locator('summary code').textContent(), 'arn:aws:iam::aws:policy/ReadOnlyAccess');
    assert.equal(await managed.locator('pre').isVisible(), false);
    await managed.locator('summary').click();
    assert.equal(await managed.locator('pre').isVisible(), true);
    assert.match((await managed.locator('pre').textContent())!, /"Statement"/);
    assert.ok((await page.locator('#scps summary .name').allTextContents()).includes(SCP_NAME));
  });

  test('Sign out ends the console: back to the portal, and /console no longer opens', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(`${server.endpoint}/start`);
    assert.equal((await context.cookies()).find((c) => c.name === 'gatehouse_console'), undefined);
    await page.goto(`${server.endpoint}/console`);
    assert.equal(page.url(), `${server.endpoint}/start`);
    assert.deepEqual(pageErrors, [], 'no script or CSP errors on the pages');
  });
});
