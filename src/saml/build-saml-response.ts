// A signed SAML 2.0 Response: the Assertion carries an enveloped RSA-SHA256 signature over
// exclusive canonicalization (Reference `#assertionId`), placed after its Issuer as the schema
// requires. The XML is written from escaped strings (no DOCTYPE, nothing parsed from input),
// then signed with xml-crypto.

import type { KeyObject } from 'node:crypto';
import { SignedXml } from 'xml-crypto';
import { escapeAttr, escapeText } from './xml-escape.js';
import { newSamlId } from './saml-id.js';
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
  readonly signingKey: { readonly privateKey: KeyObject; readonly certificatePem: string };
}

const iso = (ms: number) => new Date(ms).toISOString();
/** Allowance for service provider clocks running behind ours. */
const NOT_BEFORE_SKEW_MS = 60_000;

const attributeXml = (name: string, values: readonly string[]) =>
  `<saml:Attribute Name="${escapeAttr(name)}" NameFormat="${ATTRNAME_FORMAT_URI}">` +
  values.map((v) => `<saml:AttributeValue>${escapeText(v)}</saml:AttributeValue>`).join('') +
  `</saml:Attribute>`;

export function unsignedSamlResponse(input: SamlResponseInput): { xml: string; assertionId: string } {
  const responseId = input.ids?.response ?? newSamlId();
  const assertionId = input.ids?.assertion ?? newSamlId();
  const now = iso(input.now);
  const notOnOrAfter = iso(input.now + (input.validForMs ?? 300_000));
  const inResponseTo = input.inResponseTo !== undefined ? ` InResponseTo="${escapeAttr(input.inResponseTo)}"` : '';
  const issuer = `<saml:Issuer>${escapeText(input.issuer)}</saml:Issuer>`;
  const attributes = Object.entries(input.attributes);
  const xml =
    `<samlp:Response xmlns:samlp="${SAML_PROTOCOL_NS}" xmlns:saml="${SAML_ASSERTION_NS}" ID="${responseId}" Version="2.0" ` +
    `IssueInstant="${now}" Destination="${escapeAttr(input.acsUrl)}"${inResponseTo}>` +
    issuer +
    `<samlp:Status><samlp:StatusCode Value="${STATUS_SUCCESS}"/></samlp:Status>` +
    `<saml:Assertion xmlns:saml="${SAML_ASSERTION_NS}" ID="${assertionId}" Version="2.0" IssueInstant="${now}">` +
    issuer +
    `<saml:Subject><saml:NameID Format="${escapeAttr(input.nameIdFormat)}">${escapeText(input.nameId)}</saml:NameID>` +
    `<saml:SubjectConfirmation Method="${BEARER}"><saml:SubjectConfirmationData NotOnOrAfter="${notOnOrAfter}" ` +
    `Recipient="${escapeAttr(input.acsUrl)}"${inResponseTo}/></saml:SubjectConfirmation></saml:Subject>` +
    `<saml:Conditions NotBefore="${iso(input.now - NOT_BEFORE_SKEW_MS)}" NotOnOrAfter="${notOnOrAfter}">` +
    `<saml:AudienceRestriction><saml:Audience>${escapeText(input.audience)}</saml:Audience></saml:AudienceRestriction></saml:Conditions>` +
    `<saml:AuthnStatement AuthnInstant="${now}" SessionIndex="${assertionId}" SessionNotOnOrAfter="${iso(input.sessionNotOnOrAfter)}">` +
    `<saml:AuthnContext><saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</saml:AuthnContextClassRef>` +
    `</saml:AuthnContext></saml:AuthnStatement>` +
    (attributes.length > 0 ? `<saml:AttributeStatement>${attributes.map(([k, v]) => attributeXml(k, v)).join('')}</saml:AttributeStatement>` : '') +
    `</saml:Assertion></samlp:Response>`;
  return { xml, assertionId };
}

/** Signs the Assertion whose ID is `assertionId` in `xml`; returns the signed document. */
export function signAssertion(xml: string, assertionId: string, key: SamlResponseInput['signingKey']): string {
  const sig = new SignedXml({
    privateKey: key.privateKey,
    publicCert: key.certificatePem,
    signatureAlgorithm: RSA_SHA256,
    canonicalizationAlgorithm: EXC_C14N,
  });
  const target = `//*[local-name(.)='Assertion' and @ID='${assertionId}']`;
  sig.addReference({ xpath: target, transforms: [ENVELOPED_SIGNATURE, EXC_C14N], digestAlgorithm: SHA256 });
  sig.computeSignature(xml, { prefix: 'ds', location: { reference: `${target}/*[local-name(.)='Issuer']`, action: 'after' } });
  return sig.getSignedXml();
}

/** The signed Response, base64 as the HTTP-POST binding and AssumeRoleWithSAML carry it. */
export function buildSamlResponse(input: SamlResponseInput): string {
  const { xml, assertionId } = unsignedSamlResponse(input);
  return Buffer.from(signAssertion(xml, assertionId, input.signingKey), 'utf8').toString('base64');
}
