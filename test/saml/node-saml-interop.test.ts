// Interoperability with a real service provider library: @node-saml/node-saml drives an
// SP-initiated round trip (its AuthnRequest through our /sso, the signed-in user, our posted
// SAMLResponse) and validates what we sign, InResponseTo included; tampering is caught. Signed
// AuthnRequests (its private key, our application's spCertificatePem) are accepted by both
// bindings, and an unsigned one is refused where the application requires signing. Both back ends.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { SAML, ValidateInResponseTo } from '@node-saml/node-saml';
import { KeyRing } from '../../src/lib/key-ring.js';
import { generateIdpSigningKey } from '../../src/saml/idp-signing-key.js';
import type { Application } from '../../src/domain/applications/application.js';
import type { Browser } from '../support/browser.js';
import { assignedApplication, autoPostForm, metadataCertificates, openSignOnWorld, signedInBrowser, type SignOnWorld } from './sign-on-fixture.js';

const ACS = 'https://sp.example.test/acs';
const SP_ENTITY = 'https://sp.example.test/metadata';

/** An SP key pair: the PEM private key node-saml signs with, and its certificate. */
const spKeyPair = () => {
  const ring = new KeyRing([{ id: 'sp', key: randomBytes(32) }]);
  const stored = generateIdpSigningKey(ring, { commonName: 'test SP', now: Date.now() - 60_000 });
  return { privateKeyPem: ring.openString(stored.sealedPrivateKey, `saml-signing-key:${stored.keyId}`), certificatePem: stored.certificatePem };
};

for (const backend of ['sqlite', 'postgres'] as const) {
  describe(`node-saml as the service provider (${backend})`, () => {
    let world: SignOnWorld;
    let browser: Browser;

    before(async () => {
      world = await openSignOnWorld(backend);
      browser = await signedInBrowser(world);
    });
    after(() => world?.close());

    const idpCerts = async (app: Application) => {
      const res = await fetch(`${world.server.endpoint}/saml/${app.applicationId}/metadata.xml`);
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type')!, /samlmetadata\+xml/);
      return metadataCertificates(await res.text());
    };

    const spFor = async (app: Application, extra: Record<string, unknown> = {}) =>
      new SAML({
        entryPoint: `${world.server.endpoint}/saml/${app.applicationId}/sso`,
        idpIssuer: `${world.server.endpoint}/saml/${app.applicationId}`,
        issuer: SP_ENTITY,
        callbackUrl: ACS,
        audience: SP_ENTITY,
        idpCert: await idpCerts(app),
        wantAssertionsSigned: true,
        wantAuthnResponseSigned: app.signResponse,
        validateInResponseTo: ValidateInResponseTo.always,
        signatureAlgorithm: 'sha256',
        digestAlgorithm: 'sha256',
        ...extra,
      });

    for (const signResponse of [false, true]) {
      it(`accepts our response to its AuthnRequest (signResponse ${signResponse}) and rejects a tampered copy`, async () => {
        const app = await assignedApplication(world, { acsUrl: ACS, audience: SP_ENTITY, signResponse });
        const sp = await spFor(app);
        const page = await browser.go(await sp.getAuthorizeUrlAsync('relay-1', undefined, {}));
        assert.equal(page.status, 200, page.text);
        const { action, fields } = autoPostForm(page.text);
        assert.equal(action, ACS);
        assert.equal(fields.RelayState, 'relay-1');
        const xml = Buffer.from(fields.SAMLResponse!, 'base64').toString('utf8');
        assert.match(xml, /InResponseTo="_/);

        // Checked by an SP that skips InResponseTo, so that only the signature can refuse it.
        const tampered = Buffer.from(xml.replace(`>${world.userId}<`, '>mallory<'), 'utf8').toString('base64');
        assert.notEqual(tampered, fields.SAMLResponse);
        const lenient = await spFor(app, { validateInResponseTo: ValidateInResponseTo.never });
        await assert.rejects(lenient.validatePostResponseAsync({ SAMLResponse: tampered }), /signature/i);

        const { profile } = await sp.validatePostResponseAsync({ SAMLResponse: fields.SAMLResponse! });
        assert.equal(profile?.nameID, world.userId);
        assert.equal(profile?.issuer, `${world.server.endpoint}/saml/${app.applicationId}`);
        // InResponseTo is single use in node-saml's cache: the same response again is refused.
        await assert.rejects(sp.validatePostResponseAsync({ SAMLResponse: fields.SAMLResponse! }), /InResponseTo/);
      });
    }

    it('refuses a response to a request it never made (InResponseTo checked)', async () => {
      const app = await assignedApplication(world, { acsUrl: ACS, audience: SP_ENTITY });
      const other = await spFor(app);
      const page = await browser.go(await other.getAuthorizeUrlAsync('', undefined, {}));
      const { fields } = autoPostForm(page.text);
      const sp = await spFor(app); // a fresh SP: its request cache never saw that id
      await assert.rejects(sp.validatePostResponseAsync({ SAMLResponse: fields.SAMLResponse! }), /InResponseTo/);
    });

    describe('signed AuthnRequests', () => {
      const keys = spKeyPair();
      let app: Application;
      before(async () => {
        app = await assignedApplication(world, { acsUrl: ACS, audience: SP_ENTITY, requireSignedAuthnRequests: true, spCertificatePem: keys.certificatePem });
      });

      it('HTTP-Redirect: a signed request is accepted, an unsigned or altered one refused', async () => {
        const signed = await (await spFor(app, { privateKey: keys.privateKeyPem })).getAuthorizeUrlAsync('relay-2', undefined, {});
        assert.match(signed, /[?&]Signature=/);
        const ok = await browser.go(signed);
        assert.equal(ok.status, 200, ok.text);
        assert.equal(autoPostForm(ok.text).fields.RelayState, 'relay-2');

        const unsigned = await browser.go(await (await spFor(app)).getAuthorizeUrlAsync('relay-2', undefined, {}));
        assert.equal(unsigned.status, 400);
        assert.match(unsigned.text, /requires signed AuthnRequests/);

        const altered = await browser.go(signed.replace('RelayState=relay-2', 'RelayState=relay-3'));
        assert.equal(altered.status, 400);
        assert.match(altered.text, /signature is not valid/);

        const otherKey = spKeyPair();
        const wrongKey = await browser.go(await (await spFor(app, { privateKey: otherKey.privateKeyPem })).getAuthorizeUrlAsync('', undefined, {}));
        assert.equal(wrongKey.status, 400);
      });

      it('HTTP-POST: a signed request is accepted, an unsigned one refused', async () => {
        const formOf = async (sp: SAML) => {
          const html = await sp.getAuthorizeFormAsync('relay-4', undefined, {});
          const value = /name="SAMLRequest" value="([^"]+)"/.exec(html)?.[1];
          assert.ok(value, html);
          return { SAMLRequest: value, RelayState: 'relay-4' };
        };
        const post = await spFor(app, { privateKey: keys.privateKeyPem, authnRequestBinding: 'HTTP-POST' });
        const ok = await browser.go(`/saml/${app.applicationId}/sso`, await formOf(post));
        assert.equal(ok.status, 200, ok.text);
        assert.equal(autoPostForm(ok.text).fields.RelayState, 'relay-4');
        const unsigned = await browser.go(`/saml/${app.applicationId}/sso`, await formOf(await spFor(app, { authnRequestBinding: 'HTTP-POST' })));
        assert.equal(unsigned.status, 400);
        assert.match(unsigned.text, /requires signed AuthnRequests/);
      });
    });
  });
}
