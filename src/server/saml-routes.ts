// Gatehouse as a SAML 2.0 identity provider for applications:
//   GET  /saml/{id}/metadata.xml   the application's IdP metadata (current and next certificates)
//   GET  /saml/{id}/sso            SP-initiated sign-on, HTTP-Redirect binding
//   POST /saml/{id}/sso            SP-initiated sign-on, HTTP-POST binding
//   GET  /saml/{id}/continue       the accepted request, after sign-in: the auto-posting response
//   POST /start/applications/{id}/launch   IdP-initiated sign-on from the portal (CSRF-checked)
// An accepted request always continues with a same-site GET, because the session cookie is
// SameSite=Lax and a cross-site POST arrives without it. Each response issued to an application
// (or refused, the user not assigned) is recorded in the audit log as `Authenticate`.

import type { AddressInfo } from 'node:net';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../domain/services.js';
import type { Application } from '../domain/applications/application.js';
import { isGatehouseError } from '../lib/errors.js';
import { signingKeySet, publishedCertificates } from '../domain/saml-keys/saml-signing-keys.js';
import { buildIdpMetadata } from '../saml/idp-metadata.js';
import { idpEndpoints } from '../saml/saml-endpoints.js';
import { acceptAuthnRequest, type SamlBinding } from '../saml/accept-authn-request.js';
import { openPendingSignOn, sealPendingSignOn } from '../saml/pending-sign-on.js';
import { applicationResponse } from '../saml/application-response.js';
import { currentSession, csrfOk, redirect, sendPage, signedIn, signInUrl, type WebDeps } from '../web/web-context.js';
import { readForm } from '../web/form.js';
import { AUTO_POST_SCRIPT, AUTO_POST_SCRIPT_PATH, autoPostPage, samlErrorPage } from '../web/saml/auto-post-page.js';
import type { HeldSession } from '../domain/sessions/session-service.js';
import { auditOrigin, personOf, SSO_SOURCE, type PeopleAudit } from '../domain/audit/people-audit.js';

// The sign-on pages carry the sign-in pages' headers: no-store (a SAML response in a cache would be
// a credential left behind), our own script only, and no form-action, since the response is posted
// to the application, which may redirect after it.
const send = sendPage;

const STATUS: Readonly<Record<string, number>> = { Validation: 400, NotFound: 404, AccessDenied: 403, Unauthenticated: 401 };

/** The listening address, for when no public URL is configured. */
const listeningUrl = (app: FastifyInstance): string => {
  const a = app.server.address() as AddressInfo | null;
  if (!a) return 'http://localhost';
  return `http://${a.family === 'IPv6' ? `[${a.address}]` : a.address}:${a.port}`;
};

export function registerSamlRoutes(app: FastifyInstance, services: Services, people: PeopleAudit, configuredPublicUrl?: string): void {
  const publicUrl = () => configuredPublicUrl ?? listeningUrl(app);
  const deps: WebDeps = { sessions: services.sessions, oidc: services.oidc, people };
  const { ports } = services;
  const idOf = (request: FastifyRequest) => (request.params as { applicationId: string }).applicationId;

  /** Runs a handler; refusals become a clear page with their status, never a 500. */
  const guarded = (handler: (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>) => async (request: FastifyRequest, reply: FastifyReply) => {
    try {
      return await handler(request, reply);
    } catch (e) {
      if (isGatehouseError(e) && STATUS[e.code]) return send(reply, STATUS[e.code]!, samlErrorPage(e.message));
      request.log.error({ err: e }, 'SAML sign-on failed');
      return send(reply, 500, samlErrorPage('Something went wrong on our side.'));
    }
  };
  const application = (request: FastifyRequest): Promise<Application> => services.applications.describe(idOf(request));

  /** The signed response for the signed-in user, recorded as given (or refused). */
  const signOn = (request: FastifyRequest, held: HeldSession, a: Application, initiatedBy: 'SP' | 'IdP', inResponseTo?: string) =>
    people.around(
      auditOrigin(request),
      personOf(held.session),
      { source: SSO_SOURCE, name: 'Authenticate', additionalEventData: { applicationId: a.applicationId, applicationName: a.name, acsUrl: a.acsUrl, initiatedBy } },
      () => applicationResponse(services, publicUrl(), a, held.session.userId!, inResponseTo),
    );

  app.get(AUTO_POST_SCRIPT_PATH, async (_request, reply) =>
    reply.headers({ 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff' }).send(AUTO_POST_SCRIPT),
  );

  app.get('/saml/:applicationId/metadata.xml', guarded(async (request, reply) => {
    const a = await application(request);
    const endpoints = idpEndpoints(publicUrl(), a.applicationId);
    const keys = await signingKeySet(ports);
    const xml = buildIdpMetadata({
      entityId: endpoints.entityId,
      ssoUrl: endpoints.ssoUrl,
      signingCertificatesPem: publishedCertificates(keys),
      wantAuthnRequestsSigned: a.requireSignedAuthnRequests,
      // Service providers that refresh metadata pick up a rotation's next key within a day.
      cacheDuration: 'PT24H',
    });
    return reply.headers({ 'content-type': 'application/samlmetadata+xml; charset=utf-8', 'cache-control': 'no-cache' }).send(xml);
  }));

  const acceptRequest = (binding: (request: FastifyRequest) => SamlBinding) => guarded(async (request, reply) => {
    const a = await application(request);
    const now = ports.clock.now();
    const accepted = acceptAuthnRequest(binding(request), a, idpEndpoints(publicUrl(), a.applicationId).ssoUrl, now);
    const pending = sealPendingSignOn(ports.keyRing, { applicationId: a.applicationId, ...accepted }, now);
    return redirect(reply, `/saml/${encodeURIComponent(a.applicationId)}/continue?${new URLSearchParams({ p: pending })}`);
  });
  app.get('/saml/:applicationId/sso', acceptRequest((request) => ({ kind: 'redirect', url: request.url })));
  app.post('/saml/:applicationId/sso', acceptRequest((request) => ({ kind: 'post', form: readForm(request.body) })));

  app.get('/saml/:applicationId/continue', guarded(async (request, reply) => {
    const a = await application(request);
    const sealed = (request.query as Record<string, unknown>).p;
    const pending = typeof sealed === 'string' ? openPendingSignOn(ports.keyRing, sealed, a.applicationId, ports.clock.now()) : undefined;
    if (!pending) return send(reply, 400, samlErrorPage('This sign-on request has expired or is not valid. Start again from the application.'));
    const held = await currentSession(deps, request);
    if (!signedIn(held)) return redirect(reply, signInUrl(request.url));
    const response = await signOn(request, held, a, 'SP', pending.requestId);
    return send(reply, 200, autoPostPage({ ...response, applicationName: a.name, ...(pending.relayState !== undefined ? { relayState: pending.relayState } : {}) }));
  }));

  app.post('/start/applications/:applicationId/launch', guarded(async (request, reply) => {
    const held = await currentSession(deps, request);
    if (!signedIn(held)) return redirect(reply, signInUrl('/start/applications'));
    if (!csrfOk(held, readForm(request.body))) return send(reply, 403, samlErrorPage('The form has expired. Go back to the portal and open the application again.'));
    const a = await application(request);
    const response = await signOn(request, held, a, 'IdP');
    return send(reply, 200, autoPostPage({ ...response, applicationName: a.name, ...(a.relayState !== undefined ? { relayState: a.relayState } : {}) }));
  }));
}
