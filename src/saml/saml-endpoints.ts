// Where an application's identity provider lives: its entity id is `${publicUrl}/saml/{id}`,
// stable as long as the public URL is, and its metadata and SSO endpoint hang under it.

import type { NameIdFormat } from '../domain/applications/application.js';
import { NAMEID_EMAIL, NAMEID_PERSISTENT, NAMEID_TRANSIENT, NAMEID_UNSPECIFIED } from './saml-constants.js';

export interface IdpEndpoints {
  readonly entityId: string;
  readonly ssoUrl: string;
  readonly metadataUrl: string;
}

export const idpEndpoints = (publicUrl: string, applicationId: string): IdpEndpoints => {
  const entityId = `${publicUrl}/saml/${applicationId}`;
  return { entityId, ssoUrl: `${entityId}/sso`, metadataUrl: `${entityId}/metadata.xml` };
};

const NAMEID_URNS: Readonly<Record<NameIdFormat, string>> = {
  persistent: NAMEID_PERSISTENT,
  emailAddress: NAMEID_EMAIL,
  unspecified: NAMEID_UNSPECIFIED,
  transient: NAMEID_TRANSIENT,
};

export const nameIdFormatUrn = (format: NameIdFormat): string => NAMEID_URNS[format];
