// The access portal's pages without a browser engine, as a browser without JavaScript sees them:
// the sign-in redirect keeps the page asked for, the filter form works on the server, markup is
// escaped, credentials pages are never cached, scripts come only from Gatehouse, and sign-out
// needs the session's CSRF token.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, type TestServer } from '../support/server.js';
import { Browser, signIn } from '../support/browser.js';
import { seedPortalWorld, PORTAL_USER, type PortalWorld } from './portal-fixture.js';

describe('access portal pages (no JavaScript)', () => {
  let server: TestServer;
  let world: PortalWorld;
  let browser: Browser;
  /** A request with the signed-in browser's cookies, redirects not followed, headers visible. */
  const get = (path: string) =>
    fetch(new URL(path, server.endpoint), { redirect: 'manual', headers: { cookie: [...browser.cookies()].map(([k, v]) => `${k}=${v}`).join('; ') } });

  before(async () => {
    server = await startTestServer({ mfaMode: 'off' });
    world = await seedPortalWorld(server);
    browser = new Browser(server.endpoint);
    const first = await browser.go('/start/credentials?account_id=123&role_name=x');
    assert.equal(first.url, `${server.endpoint}/signin?next=${encodeURIComponent('/start/credentials?account_id=123&role_name=x')}`);
    const landed = await signIn(browser, first, { ...PORTAL_USER });
    assert.equal(landed.status, 404, 'sign-in returns to the page asked for');
  });
  after(() => server.close());

  test('the accounts page: sorted, escaped, no caching, only our own script; ?q= filters on the server', async () => {
    const res = await get('/start');
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('cache-control'), 'no-store');
    const csp = res.headers.get('content-security-policy')!;
    assert.match(csp, /script-src 'self'/);
    assert.doesNotMatch(csp, /unsafe-inline/);
    const text = await res.text();
    assert.ok(text.indexOf('Apollo Sandbox') < text.indexOf('Zephyr Production'));
    assert.match(text, /change nothing &lt;safely&gt;/);
    assert.doesNotMatch(text, /<safely>/);
    assert.match(text, /<label for="account-filter">/);
    assert.match(text, /<p class="count" id="account-count" aria-live="polite">2 accounts<\/p>/);
    const filtered = await (await get('/start?q=ZEPH')).text();
    assert.match(filtered, /1 of 2 accounts/);
    assert.match(filtered, /<li data-filter="apollo sandbox[^"]*" hidden>/);
    assert.match(filtered, /<li data-filter="zephyr production[^"]*">/);
  });

  test('the access keys page is never cached; a role the user does not hold is a 404', async () => {
    const res = await get(`/start/credentials?account_id=${world.accountIds[0]}&role_name=ReadOnly`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('cache-control'), 'no-store');
    assert.match(await res.text(), /export AWS_ACCESS_KEY_ID=&quot;ASIA[A-Z2-7]{16}&quot;/);
    for (const path of [`/start/credentials?account_id=${world.accountIds[0]}&role_name=Admin`, '/start/credentials?account_id=999999999999&role_name=ReadOnly', '/start/credentials']) {
      const missing = await get(path);
      assert.equal(missing.status, 404, path);
      assert.equal(missing.headers.get('cache-control'), 'no-store');
    }
  });

  test('the script and styles are served by Gatehouse; anything else under assets is a 404', async () => {
    const js = await get('/start/assets/portal.js');
    assert.equal(js.status, 200);
    assert.match(js.headers.get('content-type')!, /^text\/javascript/);
    assert.match(await js.text(), /account-filter/);
    const css = await get('/start/assets/portal.css');
    assert.match(css.headers.get('content-type')!, /^text\/css/);
    assert.equal((await get('/start/assets/..%2Fportal-layout.ts')).status, 404);
  });

  test('the Applications tab says none are assigned', async () => {
    const page = await browser.go('/start/applications');
    assert.match(page.text, /No applications are assigned to you yet\./);
    assert.match(page.text, /<a href="\/start\/applications" aria-current="page">Applications<\/a>/);
  });

  test('sign-out without the CSRF token changes nothing; with it, the session ends', async () => {
    await browser.go('/signout', { csrf: 'forged' });
    assert.equal((await get('/start')).status, 200);
    const page = await browser.go('/start');
    await browser.submit(page, '/signout');
    const after = await get('/start');
    assert.equal(after.status, 303);
    assert.equal(after.headers.get('location'), '/signin?next=%2Fstart');
  });
});
