// An AuthnRequest off the wire: HTTP-Redirect carries it deflated (raw DEFLATE) and base64,
// HTTP-POST base64 only. Sizes are bounded before and after inflation (no deflate bombs), and
// the XML is parsed as untrusted: no DOCTYPE, any parser complaint refuses it.

import { inflateRawSync } from 'node:zlib';
import type { Document } from '@xmldom/xmldom';
import { parseUntrustedXml } from '../domain/sts/assume-role-with-saml-xml.js';
import { samlRequestError } from './saml-request-error.js';

const MAX_ENCODED = 64 * 1024;
const MAX_XML = 100 * 1024;

const base64 = (value: string): Buffer => {
  const compact = value.replace(/\s+/g, '');
  if (compact === '' || compact.length > MAX_ENCODED || !/^[A-Za-z0-9+/]+={0,2}$/.test(compact)) {
    throw samlRequestError('SAMLRequest is missing or is not base64.');
  }
  return Buffer.from(compact, 'base64');
};

export const decodeRedirectRequest = (value: string): string => {
  try {
    return inflateRawSync(base64(value), { maxOutputLength: MAX_XML }).toString('utf8');
  } catch (e) {
    if (e instanceof Error && e.name === 'GatehouseError') throw e;
    throw samlRequestError('SAMLRequest is not a deflated SAML message (HTTP-Redirect binding).');
  }
};

export const decodePostRequest = (value: string): string => {
  const bytes = base64(value);
  if (bytes.length > MAX_XML) throw samlRequestError('SAMLRequest is too large.');
  const text = bytes.toString('utf8');
  // The binding says plain base64, but some SPs (node-saml by default) deflate here too.
  return text.trimStart().startsWith('<') ? text : decodeRedirectRequest(value);
};

export const parseRequestXml = (xml: string): Document => {
  try {
    return parseUntrustedXml(xml);
  } catch (e) {
    throw samlRequestError(`SAMLRequest: ${(e as Error).message.replace(/^Invalid SAML response: /, '')}.`);
  }
};
