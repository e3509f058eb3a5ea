// The sign-in area on the app: the HTML sign-in, /device and /authorize pages, sso-oidc and the
// portal API. What people do there is recorded in the audit log through one PeopleAudit.

import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Services } from '../domain/services.js';
import { registerOidcRoutes } from '../protocols/sso-oidc/register-oidc-routes.js';
import { registerPortalRoutes } from '../protocols/portal/register-portal-routes.js';
import { registerSignInRoutes } from '../web/sign-in-routes.js';
import { registerDeviceRoutes } from '../web/device-routes.js';
import { registerAuthorizeRoutes } from '../web/authorize-routes.js';
import { registerPortalPages } from './portal-routes.js';
import { registerSettingsRoutes } from './settings-routes.js';
import { registerFederationRoutes } from './federation-routes.js';
import { registerConsoleRoutes } from './console-routes.js';
import { registerSamlRoutes } from './saml-routes.js';
import { PeopleAudit } from '../domain/audit/people-audit.js';

/** The base URL as the client reached us (behind a proxy, its Host and scheme). */
const baseUrl = (request: FastifyRequest): string => `${request.protocol}://${request.headers.host ?? 'localhost'}`;

export function registerWebRoutes(app: FastifyInstance, services: Services, region: string, publicUrl?: string): void {
  const log = (e: unknown) => app.log.error({ err: e }, 'sign-in request failed');
  const people = new PeopleAudit(services.audit, region);
  registerOidcRoutes(app, { oidc: services.oidc, baseUrl, log, people });
  registerPortalRoutes(app, services.portal, people, log);
  const deps = { sessions: services.sessions, oidc: services.oidc, people, publicUrl };
  registerSignInRoutes(app, deps);
  registerDeviceRoutes(app, deps);
  registerAuthorizeRoutes(app, deps);
  registerPortalPages(app, services, people, region);
  registerSettingsRoutes(app, services, people, publicUrl);
  registerFederationRoutes(app, services, people);
  registerConsoleRoutes(app, services, people, region);
  registerSamlRoutes(app, services, people, publicUrl);
}
