// The sign-in pages and the portal's Settings tab over HTTP, on both back ends, with a cookie-jar
// browser (no JavaScript) and a software authenticator answering the security key forms as our
// script would: the pages' look and CSP, the QR code at MFA registration, registering and using
// a security key at sign-in, Settings adding/renaming/removing devices (never the last one while
// MFA is required), CSRF refusals, and a password change that ends the user's other sessions.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { authenticator } from 'otplib';
import { BACKENDS } from '../support/backends.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { Browser, type PageResponse } from '../support/browser.js';
import { SoftAuthenticator } from '../domain/directory/soft-authenticator.js';
import { keyForm, postKeyAnswer } from './webauthn-forms.js';

const KIM = { userName: 'kim', password: 'lighthouse-marmalade-4471' };
const NEW_PASSWORD = 'tangerine-observatory-9902';

const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'";

for (const backend of BACKENDS) {
  describe(`sign-in pages and Settings over HTTP (${backend.name})`, () => {
    let server: TestServer;
    let key: SoftAuthenticator;
    let kim: Browser;

    before(async () => {
      server = await startTestServer({ backend: backend.name, mfaMode: 'required' });
      const services = server.server.services;
      const { identityStoreId } = await services.instance.get();
      const user = await services.identityStore.createUser(identityStoreId, { UserName: KIM.userName, DisplayName: 'Kim', Name: { GivenName: 'Kim', FamilyName: 'Test' } });
      await services.directory.setPassword(user.userId, KIM.password);
      const origin = new URL(server.endpoint);
      key = new SoftAuthenticator(origin.hostname, origin.origin);
      kim = new Browser(server.endpoint);
    });
    after(() => server.close());

    const toPassword = async (b: Browser, password = KIM.password): Promise<PageResponse> => {
      let page = await b.go('/start');
      page = await b.submit(page, '/signin', { username: KIM.userName });
      return b.submit(page, '/signin', { password });
    };

    test('the sign-in pages: the portal header, our stylesheet, no inline style or script, a CSP of our own origin only', async () => {
      const res = await fetch(`${server.endpoint}/signin`);
      const text = await res.text();
      assert.equal(res.headers.get('content-security-policy'), CSP);
      assert.match(text, /<header class="top"><span class="brand">Gatehouse<\/span><\/header>/);
      assert.match(text, /<link rel="stylesheet" href="\/start\/assets\/gatehouse-forms.css">/);
      assert.doesNotMatch(text, /<style|style="/);
      assert.doesNotMatch(text, /<script(?![^>]*\bsrc="\/start\/assets\/)/);
      assert.match(text, /<label for="username">User name<\/label><input type="text" id="username"/);
      for (const [name, type] of [['gatehouse-forms.css', 'text/css'], ['webauthn.js', 'text/javascript'], ['simplewebauthn-browser.js', 'text/javascript']] as const) {
        const asset = await fetch(`${server.endpoint}/start/assets/${name}`);
        assert.equal(asset.status, 200, name);
        assert.match(asset.headers.get('content-type')!, new RegExp(type));
        assert.ok((await asset.text()).length > 500, name);
      }
      assert.match(await (await fetch(`${server.endpoint}/start/assets/simplewebauthn-browser.js`)).text(), /SimpleWebAuthnBrowser/);
    });

    test('MFA registration required: a QR code with alt text and the secret; a security key can be registered instead', async () => {
      const page = await toPassword(kim);
      assert.match(page.text, /<img class="qr" src="data:image\/png;base64,[A-Za-z0-9+/=]{200,}" width="192" height="192" alt="QR code for your authenticator app[^"]*">/);
      assert.match(page.text, /Secret key: <code>[A-Z2-7]{32}<\/code>/);
      assert.match(page.text, /Or register a security key or passkey/);
      assert.match(page.text, /<script src="\/start\/assets\/webauthn.js" defer>/);
      const { options } = keyForm(page, '/signin');
      const done = await postKeyAnswer(kim, page, '/signin', key.register(options), { next: '/start' });
      assert.equal(done.status, 200);
      assert.match(done.url, /\/start$/);
    });

    test('sign-in with password and security key; a replayed answer is refused', async () => {
      const b = new Browser(server.endpoint);
      const page = await toPassword(b);
      assert.match(page.text, /Use your security key or passkey/);
      assert.doesNotMatch(page.text, /name="code"/, 'no code form for a user without an authenticator app');
      const answer = key.authenticate(keyForm(page, '/signin').options);
      const done = await postKeyAnswer(b, page, '/signin', answer);
      assert.match(done.text, /Signed in as <strong>kim<\/strong>/);
      // The same answer in another sign-in: its challenge was taken.
      const other = new Browser(server.endpoint);
      const again = await postKeyAnswer(other, await toPassword(other), '/signin', answer);
      assert.equal(again.status, 401);
      assert.match(again.text, /The security key or passkey was not accepted/);
      // A tampered answer is refused too.
      const third = new Browser(server.endpoint);
      const page3 = await toPassword(third);
      const forged = key.authenticate(keyForm(page3, '/signin').options, { origin: 'http://evil.example' });
      assert.equal((await postKeyAnswer(third, page3, '/signin', forged)).status, 401);
    });

    test('Settings lists the devices; the last one cannot be removed while MFA is required', async () => {
      const res = await fetch(`${server.endpoint}/start/settings`, { headers: { cookie: [...kim.cookies()].map(([k, v]) => `${k}=${v}`).join('; ') } });
      assert.equal(res.headers.get('content-security-policy'), `${CSP}; form-action 'self'`);
      assert.equal(res.headers.get('cache-control'), 'no-store');
      const page = await kim.go('/start/settings');
      assert.equal(page.status, 200);
      assert.match(page.text, /<a href="\/start\/settings" aria-current="page">Settings<\/a>/);
      assert.match(page.text, /<td>Security key<\/td><td>Security key or passkey<\/td><td><time datetime="[^"]+">\d{4}-\d{2}-\d{2}<\/time>/);
      const refused = await kim.submit(page, '/start/settings/devices/remove');
      assert.equal(refused.status, 409);
      assert.match(refused.text, /register another device before you remove your last one/);
      assert.match((await kim.go('/start/settings')).text, /<td>Security key<\/td>/);
    });

    test('Settings adds an authenticator app (QR code and code), renames it, and then removes the key', async () => {
      let page = await kim.go('/start/settings/authenticator-app');
      assert.match(page.text, /<img class="qr" src="data:image\/png;base64,/);
      const secret = /Secret key: <code>([A-Z2-7]+)<\/code>/.exec(page.text)![1]!;
      const wrong = await kim.submit(page, '/start/settings/authenticator-app', { code: '000000' === authenticator.generate(secret) ? '111111' : '000000', name: 'Phone' });
      assert.equal(wrong.status, 400);
      page = await kim.submit(wrong, '/start/settings/authenticator-app', { code: authenticator.generate(/Secret key: <code>([A-Z2-7]+)<\/code>/.exec(wrong.text)![1]!), name: 'Phone' });
      assert.match(page.url, /\/start\/settings\?done=added$/);
      assert.match(page.text, /The device was added/);
      assert.match(page.text, /<td>Phone<\/td><td>Authenticator app<\/td>/);
      const phoneForm = [...page.text.matchAll(/<form method="post" action="\/start\/settings\/devices\/rename">[\s\S]*?<\/form>/g)].findIndex((m) => m[0].includes('value="Phone"'));
      page = await kim.submit(page, '/start/settings/devices/rename', { name: 'Work phone' }, phoneForm);
      assert.match(page.text, /The device was renamed/);
      assert.match(page.text, /<td>Work phone<\/td>/);
      const empty = await kim.submit(page, '/start/settings/devices/rename', { name: '   ' }, phoneForm);
      assert.equal(empty.status, 400);
      assert.match(empty.text, /A device name is 1 to 64 characters/);
      const keyIndex = [...page.text.matchAll(/<tr><td>([^<]*)<\/td>/g)].findIndex((m) => m[1] === 'Security key');
      page = await kim.submit(page, '/start/settings/devices/remove', {}, keyIndex);
      assert.match(page.text, /The device was removed/);
      assert.doesNotMatch(page.text, /<td>Security key<\/td>/);
    });

    test('Settings registers a security key over the page\'s WebAuthn form', async () => {
      const page = await kim.go('/start/settings/security-key');
      assert.match(page.text, /<script src="\/start\/assets\/simplewebauthn-browser.js" defer>/);
      const blue = new SoftAuthenticator(key.rpId, key.origin);
      const done = await postKeyAnswer(kim, page, '/start/settings/security-key', blue.register(keyForm(page, '/start/settings/security-key').options), { name: 'Blue key' });
      assert.match(done.url, /done=added$/);
      assert.match(done.text, /<td>Blue key<\/td><td>Security key or passkey<\/td>/);
      // A wrong origin is refused with the reason, and nothing is added.
      const page2 = await kim.go('/start/settings/security-key');
      const refused = await postKeyAnswer(kim, page2, '/start/settings/security-key', new SoftAuthenticator(key.rpId, 'http://evil.example').register(keyForm(page2, '/start/settings/security-key').options), { name: 'Evil' });
      assert.equal(refused.status, 400);
      assert.match(refused.text, /The security key response was refused/);
      assert.doesNotMatch((await kim.go('/start/settings')).text, /Evil/);
    });

    test('Settings forms without the CSRF token are refused', async () => {
      const page = await kim.go('/start/settings');
      const device = /name="device" value="([^"]+)"/.exec(page.text)![1]!;
      for (const [path, fields] of [
        ['/start/settings/devices/remove', { device }],
        ['/start/settings/devices/rename', { device, name: 'Hijacked' }],
        ['/start/settings/password', { current: KIM.password, new: NEW_PASSWORD, confirm: NEW_PASSWORD }],
      ] as const) {
        const res = await kim.go(path, { ...fields, csrf: 'forged' });
        assert.equal(res.status, 403, path);
        assert.match(res.text, /This form has expired/);
      }
      const after = await kim.go('/start/settings');
      assert.doesNotMatch(after.text, /Hijacked/);
      assert.equal([...after.text.matchAll(/name="device"/g)].length, [...page.text.matchAll(/name="device"/g)].length);
      // Signed out, the page sends the browser to sign in.
      const stranger = await new Browser(server.endpoint).go('/start/settings');
      assert.match(stranger.url, /\/signin\?next=%2Fstart%2Fsettings$/);
    });

    test('a password change: rules apply; other sessions end, this one stays; the old password is refused', async () => {
      // A second session of kim's, signed in with the key.
      const other = new Browser(server.endpoint);
      const mfa = await toPassword(other);
      await postKeyAnswer(other, mfa, '/signin', key.authenticate(keyForm(mfa, '/signin').options));
      assert.equal((await other.go('/start/settings')).status, 200);

      const page = await kim.go('/start/settings');
      const mismatch = await kim.submit(page, '/start/settings/password', { current: KIM.password, new: NEW_PASSWORD, confirm: `${NEW_PASSWORD}x` });
      assert.equal(mismatch.status, 400);
      assert.match(mismatch.text, /The new passwords do not match/);
      const common = await kim.submit(page, '/start/settings/password', { current: KIM.password, new: 'password123', confirm: 'password123' });
      assert.equal(common.status, 400);
      const wrong = await kim.submit(page, '/start/settings/password', { current: 'not-my-password-at-all', new: NEW_PASSWORD, confirm: NEW_PASSWORD });
      assert.equal(wrong.status, 401);
      assert.match(wrong.text, /The current password is wrong/);

      const changed = await kim.submit(page, '/start/settings/password', { current: KIM.password, new: NEW_PASSWORD, confirm: NEW_PASSWORD });
      assert.match(changed.url, /done=password$/);
      assert.match(changed.text, /Your password was changed/);
      assert.equal((await kim.go('/start/settings')).status, 200, 'this session stays');
      assert.match((await other.go('/start/settings')).url, /\/signin/, 'the other session ended');

      const oldPassword = await toPassword(new Browser(server.endpoint));
      assert.equal(oldPassword.status, 401);
      assert.match(oldPassword.text, /The user name or password is incorrect/);
      // With a key and an authenticator app, both ways are offered; the code form comes first.
      const both = await toPassword(new Browser(server.endpoint), NEW_PASSWORD);
      assert.match(both.text, /Enter the code from your authenticator app[\s\S]*<label for="code">Code<\/label>[\s\S]*Use your security key or passkey/);
    });
  });
}
