// Verifying a signed AuthnRequest with the application's registered SP certificate (never a key
// the request brings). HTTP-Redirect signs the query string (SAML bindings 3.4.4.1: the
// URL-encoded SAMLRequest, RelayState and SigAlg exactly as sent); HTTP-POST carries an
// enveloped XML signature whose one Reference is the request itself. SHA-1 is refused.

import { X509Certificate, verify } from 'node:crypto';
import type { Document, Element } from '@xmldom/xmldom';
import { ExclusiveCanonicalization, SignedXml } from 'xml-crypto';
import { allByLocalName, childElements } from '../domain/sts/assume-role-with-saml-xml.js';
import { ENVELOPED_SIGNATURE, EXC_C14N, RSA_SHA256, RSA_SHA512, SHA256, SHA512, XMLDSIG_NS } from './saml-constants.js';
import { samlRequestError } from './saml-request-error.js';

const HASH_OF: Readonly<Record<string, string>> = { [RSA_SHA256]: 'sha256', [RSA_SHA512]: 'sha512' };

/** The raw (still URL-encoded) value of each query parameter, first occurrence. */
export const rawQueryParams = (url: string): Map<string, string> => {
  const out = new Map<string, string>();
  const query = url.includes('?') ? url.slice(url.indexOf('?') + 1) : '';
  for (const part of query.split('&')) {
    const i = part.indexOf('=');
    const name = i < 0 ? part : part.slice(0, i);
    if (name && !out.has(name)) out.set(name, i < 0 ? '' : part.slice(i + 1));
  }
  return out;
};

const decode = (raw: string) => decodeURIComponent(raw.replace(/\+/g, ' '));

/** Throws unless the query's Signature verifies with `certificatePem`. */
export function verifyRedirectSignature(url: string, certificatePem: string): void {
  const raw = rawQueryParams(url);
  const sigAlg = raw.get('SigAlg');
  const signature = raw.get('Signature');
  if (sigAlg === undefined || signature === undefined) throw samlRequestError('This application requires signed AuthnRequests; the request is not signed.', 'Signature');
  const hash = HASH_OF[decode(sigAlg)];
  if (!hash) throw samlRequestError('SigAlg must be RSA-SHA256 or RSA-SHA512.', 'SigAlg');
  const relay = raw.get('RelayState');
  const signed = `SAMLRequest=${raw.get('SAMLRequest') ?? ''}${relay !== undefined ? `&RelayState=${relay}` : ''}&SigAlg=${sigAlg}`;
  let ok = false;
  try {
    ok = verify(hash, Buffer.from(signed, 'utf8'), new X509Certificate(certificatePem).publicKey, Buffer.from(decode(signature), 'base64'));
  } catch {
    ok = false;
  }
  if (!ok) throw samlRequestError('The AuthnRequest signature is not valid for this application.', 'Signature');
}

const canonicalWithoutSignature = (el: Element): string => {
  const clone = el.cloneNode(true) as Element;
  for (const s of childElements(clone, XMLDSIG_NS, 'Signature')) clone.removeChild(s);
  return new ExclusiveCanonicalization().process(clone as never, {}).toString();
};

/** Throws unless the request `root` of `doc` (parsed from `xml`) carries a valid enveloped signature. */
export function verifyPostSignature(doc: Document, xml: string, root: Element, certificatePem: string): void {
  const invalid = () => samlRequestError('The AuthnRequest signature is not valid for this application.', 'Signature');
  const signatures = childElements(root, XMLDSIG_NS, 'Signature');
  if (signatures.length === 0) throw samlRequestError('This application requires signed AuthnRequests; the request is not signed.', 'Signature');
  if (signatures.length > 1 || allByLocalName(doc, 'Signature').length !== 1) throw invalid();
  const id = root.getAttribute('ID');
  const sig = new SignedXml({ publicCert: certificatePem, getCertFromKeyInfo: () => null });
  try {
    sig.loadSignature(signatures[0] as never);
    const refs = sig.getReferences();
    const ref = refs[0];
    const shapeOk =
      HASH_OF[sig.signatureAlgorithm ?? ''] !== undefined &&
      sig.canonicalizationAlgorithm === EXC_C14N &&
      refs.length === 1 &&
      ref!.uri === `#${id}` &&
      [SHA256, SHA512].includes(ref!.digestAlgorithm ?? '') &&
      ref!.transforms.every((t) => t === ENVELOPED_SIGNATURE || t === EXC_C14N);
    if (!shapeOk || !sig.checkSignature(xml)) throw invalid();
    const signed = sig.getSignedReferences();
    if (signed.length !== 1 || signed[0] !== canonicalWithoutSignature(root)) throw invalid();
  } catch {
    throw invalid();
  }
}
