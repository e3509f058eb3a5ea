// A signed SAML 2.0 Response: the Assertion carries an enveloped RSA-SHA256 signature over
// exclusive canonicalization (Reference `#assertionId`), placed after its Issuer as the schema
// requires; on request the Response is signed too, over the signed Assertion. The XML is
// written from escaped strings (no DOCTYPE, nothing parsed from input) in its canonical form
// (namespaces declared where c14n renders them, attributes in c14n order, c14n escapes, no
// empty-element tags), so each signature is computed straight from the text we wrote
// (enveloped-signature.ts): no parse, no XPath, no re-serialization.

import type { KeyObject } from 'node:crypto';
import { SignedXml } from 'xml-crypto';
import type { SigningKey } from '../domain/saml-keys/signing-key-material.js';
import { escapeAttr, escapeText } from './xml-escape.js';
import { newSamlId } from './saml-id.js';
import { envelopedSignature } from './enveloped-signature.js';
import {
  ATTRNAME_FORMAT_URI,
  BEARER,
  ENVELOPED_SIGNATURE,
  EXC_C14N,
  RSA_SHA256,
  SAML_ASSERTION_NS,
  SAML_PROTOCOL_NS,
  SHA256,
  STATUS_SUCCESS,
} from './saml-constants.js';

export interface SamlResponseInput {
  readonly issuer: string;
  readonly audience: string;
  readonly acsUrl: string;
  readonly nameId: string;
  readonly nameIdFormat: string;
  readonly attributes: Readonly<Record<string, readonly string[]>>;
  /** Epoch ms: the end of the service provider's session (AuthnStatement). */
  readonly sessionNotOnOrAfter: number;
  readonly inResponseTo?: string;
  /** Epoch ms. */
  readonly now: number;
  /** Fixed ids for tests; fresh random ones otherwise. */
  readonly ids?: { readonly response: string; readonly assertion: string };
  /** How long the assertion may be presented (default 5 minutes). */
  readonly validForMs?: number;
  readonly signingKey: Pick<SigningKey, 'privateKey' | 'certificate' | 'certificatePem'>;
  /** Sign the Response too (over the signed Assertion), for service providers that want it. */
  readonly signResponse?: boolean;
}

const iso = (ms: number) => new Date(ms).toISOString();
/** Allowance for service provider clocks running behind ours. */
const NOT_BEFORE_SKEW_MS = 60_000;

const attributeXml = (name: string, values: readonly string[]) =>
  `<saml:Attribute Name="${escapeAttr(name)}" NameFormat="${ATTRNAME_FORMAT_URI}">` +
  values.map((v) => `<saml:AttributeValue>${escapeText(v)}</saml:AttributeValue>`).join('') +
  `</saml:Attribute>`;

/** The document in pieces, so signatures go in after each Issuer without searching the text. */
interface ResponseParts {
  readonly responseId: string;
  readonly assertionId: string;
  /** The Response's start tag and Issuer. */
  readonly responseHead: string;
  /** Status, then the Assertion, then the end tag. */
  readonly responseTail: (assertion: string) => string;
  readonly assertionHead: string;
  readonly assertionTail: string;
}

