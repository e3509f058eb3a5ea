// An enveloped XML signature (RSA-SHA256 over exclusive c14n, SHA-256 digest, one Reference to
// the element by ID), computed straight from the element's canonical form: our builder writes
// elements already canonical, so nothing is parsed, searched or re-serialized. The signature is
// written canonical too, so an element that encloses it (the Response around a signed
// Assertion) stays canonical.

import { createHash, createSign } from 'node:crypto';
import type { SigningKey } from '../domain/saml-keys/signing-key-material.js';
import { ENVELOPED_SIGNATURE, EXC_C14N, RSA_SHA256, SHA256, XMLDSIG_NS } from './saml-constants.js';

const certificateBase64 = new WeakMap<object, string>();

const keyInfo = (key: Pick<SigningKey, 'certificate'>): string => {
  let b64 = certificateBase64.get(key.certificate);
  if (b64 === undefined) certificateBase64.set(key.certificate, (b64 = key.certificate.raw.toString('base64')));
  return `<ds:KeyInfo><ds:X509Data><ds:X509Certificate>${b64}</ds:X509Certificate></ds:X509Data></ds:KeyInfo>`;
};

/** SignedInfo's content; `ID` is an xs:ID of ours (no escaping needed, checked by the caller). */
const signedInfoBody = (id: string, digest: string) =>
  `<ds:CanonicalizationMethod Algorithm="${EXC_C14N}"></ds:CanonicalizationMethod>` +
  `<ds:SignatureMethod Algorithm="${RSA_SHA256}"></ds:SignatureMethod>` +
  `<ds:Reference URI="#${id}"><ds:Transforms>` +
  `<ds:Transform Algorithm="${ENVELOPED_SIGNATURE}"></ds:Transform><ds:Transform Algorithm="${EXC_C14N}"></ds:Transform>` +
  `</ds:Transforms><ds:DigestMethod Algorithm="${SHA256}"></ds:DigestMethod><ds:DigestValue>${digest}</ds:DigestValue></ds:Reference>`;

/**
 * The `<ds:Signature>` element for the element whose canonical form (without the signature) is
 * `canonical` and whose ID is `id`, to be placed inside it (after its Issuer).
 */
export function envelopedSignature(canonical: string, id: string, key: Pick<SigningKey, 'privateKey' | 'certificate'>): string {
  if (!/^[A-Za-z_][\w.-]*$/.test(id)) throw new Error('a signed element needs an xs:ID');
  const digest = createHash('sha256').update(canonical, 'utf8').digest('base64');
  const body = signedInfoBody(id, digest);
  // SignedInfo canonicalized on its own renders the ds namespace on itself.
  const value = createSign('RSA-SHA256').update(`<ds:SignedInfo xmlns:ds="${XMLDSIG_NS}">${body}</ds:SignedInfo>`, 'utf8').sign(key.privateKey, 'base64');
  return `<ds:Signature xmlns:ds="${XMLDSIG_NS}"><ds:SignedInfo>${body}</ds:SignedInfo><ds:SignatureValue>${value}</ds:SignatureValue>${keyInfo(key)}</ds:Signature>`;
}
