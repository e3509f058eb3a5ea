import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { X509Certificate } from 'node:crypto';
import { DOMParser } from '@xmldom/xmldom';
import { AWS_ACS, decode, newTestIdp, responseFor } from './saml-fixture.js';
import { metadataSigningCertificates } from '../../src/domain/sts/assume-role-with-saml-metadata.js';

const NOW = Date.now();
const idp = newTestIdp(NOW);
const target = { roleArn: 'arn:aws:iam::111122223333:role/R', providerArn: 'arn:aws:iam::111122223333:saml-provider/P' };
const hasXmlsec = spawnSync('xmlsec1', ['--version']).status === 0;

const xmlsecVerify = (xml: string, certPem: string): { ok: boolean; out: string } => {
  const dir = mkdtempSync(join(tmpdir(), 'gatehouse-xmlsec-'));
  try {
    writeFileSync(join(dir, 'cert.pem'), certPem);
    writeFileSync(join(dir, 'response.xml'), xml);
    const r = spawnSync('xmlsec1', ['--verify', '--pubkey-cert-pem', join(dir, 'cert.pem'), '--id-attr:ID', 'urn:oasis:names:tc:SAML:2.0:assertion:Assertion', join(dir, 'response.xml')], { encoding: 'utf8' });
    return { ok: r.status === 0, out: `${r.stdout}${r.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

describe('SAML identity provider', () => {
  it('makes a self-signed RSA-2048 certificate that node reads and that verifies itself', () => {
    const cert = idp.key.certificate;
    assert.equal(cert.subject, 'CN=Gatehouse test IdP');
    assert.ok(cert.verify(cert.publicKey));
    assert.equal(cert.publicKey.asymmetricKeyDetails?.modulusLength, 2048);
    assert.ok(Date.parse(cert.validTo) > NOW);
  });

  it('publishes the signing certificate, entity id and both SSO bindings in its metadata', () => {
    const [pem] = metadataSigningCertificates(idp.metadata);
    assert.equal(new X509Certificate(pem!).fingerprint256, idp.key.certificate.fingerprint256);
    assert.match(idp.metadata, /entityID="https:\/\/gatehouse\.test\/saml\/app-1"/);
    assert.match(idp.metadata, /bindings:HTTP-Redirect/);
    assert.match(idp.metadata, /bindings:HTTP-POST/);
  });

  it('builds a response with the signed assertion, conditions and bearer confirmation', () => {
    const xml = decode(responseFor(idp, target, NOW));
    assert.doesNotMatch(xml, /<!DOCTYPE/i);
    const doc = new DOMParser().parseFromString(xml, 'text/xml');
    const assertion = doc.getElementsByTagNameNS('urn:oasis:names:tc:SAML:2.0:assertion', 'Assertion')[0]!;
    const id = assertion.getAttribute('ID')!;
    assert.match(id, /^_[0-9a-f]{40}$/);
    const sig = assertion.getElementsByTagNameNS('http://www.w3.org/2000/09/xmldsig#', 'Signature')[0]!;
    assert.equal(sig.parentNode, assertion);
    assert.match(xml, new RegExp(`<ds:Reference URI="#${id}">`));
    assert.match(xml, /xmldsig-more#rsa-sha256/);
    assert.match(xml, /xml-exc-c14n#/);
    assert.match(xml, /<saml:AudienceRestriction><saml:Audience>urn:amazon:webservices<\/saml:Audience>/);
    assert.match(xml, new RegExp(`<saml:SubjectConfirmationData InResponseTo="_request1" NotOnOrAfter="[^"]+" Recipient="${AWS_ACS}">`));
    assert.match(xml, /<saml:Conditions NotBefore="[^"]+" NotOnOrAfter="[^"]+">/);
  });

  it('gives every response fresh ids', () => {
    const ids = new Set<string>();
    for (let i = 0; i < 5; i++) for (const m of decode(responseFor(idp, target, NOW)).matchAll(/ ID="([^"]+)"/g)) ids.add(m[1]!);
    assert.equal(ids.size, 10);
  });

  it('escapes text and attribute values', () => {
    const xml = decode(responseFor(idp, target, NOW, { nameId: 'a<b>&"c', inResponseTo: '"><x' }));
    assert.match(xml, />a&lt;b&gt;&amp;"c</);
    assert.match(xml, /InResponseTo="&quot;>&lt;x"/);
    assert.throws(() => responseFor(idp, target, NOW, { nameId: 'bad\u0001' }));
  });

  it('verifies with xmlsec1 against the metadata certificate, and not against another', { skip: !hasXmlsec && 'xmlsec1 is not installed' }, () => {
    const xml = decode(responseFor(idp, target, NOW));
    const good = xmlsecVerify(xml, idp.key.certificatePem);
    assert.ok(good.ok, good.out);
    assert.match(good.out, /SignedInfo References \(ok\/all\): 1\/1/);
    assert.equal(xmlsecVerify(xml, newTestIdp(NOW).key.certificatePem).ok, false);
    assert.equal(xmlsecVerify(xml.replace('alice@example.com</saml:NameID>', 'mallory@example.com</saml:NameID>'), idp.key.certificatePem).ok, false);
  });
});

