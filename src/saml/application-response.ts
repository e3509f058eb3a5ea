// The signed Response for one application and one user: the claims come from the applications
// service (which refuses a user who does not hold the application), the key is the instance's
// current signing key, the issuer the application's own entity id.

import type { Services } from '../domain/services.js';
import type { Application } from '../domain/applications/application.js';
import { signingKeySet } from '../domain/saml-keys/saml-signing-keys.js';
import { signedSamlResponseXml } from './build-saml-response.js';
import { idpEndpoints, nameIdFormatUrn } from './saml-endpoints.js';
import { openSigningKeyCached } from './signing-key-cache.js';

export interface ApplicationResponse {
  /** Base64, as the HTTP-POST binding carries it. */
  readonly samlResponse: string;
  readonly acsUrl: string;
}

export async function applicationResponse(
  services: Services,
  publicUrl: string,
  app: Application,
  userId: string,
  inResponseTo?: string,
): Promise<ApplicationResponse> {
  const claims = await services.applications.samlClaims(app.applicationId, userId);
  const { ports } = services;
  const keys = await signingKeySet(ports);
  const now = ports.clock.now();
  const { xml } = signedSamlResponseXml({
    issuer: idpEndpoints(publicUrl, app.applicationId).entityId,
    audience: app.audience,
    acsUrl: app.acsUrl,
    nameId: claims.nameId,
    nameIdFormat: nameIdFormatUrn(claims.nameIdFormat),
    attributes: claims.attributes,
    sessionNotOnOrAfter: now + claims.sessionDurationSeconds * 1000,
    ...(inResponseTo !== undefined ? { inResponseTo } : {}),
    now,
    signingKey: openSigningKeyCached(ports.keyRing, keys.current),
    signResponse: app.signResponse,
  });
  return { samlResponse: Buffer.from(xml, 'utf8').toString('base64'), acsUrl: app.acsUrl };
}
