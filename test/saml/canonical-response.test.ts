// Our responses are signed straight from the text we write, which is only right if that text is
// exactly its exclusive canonical form. Property test: for any values (markup characters,
// whitespace that parsers normalise, non-ASCII), the Assertion and the Response as a parser and
// xml-crypto's exclusive c14n see them (signatures removed, as the enveloped transform does)
// equal what we wrote; and xml-crypto verifies both signatures.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { DOMParser, type Element } from '@xmldom/xmldom';
import { ExclusiveCanonicalization, SignedXml } from 'xml-crypto';
import { KeyRing } from '../../src/lib/key-ring.js';
import { generateIdpSigningKey, openIdpSigningKey } from '../../src/saml/idp-signing-key.js';
import { signedSamlResponseXml } from '../../src/saml/build-saml-response.js';
import { NAMEID_PERSISTENT } from '../../src/saml/saml-constants.js';

const DS = 'http://www.w3.org/2000/09/xmldsig#';
const ring = new KeyRing([{ id: 'c14n', key: randomBytes(32) }]);
const stored = generateIdpSigningKey(ring, { commonName: 'c14n', now: Date.now() - 60_000 });
const key = openIdpSigningKey(ring, stored);

const text = fc.string({ unit: fc.constantFrom('a', 'Z', '0', ' ', '<', '>', '&', '"', "'", '\t', '\n', '\r', '=', '/', 'é', '€', '😀', ']]>'), maxLength: 12 });

const canonicalWithout = (el: Element, signatureOf: Element): string => {
  const clone = el.cloneNode(true) as Element;
  for (let n = clone.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1 && (n as Element).localName === 'Signature' && (n as Element).namespaceURI === DS && signatureOf === el) {
      clone.removeChild(n);
      break;
    }
  }
  return new ExclusiveCanonicalization().process(clone as never, {}).toString();
};

const withoutFirst = (xml: string, from: string) => {
  const start = xml.indexOf(from);
  const end = xml.indexOf('</ds:Signature>', start) + '</ds:Signature>'.length;
  return xml.slice(0, start) + xml.slice(end);
};

const verifies = (xml: string, el: Element) => {
  const sig = new SignedXml({ publicCert: stored.certificatePem, getCertFromKeyInfo: () => null });
  const signature = Array.from(el.childNodes).find((n) => n.nodeType === 1 && (n as Element).localName === 'Signature')!;
  sig.loadSignature(signature as never);
  return sig.checkSignature(xml);
};

describe('signed responses are written in canonical form', () => {
  it('for any values, c14n of what a parser reads equals what we wrote, and both signatures verify', () => {
    fc.assert(
      fc.property(text, text, text, text, fc.array(fc.tuple(text, fc.array(text, { maxLength: 3 })), { maxLength: 3 }), (issuer, nameId, audience, inResponseTo, attrs) => {
        const { xml } = signedSamlResponseXml({
          issuer,
          audience,
          acsUrl: 'https://sp.example/acs?a=1&b="2"',
          nameId,
          nameIdFormat: NAMEID_PERSISTENT,
          attributes: Object.fromEntries(attrs),
          sessionNotOnOrAfter: Date.now() + 3600_000,
          inResponseTo,
          now: Date.now(),
          signingKey: key,
          signResponse: true,
        });
        const doc = new DOMParser({ onError: (level, msg) => assert.fail(`${level}: ${msg}`) }).parseFromString(xml, 'text/xml');
        const response = doc.documentElement!;
        const assertion = doc.getElementsByTagNameNS('urn:oasis:names:tc:SAML:2.0:assertion', 'Assertion')[0]!;
        // The Response's own signature is its first ds:Signature; the Assertion's comes after it.
        const responseUnsigned = withoutFirst(xml, '<ds:Signature');
        assert.equal(canonicalWithout(response, response), responseUnsigned);
        const assertionText = /<saml:Assertion [\s\S]*<\/saml:Assertion>/.exec(xml)![0];
        assert.equal(canonicalWithout(assertion, assertion), withoutFirst(assertionText, '<ds:Signature'));
        assert.ok(verifies(xml, response), 'the Response signature verifies');
        assert.ok(verifies(xml, assertion), 'the Assertion signature verifies');
      }),
      { numRuns: 60 },
    );
  });
});