function responseParts(input: SamlResponseInput): ResponseParts {
  const responseId = input.ids?.response ?? newSamlId();
  const assertionId = input.ids?.assertion ?? newSamlId();
  const now = iso(input.now);
  const notOnOrAfter = iso(input.now + (input.validForMs ?? 300_000));
  const inResponseTo = input.inResponseTo !== undefined ? ` InResponseTo="${escapeAttr(input.inResponseTo)}"` : '';
  const issuerText = escapeText(input.issuer);
  const attributes = Object.entries(input.attributes);
  // Attributes in c14n order (by name); each element declares the namespace it is the first to use.
  return {
    responseId,
    assertionId,
    responseHead:
      `<samlp:Response xmlns:samlp="${SAML_PROTOCOL_NS}" Destination="${escapeAttr(input.acsUrl)}" ID="${escapeAttr(responseId)}"${inResponseTo} ` +
      `IssueInstant="${now}" Version="2.0"><saml:Issuer xmlns:saml="${SAML_ASSERTION_NS}">${issuerText}</saml:Issuer>`,
    responseTail: (assertion) =>
      `<samlp:Status><samlp:StatusCode Value="${STATUS_SUCCESS}"></samlp:StatusCode></samlp:Status>${assertion}</samlp:Response>`,
    assertionHead:
      `<saml:Assertion xmlns:saml="${SAML_ASSERTION_NS}" ID="${escapeAttr(assertionId)}" IssueInstant="${now}" Version="2.0">` +
      `<saml:Issuer>${issuerText}</saml:Issuer>`,
    assertionTail:
      `<saml:Subject><saml:NameID Format="${escapeAttr(input.nameIdFormat)}">${escapeText(input.nameId)}</saml:NameID>` +
      `<saml:SubjectConfirmation Method="${BEARER}"><saml:SubjectConfirmationData${inResponseTo} NotOnOrAfter="${notOnOrAfter}" ` +
      `Recipient="${escapeAttr(input.acsUrl)}"></saml:SubjectConfirmationData></saml:SubjectConfirmation></saml:Subject>` +
      `<saml:Conditions NotBefore="${iso(input.now - NOT_BEFORE_SKEW_MS)}" NotOnOrAfter="${notOnOrAfter}">` +
      `<saml:AudienceRestriction><saml:Audience>${escapeText(input.audience)}</saml:Audience></saml:AudienceRestriction></saml:Conditions>` +
      `<saml:AuthnStatement AuthnInstant="${now}" SessionIndex="${escapeAttr(assertionId)}" SessionNotOnOrAfter="${iso(input.sessionNotOnOrAfter)}">` +
      `<saml:AuthnContext><saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</saml:AuthnContextClassRef>` +
      `</saml:AuthnContext></saml:AuthnStatement>` +
      (attributes.length > 0 ? `<saml:AttributeStatement>${attributes.map(([k, v]) => attributeXml(k, v)).join('')}</saml:AttributeStatement>` : '') +
      `</saml:Assertion>`,
  };
}

/** The Response without signatures (tests build forgeries from it). */
export function unsignedSamlResponse(input: SamlResponseInput): { xml: string; assertionId: string; responseId: string } {
  const p = responseParts(input);
  return { xml: p.responseHead + p.responseTail(p.assertionHead + p.assertionTail), assertionId: p.assertionId, responseId: p.responseId };
}

/** The signed Response as XML: the Assertion always, the Response too when asked. */
export function signedSamlResponseXml(input: SamlResponseInput): { xml: string; responseId: string; assertionId: string } {
  const p = responseParts(input);
  const key = input.signingKey;
  const assertion = p.assertionHead + envelopedSignature(p.assertionHead + p.assertionTail, p.assertionId, key) + p.assertionTail;
  const tail = p.responseTail(assertion);
  const xml = input.signResponse ? p.responseHead + envelopedSignature(p.responseHead + tail, p.responseId, key) + tail : p.responseHead + tail;
  return { xml, responseId: p.responseId, assertionId: p.assertionId };
}

/** The signed Response, base64 as the HTTP-POST binding and AssumeRoleWithSAML carry it. */
export function buildSamlResponse(input: SamlResponseInput): string {
  return Buffer.from(signedSamlResponseXml(input).xml, 'utf8').toString('base64');
}

// ---- Signing any document (xml-crypto): for tests that sign documents they altered.

type GenericKey = { readonly privateKey: KeyObject; readonly certificatePem: string };

/** An enveloped signature of the element `target` (an XPath), placed right after its Issuer. */
const signElement = (xml: string, target: string, key: GenericKey): string => {
  const sig = new SignedXml({ privateKey: key.privateKey, publicCert: key.certificatePem, signatureAlgorithm: RSA_SHA256, canonicalizationAlgorithm: EXC_C14N });
  sig.addReference({ xpath: target, transforms: [ENVELOPED_SIGNATURE, EXC_C14N], digestAlgorithm: SHA256 });
  sig.computeSignature(xml, { prefix: 'ds', location: { reference: `${target}/*[local-name(.)='Issuer']`, action: 'after' } });
  return sig.getSignedXml();
};

/** Signs the Assertion whose ID is `assertionId` in any document `xml`. */
export const signAssertion = (xml: string, assertionId: string, key: GenericKey): string =>
  signElement(xml, `//*[local-name(.)='Assertion' and @ID='${assertionId}']`, key);

/** Signs the Response (the document element) whose ID is `responseId` in any document `xml`. */
export const signResponse = (xml: string, responseId: string, key: GenericKey): string =>
  signElement(xml, `/*[local-name(.)='Response' and @ID='${responseId}']`, key);
