// AssumeRoleWithSAML against the known ways to forge or reuse a SAML response. Each attack
// starts from a genuine signed response and changes it the way the attack does.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openDomainFixture, TEST_ACCOUNT_ID, type DomainFixture } from '../support/domain-fixture.js';
import { assumeRoleWithSaml, type AssumeRoleWithSamlInput } from '../../src/domain/sts/assume-role-with-saml.js';
import { isGatehouseError } from '../../src/lib/errors.js';
import { lookupException } from '../../src/protocols/errors/exception-table.js';
import { decode, encode, ISSUER, AWS_ACS, ATTR, newTestIdp, responseFor, trustPolicyFor, type TestIdp } from './saml-fixture.js';
import { signAssertion, unsignedSamlResponse } from '../../src/saml/build-saml-response.js';
import { NAMEID_PERSISTENT } from '../../src/saml/saml-constants.js';

const START = Date.UTC(2026, 10, 28, 12, 0, 0);
const FACTS = { sourceIp: '192.0.2.1', secureTransport: true, region: 'us-east-1' };
const target = { roleArn: `arn:aws:iam::${TEST_ACCOUNT_ID}:role/SamlUser`, providerArn: `arn:aws:iam::${TEST_ACCOUNT_ID}:saml-provider/Gatehouse` };

let fx: DomainFixture;
let idp: TestIdp;

const call = (samlAssertion: string, over: Partial<AssumeRoleWithSamlInput> = {}) =>
  assumeRoleWithSaml(fx.ports, { roleArn: target.roleArn, principalArn: target.providerArn, samlAssertion, ...over }, FACTS);

/** The STS exception name the request is refused with. */
const refusal = async (samlAssertion: string): Promise<string> => {
  try {
    await call(samlAssertion);
  } catch (e) {
    assert.ok(isGatehouseError(e), String(e));
    if (process.env.SAML_DEBUG) console.log(e.message);
    return lookupException('sts', e.code, e.details.resource)!.name;
  }
  assert.fail('the request was accepted');
};

const fresh = (over = {}) => decode(responseFor(idp, target, fx.clock.now(), over));
const ASSERTION_OPEN = /<saml:Assertion [^>]*>/;
const signedAssertionXml = (xml: string) => /<saml:Assertion [\s\S]*<\/saml:Assertion>/.exec(xml)![0];
/** The signed assertion's content with another subject and no signature: what an attacker can write. */
const evilAssertion = (xml: string) =>
  signedAssertionXml(xml)
    .replace(/<ds:Signature[\s\S]*<\/ds:Signature>/, '')
    .replace(/ID="[^"]+"/, 'ID="_evil"')
    .replace('alice@example.com</saml:NameID>', 'admin@example.com</saml:NameID>');

before(async () => {
  fx = await openDomainFixture(undefined, START);
  idp = newTestIdp(START);
  await fx.services.iam.createSamlProvider(TEST_ACCOUNT_ID, 'Gatehouse', idp.metadata);
  await fx.services.iam.createRole(TEST_ACCOUNT_ID, { roleName: 'SamlUser', maxSessionDuration: 43200, assumeRolePolicyDocument: trustPolicyFor(target.providerArn) });
});
after(() => fx.dispose());

