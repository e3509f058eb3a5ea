// The access portal's pages at /start: the Accounts and Applications tabs, a role's access keys,
// and the portal's own script and styles. Every page needs a signed-in portal session (the
// sign-in pages' cookie); without one it sends the browser to /signin and back here after.
// Access keys issued (or refused) are recorded in the audit log as GetRoleCredentials.

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../domain/services.js';
import type { Instance } from '../domain/instance/instance-repository.js';
import { GatehouseError } from '../lib/errors.js';
import { csrfToken } from '../domain/sessions/csrf.js';
import type { HeldSession } from '../domain/sessions/session-service.js';
import { currentSession, OWN_FORMS_PAGE_HEADERS, redirect, sendOwnFormsPage, signedIn, signInUrl, type WebDeps } from '../web/web-context.js';
import { html, type Html } from '../web/html.js';
import { PORTAL_ASSETS } from '../web/portal/portal-assets.js';
import { assetResponse } from '../web/portal/asset-response.js';
import { encodePage } from '../web/portal/compressed-page.js';
import { portalPage, type PortalFrame, type PortalTab } from '../web/portal/portal-layout.js';
import { portalCatalog } from '../web/portal/portal-catalog.js';
import { accountsPage } from '../web/portal/accounts-page.js';
import { applicationsPage } from '../web/portal/applications-page.js';
import { credentialsPage } from '../web/portal/credentials-page.js';
import { auditOrigin, personOf, type PeopleAudit } from '../domain/audit/people-audit.js';
import { roleCredentialsEvent } from '../web/audit-role-credentials.js';

const send = sendOwnFormsPage;

const queryOf = (request: FastifyRequest): Record<string, unknown> => (request.query ?? {}) as Record<string, unknown>;
const text = (v: unknown): string => (typeof v === 'string' ? v : '');

export function registerPortalPages(app: FastifyInstance, services: Services, people: PeopleAudit, region: string): void {
  const deps: WebDeps = { sessions: services.sessions, oidc: services.oidc, people };
  let cachedInstance: Instance | undefined;
  const instance = async (): Promise<Instance> => {
    cachedInstance ??= await services.ports.store.instance.get();
    if (!cachedInstance) throw new GatehouseError('InvalidState', 'Gatehouse has not been initialized.');
    return cachedInstance;
  };

  /** The signed-in session, or undefined after sending the browser to sign in (and back). */
  const requireSignIn = async (request: FastifyRequest, reply: FastifyReply): Promise<HeldSession | undefined> => {
    const held = await currentSession(deps, request);
    if (signedIn(held)) return held;
    redirect(reply, signInUrl(request.url));
    return undefined;
  };
  const frame = (held: HeldSession, tab: PortalTab): PortalFrame => ({ userName: held.session.userName ?? '', csrf: csrfToken(held.token), tab });

  app.get('/start/assets/:name', async (request, reply) => {
    const asset = PORTAL_ASSETS.get((request.params as { name: string }).name);
    if (!asset) return reply.code(404).header('content-type', 'text/plain; charset=utf-8').send('Not found');
    const answer = assetResponse(asset, request.headers['accept-encoding'], request.headers['if-none-match']);
    return reply.code(answer.status).headers(answer.headers).send(answer.body);
  });

  app.get('/start', async (request, reply) => {
    const held = await requireSignIn(request, reply);
    if (!held) return reply;
    const accounts = await portalCatalog(services.ports.store, await instance(), held.session.userId!);
    const q = text(queryOf(request).q).slice(0, 256);
    const page = accountsPage(frame(held, 'accounts'), accounts, q);
    if (q !== '') return send(reply, 200, page);
    // Compressed only when it echoes no input (see encodePage): the usual visit, and the heavy one.
    const encoded = encodePage(page.text, request.headers['accept-encoding']);
    return reply.code(200).headers({ ...OWN_FORMS_PAGE_HEADERS, ...encoded.headers }).send(encoded.body);
  });

  app.get('/start/applications', async (request, reply) => {
    const held = await requireSignIn(request, reply);
    if (!held) return reply;
    return send(reply, 200, applicationsPage(frame(held, 'applications'), await services.applications.applicationsForUser(held.session.userId!)));
  });

  app.get('/start/credentials', async (request, reply) => {
    const held = await requireSignIn(request, reply);
    if (!held) return reply;
    const q = queryOf(request);
    const accountId = text(q.account_id);
    const roleName = text(q.role_name);
    const account = /^\d{12}$/.test(accountId) ? await services.ports.store.organizations.getAccount(accountId) : undefined;
    const credentials = account && roleName ? await services.portal.sessionRoleCredentials(held.session, accountId, roleName) : undefined;
    await people.record(auditOrigin(request), personOf(held.session), roleCredentialsEvent(accountId, roleName, 'AccessKeysPage', credentials));
    if (!account || !credentials) {
      return send(reply, 404, portalPage('No access', frame(held, undefined), html`<h1>No access</h1><p class="card">You do not hold this role on this account, or it is still being set up. <a href="/start">Back to your accounts</a>.</p>`));
    }
    const startUrl = `${request.protocol}://${request.headers.host ?? 'localhost'}/start`;
    return send(reply, 200, credentialsPage(frame(held, undefined), { account, roleName, credentials, region, startUrl }));
  });
}
