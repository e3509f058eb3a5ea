// Identity provider metadata: entity id, signing certificates (the current one, and the next one
// during a rotation so service providers trust it before it signs), SSO endpoints.

import { X509Certificate } from 'node:crypto';
import { escapeAttr } from './xml-escape.js';
import { BINDING_POST, BINDING_REDIRECT, NAMEID_EMAIL, NAMEID_PERSISTENT, SAML_METADATA_NS, SAML_PROTOCOL_NS, XMLDSIG_NS } from './saml-constants.js';

export interface IdpMetadataInput {
  readonly entityId: string;
  /** PEM certificates, current first. */
  readonly signingCertificatesPem: readonly string[];
  /** Where AuthnRequests arrive (both bindings share one URL). */
  readonly ssoUrl: string;
  readonly validUntil?: number;
  /** How long service providers may cache the metadata (ISO 8601 duration), e.g. PT24H. */
  readonly cacheDuration?: string;
  /** The application refuses unsigned AuthnRequests. */
  readonly wantAuthnRequestsSigned?: boolean;
}

const keyDescriptor = (pem: string) =>
  `<md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>` +
  new X509Certificate(pem).raw.toString('base64') +
  `</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>`;

export function buildIdpMetadata(input: IdpMetadataInput): string {
  const validUntil = input.validUntil !== undefined ? ` validUntil="${new Date(input.validUntil).toISOString()}"` : '';
  const cache = input.cacheDuration !== undefined ? ` cacheDuration="${escapeAttr(input.cacheDuration)}"` : '';
  const url = escapeAttr(input.ssoUrl);
  return (
    `<?xml version="1.0" encoding="UTF-8"?>` +
    `<md:EntityDescriptor xmlns:md="${SAML_METADATA_NS}" xmlns:ds="${XMLDSIG_NS}" entityID="${escapeAttr(input.entityId)}"${validUntil}${cache}>` +
    `<md:IDPSSODescriptor WantAuthnRequestsSigned="${input.wantAuthnRequestsSigned === true}" protocolSupportEnumeration="${SAML_PROTOCOL_NS}">` +
    input.signingCertificatesPem.map(keyDescriptor).join('') +
    `<md:NameIDFormat>${NAMEID_PERSISTENT}</md:NameIDFormat><md:NameIDFormat>${NAMEID_EMAIL}</md:NameIDFormat>` +
    `<md:SingleSignOnService Binding="${BINDING_REDIRECT}" Location="${url}"/>` +
    `<md:SingleSignOnService Binding="${BINDING_POST}" Location="${url}"/>` +
    `</md:IDPSSODescriptor></md:EntityDescriptor>`
  );
}
