// The sign-in area's services, built together because each leans on the one before: portal
// sessions, sso-oidc over them, and the portal API over both.

import type { Ports } from '../ports.js';
import { SessionService, type DirectoryLookup } from './session-service.js';
import { OidcService } from '../oidc/oidc-service.js';
import { PortalService } from '../portal/portal-service.js';

export interface SignInServices {
  readonly sessions: SessionService;
  readonly oidc: OidcService;
  readonly portal: PortalService;
}

/** `directory` is looked up at each use: the composition root may build it after these. */
export const createSignInServices = (ports: Ports, directory: DirectoryLookup): SignInServices => {
  const sessions = new SessionService(ports, directory);
  const oidc = new OidcService(ports, sessions);
  return { sessions, oidc, portal: new PortalService(ports, oidc, sessions) };
};
