// The identity provider's pages as a browser meets them: SP-initiated sign-on through the
// sign-in page and back; every refusal is a clear page with its status (never a 500); the
// auto-post page carries no inline script and stays out of caches; metadata says what the
// application requires; the public URL names the entity.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { deflateRawSync } from 'node:zlib';
import { SAML } from '@node-saml/node-saml';
import { Browser, signIn } from '../support/browser.js';
import { openDomainFixture } from '../support/domain-fixture.js';
import { buildApp } from '../../src/server/app.js';
import { parseServeArgs, ConfigError } from '../../src/server/config.js';
import type { Application } from '../../src/domain/applications/application.js';
import { assignedApplication, autoPostForm, openSignOnWorld, signedInBrowser, SIGN_ON_USER, type SignOnWorld } from './sign-on-fixture.js';

const ACS = 'https://sp.example.test/acs';
const SP = 'https://sp.example.test/metadata';

const authnRequest = (over: { issuer?: string; acs?: string; instant?: string; id?: string; prefix?: string } = {}) =>
  `${over.prefix ?? ''}<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ` +
  `ID="${over.id ?? '_req1'}" Version="2.0" IssueInstant="${over.instant ?? new Date().toISOString()}" AssertionConsumerServiceURL="${over.acs ?? ACS}">` +
  `<saml:Issuer>${over.issuer ?? SP}</saml:Issuer></samlp:AuthnRequest>`;

const redirectQuery = (xml: string, relay?: string) =>
  new URLSearchParams({ SAMLRequest: deflateRawSync(Buffer.from(xml)).toString('base64'), ...(relay !== undefined ? { RelayState: relay } : {}) }).toString();

