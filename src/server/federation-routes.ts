// The federation endpoint, as AWS's sign-in service has it for custom identity brokers, so the
// portal and CLI tools reach the console one way:
//   /federation?Action=getSigninToken&Session={"sessionId","sessionKey","sessionToken"}
//     answers {"SigninToken": "..."}: sealed, single-use, valid 15 minutes (less when the
//     credentials expire sooner). POST with a form body keeps the credentials out of URLs.
//   /federation?Action=login&SigninToken=...&Destination=...
//     sets the console cookie and sends the browser to Destination when it is a page of our
//     console (anything else lands on the console's home: never an open redirect).
// The logger redacts Session and SigninToken from every URL it writes. Each login is recorded in
// the audit log as `ConsoleLogin` (by the role session; `Failure` and why when refused).

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../domain/services.js';
import { GatehouseError } from '../lib/errors.js';
import { ConsoleService } from '../domain/console/console-service.js';
import { readForm } from '../web/form.js';
import { redirect, sendOwnFormsPage as sendConsolePage } from '../web/web-context.js';
import { setConsoleCookie } from '../web/console/console-cookie.js';
import { consoleDestination, CONSOLE_HOME } from '../web/console/console-destination.js';
import { consoleMessagePage } from '../web/console/console-layout.js';
import { auditOrigin, errorOf, roleSessionIdentity, SIGNIN_SOURCE, UNKNOWN_IDENTITY, type PeopleAudit } from '../domain/audit/people-audit.js';

type Params = Readonly<Record<string, string>>;

const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const queryParams = (request: FastifyRequest): Params =>
  Object.fromEntries(Object.entries((request.query ?? {}) as Record<string, unknown>).flatMap(([k, v]) => (text(v) === undefined ? [] : [[k, v as string]])));

const STATUS: Partial<Record<GatehouseError['code'], number>> = { Validation: 400, Unauthenticated: 403, AccessDenied: 403 };

const sendJson = (reply: FastifyReply, status: number, body: unknown) =>
  reply.code(status).headers({ 'content-type': 'application/json', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' }).send(JSON.stringify(body));

export const originOf = (request: FastifyRequest): string => `${request.protocol}://${request.headers.host ?? 'localhost'}`;

export function registerFederationRoutes(app: FastifyInstance, services: Services, people: PeopleAudit): void {
  const consoleService = new ConsoleService(services.ports, services.sts, services.sessions);

  const getSigninToken = async (reply: FastifyReply, p: Params) => {
    // The console session lasts exactly as long as the credentials; a duration of its own would
    // only mislead (AWS refuses SessionDuration for role credentials too).
    if (p.SessionDuration !== undefined) {
      return sendJson(reply, 400, { Code: 'InvalidParameter', Message: 'SessionDuration is not supported: the console session lasts as long as the credentials.' });
    }
    const { signinToken } = await consoleService.signinToken(p.Session);
    return sendJson(reply, 200, { SigninToken: signinToken });
  };

  const login = async (request: FastifyRequest, reply: FastifyReply, p: Params) => {
    const destination = consoleDestination(p.Destination, originOf(request)) ?? CONSOLE_HOME;
    const event = { source: SIGNIN_SOURCE, name: 'ConsoleLogin' };
    let opened: Awaited<ReturnType<ConsoleService['login']>>;
    try {
      opened = await consoleService.login(p.SigninToken);
    } catch (e) {
      await people.record(auditOrigin(request), UNKNOWN_IDENTITY, { ...event, error: { code: 'Failure', message: errorOf(e).message } });
      throw e;
    }
    const { cookie, session } = opened;
    // Credentials the portal issued name the person; any other broker's are the role's alone.
    const portalUser = session.portalSessionId !== undefined ? { IdentityCenterUserId: session.caller.userId } : {};
    await people.record(auditOrigin(request), roleSessionIdentity(session), { ...event, additionalEventData: { LoginTo: destination, ...portalUser } });
    setConsoleCookie(request, reply, cookie, (session.expiresAt - services.ports.clock.now()) / 1000);
    return redirect(reply, destination);
  };

  const handle = async (request: FastifyRequest, reply: FastifyReply, p: Params) => {
    const action = (p.Action ?? '').toLowerCase();
    try {
      if (action === 'getsignintoken') return await getSigninToken(reply, p);
      if (action === 'login') return await login(request, reply, p);
      return sendJson(reply, 400, { Code: 'InvalidAction', Message: 'Action must be getSigninToken or login.' });
    } catch (e) {
      if (!(e instanceof GatehouseError) || STATUS[e.code] === undefined) {
        app.log.error({ err: e }, 'federation request failed');
        return sendJson(reply, 500, { Code: 'InternalFailure', Message: 'The request could not be completed.' });
      }
      const status = STATUS[e.code]!;
      if (action === 'login') return sendConsolePage(reply, status, consoleMessagePage('Console sign-in refused', e.message));
      return sendJson(reply, status, { Code: e.details.reason ?? e.code, Message: e.message });
    }
  };

  app.get('/federation', (request, reply) => handle(request, reply, queryParams(request)));
  app.post('/federation', (request, reply) => handle(request, reply, { ...queryParams(request), ...readForm(request.body) }));
}