describe('AssumeRoleWithSAML verification', () => {
  it('accepts a genuine response, once', async () => {
    const response = responseFor(idp, target, fx.clock.now());
    const out = await call(response);
    assert.equal(out.assumedRoleUser.arn, `arn:aws:sts::${TEST_ACCOUNT_ID}:assumed-role/SamlUser/alice@example.com`);
    assert.equal(out.subject, 'alice@example.com');
    assert.equal(out.subjectType, 'persistent');
    assert.equal(out.audience, 'https://signin.aws.amazon.com/saml');
    assert.deepEqual(out.session.tags, [{ key: 'Department', value: 'Engineering' }]);
    assert.equal(out.credentials.expiration - fx.clock.now(), 7200_000);
    assert.equal(await refusal(response), 'InvalidIdentityToken', 'a replayed assertion');
  });

  it('accepts an assertion that relies on the namespace declarations of the Response', async () => {
    const now = fx.clock.now();
    const { xml, assertionId } = unsignedSamlResponse({
      issuer: ISSUER,
      audience: 'urn:amazon:webservices',
      acsUrl: AWS_ACS,
      nameId: 'carol',
      nameIdFormat: NAMEID_PERSISTENT,
      attributes: { [`${ATTR}Role`]: [`${target.roleArn},${target.providerArn}`], [`${ATTR}RoleSessionName`]: ['carol'] },
      sessionNotOnOrAfter: now + 3600_000,
      now,
      signingKey: idp.key,
    });
    // Declared once on the Response (as many IdPs write it), not on the Assertion.
    const inherited = xml
      .replace(/(<samlp:Response xmlns:samlp="[^"]+")/, '$1 xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion"')
      .replace(/(<saml:Assertion|<saml:Issuer) xmlns:saml="[^"]+"/g, '$1');
    assert.notEqual(inherited, xml);
    const out = await call(encode(signAssertion(inherited, assertionId, idp.key)));
    assert.equal(out.subject, 'carol');
  });

  it('refuses an unsigned assertion inserted before the signed one', async () => {
    const xml = fresh();
    assert.equal(await refusal(encode(xml.replace(ASSERTION_OPEN, (m) => evilAssertion(xml) + m))), 'InvalidIdentityToken');
  });

  it('refuses the signed assertion moved into an Extensions or Object element with an evil one in its place', async () => {
    const xml = fresh();
    const signed = signedAssertionXml(xml);
    const inExtensions = xml.replace(signed, evilAssertion(xml)).replace('<samlp:Status>', `<samlp:Extensions>${signed}</samlp:Extensions><samlp:Status>`);
    assert.equal(await refusal(encode(inExtensions)), 'InvalidIdentityToken');
    const inObject = xml.replace(signed, evilAssertion(xml).replace('</saml:Issuer>', `</saml:Issuer><ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:Object>${signed}</ds:Object></ds:Signature>`));
    assert.equal(await refusal(encode(inObject)), 'InvalidIdentityToken');
  });

  it('reads NameID whole when a comment splits it (admin<!---->@evil)', async () => {
    const xml = fresh({ nameId: 'admin@evil' });
    const out = await call(encode(xml.replace('>admin@evil<', '>admin<!---->@evil<')));
    assert.equal(out.subject, 'admin@evil');
  });

  it('refuses a processing instruction inside NameID', async () => {
    const xml = fresh({ nameId: 'admin@evil' });
    assert.equal(await refusal(encode(xml.replace('>admin@evil<', '>admin<?x y?>@evil<'))), 'InvalidIdentityToken');
  });

  it('refuses a response signed with another key whose certificate is in KeyInfo', async () => {
    const other = newTestIdp(fx.clock.now());
    assert.equal(await refusal(responseFor(other, target, fx.clock.now())), 'InvalidIdentityToken');
  });

  it('refuses two assertions, even both genuinely signed', async () => {
    const xml = fresh();
    const second = signedAssertionXml(fresh());
    assert.equal(await refusal(encode(xml.replace('</samlp:Response>', `${second}</samlp:Response>`))), 'InvalidIdentityToken');
  });

  it('refuses a DOCTYPE', async () => {
    const xml = fresh();
    assert.equal(await refusal(encode(`<!DOCTYPE r [<!ENTITY x "alice">]>${xml}`)), 'InvalidIdentityToken');
    assert.equal(await refusal(encode(`<!DOCTYPE samlp:Response>${xml}`)), 'InvalidIdentityToken');
  });

  it('refuses an expired assertion', async () => {
    const response = responseFor(idp, target, fx.clock.now());
    fx.clock.advance(10 * 60_000);
    assert.equal(await refusal(response), 'ExpiredTokenException');
  });

  it('refuses a wrong audience and a wrong recipient', async () => {
    assert.equal(await refusal(responseFor(idp, target, fx.clock.now(), { audience: 'https://other.example/sp' })), 'IDPRejectedClaim');
    assert.equal(await refusal(responseFor(idp, target, fx.clock.now(), { acsUrl: 'https://other.example/acs' })), 'IDPRejectedClaim');
  });

  it('refuses a role the assertion does not name for this provider', async () => {
    const response = responseFor(idp, { ...target, roleArn: `arn:aws:iam::${TEST_ACCOUNT_ID}:role/Other` }, fx.clock.now());
    assert.equal(await refusal(response), 'IDPRejectedClaim');
  });

  it('refuses a tampered subject', async () => {
    assert.equal(await refusal(encode(fresh().replace('alice@example.com</saml:NameID>', 'admin@example.com</saml:NameID>'))), 'InvalidIdentityToken');
  });

  it('refuses a malformed session policy as MalformedPolicyDocument', async () => {
    await assert.rejects(call(responseFor(idp, target, fx.clock.now()), { policy: '{"Statement":' }), (e: unknown) => {
      assert.ok(isGatehouseError(e));
      assert.equal(lookupException('sts', e.code, e.details.resource)?.name, 'MalformedPolicyDocument');
      return true;
    });
  });
});