describe('SAML sign-on pages', () => {
  let world: SignOnWorld;
  let browser: Browser;
  let app: Application;

  before(async () => {
    world = await openSignOnWorld();
    browser = await signedInBrowser(world);
    app = await assignedApplication(world, { acsUrl: ACS, audience: SP });
  });
  after(() => world?.close());

  const sso = (query: string) => browser.go(`/saml/${app.applicationId}/sso?${query}`);

  it('SP-initiated: a stranger signs in first and comes back to the auto-posting response', async () => {
    const sp = new SAML({ entryPoint: `${world.server.endpoint}/saml/${app.applicationId}/sso`, issuer: SP, callbackUrl: ACS, idpCert: 'unused' });
    const stranger = new Browser(world.server.endpoint);
    const signInPage = await stranger.go(await sp.getAuthorizeUrlAsync('back-here', undefined, {}));
    assert.match(signInPage.url, /\/signin\?next=%2Fsaml%2Fapp-[0-9a-f]+%2Fcontinue%3Fp%3D/);
    const page = await signIn(stranger, signInPage, { ...SIGN_ON_USER });
    assert.equal(page.status, 200, page.text);
    const { action, fields } = autoPostForm(page.text);
    assert.equal(action, ACS);
    assert.equal(fields.RelayState, 'back-here');
    assert.ok(fields.SAMLResponse);
  });

  it('the auto-post page: our own script only, a Continue button, nothing cached', async () => {
    const res = await fetch(`${world.server.endpoint}/saml/${app.applicationId}/sso?${redirectQuery(authnRequest())}`, { redirect: 'manual' });
    assert.equal(res.status, 303);
    const page = await browser.go(res.headers.get('location')!);
    assert.match(page.text, /<script src="\/saml\/assets\/auto-post.js"><\/script>/);
    assert.doesNotMatch(page.text, /<script>/);
    assert.match(page.text, /<button type="submit">Continue<\/button>/);
    const direct = await fetch(new URL(page.url), { headers: { cookie: [...browser.cookies()].map(([k, v]) => `${k}=${v}`).join('; ') } });
    assert.equal(direct.headers.get('cache-control'), 'no-store');
    const csp = direct.headers.get('content-security-policy')!;
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.doesNotMatch(csp, /unsafe-inline/);
    const script = await fetch(`${world.server.endpoint}/saml/assets/auto-post.js`);
    assert.match(script.headers.get('content-type')!, /javascript/);
    assert.match(await script.text(), /saml-post/);
  });

  it('refuses bad requests with a 400 page that says why', async () => {
    const cases: [string, RegExp][] = [
      ['', /SAMLRequest is missing/],
      ['SAMLRequest=%%%', /not properly URL-encoded|not base64/],
      ['SAMLRequest=bm90IGRlZmxhdGVk', /not a deflated SAML message/],
      [redirectQuery(authnRequest({ prefix: '<!DOCTYPE x [<!ENTITY e "boom">]>' })), /DOCTYPE/],
      [redirectQuery('<x>not a request</x>'), /not an AuthnRequest/],
      [redirectQuery(authnRequest({ issuer: 'https://evil.example' })), /Issuer \(https:\/\/evil.example\) is not this application/],
      [redirectQuery(authnRequest({ acs: 'https://evil.example/acs' })), /AssertionConsumerServiceURL \(https:\/\/evil.example\/acs\) is not the one registered/],
      [redirectQuery(authnRequest({ instant: new Date(Date.now() - 3600_000).toISOString() })), /expired/],
      [redirectQuery(authnRequest({ id: '1-not-an-xs-id' })), /no valid ID/],
      [redirectQuery(authnRequest(), 'r'.repeat(1025)), /RelayState is longer/],
      [`SAMLRequest=${encodeURIComponent(deflateRawSync(Buffer.alloc(300_000, 0x3c)).toString('base64'))}`, /not a deflated SAML message/],
    ];
    for (const [query, message] of cases) {
      const page = await sso(query);
      assert.equal(page.status, 400, `${query.slice(0, 60)}: ${page.text}`);
      assert.match(page.text, message);
      assert.match(page.text, /Sign-on failed/);
    }
    const post = await browser.go(`/saml/${app.applicationId}/sso`, { SAMLRequest: Buffer.from(authnRequest({ issuer: 'x' })).toString('base64') });
    assert.equal(post.status, 400);
    assert.match(post.text, /Issuer \(x\)/);
  });

  it('an altered, foreign or unknown continuation is refused; an unknown application is a 404', async () => {
    const res = await fetch(`${world.server.endpoint}/saml/${app.applicationId}/sso?${redirectQuery(authnRequest())}`, { redirect: 'manual' });
    const location = res.headers.get('location')!;
    const p = new URL(location, world.server.endpoint).searchParams.get('p')!;
    const altered = await browser.go(`/saml/${app.applicationId}/continue?p=${encodeURIComponent(p.slice(0, -4) + 'AAAA')}`);
    assert.equal(altered.status, 400);
    assert.match(altered.text, /expired or is not valid/);
    const other = await assignedApplication(world, { acsUrl: ACS, audience: SP });
    const foreign = await browser.go(`/saml/${other.applicationId}/continue?p=${encodeURIComponent(p)}`);
    assert.equal(foreign.status, 400);
    assert.equal((await browser.go('/saml/app-0000000000000000/sso?SAMLRequest=x')).status, 404);
    assert.equal((await fetch(`${world.server.endpoint}/saml/app-0000000000000000/metadata.xml`)).status, 404);
  });

  it('a user who does not hold the application gets a 403 page, not a response', async () => {
    const notMine = await world.server.server.services.applications.create({ name: 'Not assigned', template: 'custom', acsUrl: ACS, audience: SP });
    const res = await fetch(`${world.server.endpoint}/saml/${notMine.applicationId}/sso?${redirectQuery(authnRequest())}`, { redirect: 'manual' });
    const page = await browser.go(res.headers.get('location')!);
    assert.equal(page.status, 403);
    assert.doesNotMatch(page.text, /SAMLResponse/);
    const launch = await browser.go(`/start/applications/${notMine.applicationId}/launch`, { csrf: 'x' });
    assert.equal(launch.status, 403);
  });

  it('IdP-initiated launch needs the form token', async () => {
    const page = await browser.go(`/start/applications/${app.applicationId}/launch`, {});
    assert.equal(page.status, 403);
    assert.doesNotMatch(page.text, /SAMLResponse/);
    const tab = await browser.go('/start/applications');
    assert.match(tab.text, new RegExp(`Open ${app.name}`));
    const ok = await browser.submit(tab, `/start/applications/${app.applicationId}/launch`);
    assert.equal(ok.status, 200);
    assert.equal(autoPostForm(ok.text).fields.RelayState, undefined);
  });

  it('metadata: entity id, both bindings, WantAuthnRequestsSigned from the application', async () => {
    const xml = await (await fetch(`${world.server.endpoint}/saml/${app.applicationId}/metadata.xml`)).text();
    const entity = `${world.server.endpoint}/saml/${app.applicationId}`;
    assert.match(xml, new RegExp(`entityID="${entity}"`));
    assert.match(xml, /WantAuthnRequestsSigned="false"/);
    assert.match(xml, new RegExp(`Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="${entity}/sso"`));
    assert.match(xml, new RegExp(`Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="${entity}/sso"`));
    assert.doesNotMatch(xml, /validUntil/);
  });
});

describe('the public URL', () => {
  it('--public-url and GATEHOUSE_PUBLIC_URL set it; a bad one is a configuration error', () => {
    assert.equal(parseServeArgs(['--public-url', 'https://sso.example.com/'], {}).publicUrl, 'https://sso.example.com');
    assert.equal(parseServeArgs([], { GATEHOUSE_PUBLIC_URL: 'https://id.example.com/gatehouse' }).publicUrl, 'https://id.example.com/gatehouse');
    assert.equal(parseServeArgs([], {}).publicUrl, undefined);
    assert.throws(() => parseServeArgs(['--public-url', 'ftp://x'], {}), ConfigError);
    assert.throws(() => parseServeArgs(['--public-url', 'https://x/?q=1'], {}), ConfigError);
  });

  it('names the entity and endpoints in metadata', async () => {
    const fx = await openDomainFixture();
    try {
      const app = await fx.services.applications.create({ name: 'P', template: 'custom', acsUrl: ACS, audience: SP });
      const web = await buildApp({ services: fx.services, region: 'us-east-1', publicUrl: 'https://sso.example.com' });
      const res = await web.inject({ method: 'GET', url: `/saml/${app.applicationId}/metadata.xml` });
      assert.equal(res.statusCode, 200);
      assert.match(res.body, new RegExp(`entityID="https://sso.example.com/saml/${app.applicationId}"`));
      assert.match(res.body, new RegExp(`Location="https://sso.example.com/saml/${app.applicationId}/sso"`));
      await web.close();
    } finally {
      await fx.dispose();
    }
  });
});
