// /device (RFC 8628 §3.3): sign in if needed, enter or confirm the user code (prefilled from
// `?user_code=`), see which application asks, allow or deny. A session gets five wrong codes;
// after that /device refuses it, so codes cannot be guessed from one sign-in. The answer is
// recorded in the audit log (`AuthorizeDevice`, never the code).

import type { FastifyInstance, FastifyReply } from 'fastify';
import { csrfToken } from '../domain/sessions/csrf.js';
import type { HeldSession } from '../domain/sessions/session-service.js';
import { formatUserCode, normalizeUserCode } from '../domain/oidc/user-code.js';
import { MAX_USER_CODE_FAILURES } from '../domain/oidc/device-flow.js';
import { readForm } from './form.js';
import { csrfOk, currentSession, redirect, sendPage, signedIn, signInUrl, type WebDeps } from './web-context.js';
import { confirmDevicePage, enterCodePage } from './device-pages.js';
import { messagePage } from './sign-in-pages.js';
import { auditOrigin, personOf, SSO_OAUTH_SOURCE } from '../domain/audit/people-audit.js';

const WRONG = 'That code is not valid or has expired. Check the code and try again.';
const TOO_MANY = 'Too many codes that were not valid were entered. Sign out, sign in again and start over on your device.';

const tooMany = (reply: FastifyReply) => sendPage(reply, 429, messagePage('Authorize a device', TOO_MANY));

/** The signed-in session of a form post, or why there is none (already answered). */
async function postSession(deps: WebDeps, request: Parameters<typeof currentSession>[1], reply: FastifyReply, form: Record<string, string>) {
  const held = await currentSession(deps, request);
  if (!signedIn(held)) {
    await redirect(reply, signInUrl('/device'));
    return undefined;
  }
  if (!csrfOk(held, form)) {
    await sendPage(reply, 403, enterCodePage(csrfToken(held.token), '', 'This form has expired. Please try again.'));
    return undefined;
  }
  if (held.session.userCodeFailures >= MAX_USER_CODE_FAILURES) {
    await tooMany(reply);
    return undefined;
  }
  return held;
}

async function wrongCode(deps: WebDeps, reply: FastifyReply, held: HeldSession, typed: string) {
  const failures = await deps.sessions.addUserCodeFailure(held.session.sessionId);
  if (failures > MAX_USER_CODE_FAILURES) return tooMany(reply);
  return sendPage(reply, 400, enterCodePage(csrfToken(held.token), typed, WRONG));
}

export function registerDeviceRoutes(app: FastifyInstance, deps: WebDeps): void {
  app.get('/device', async (request, reply) => {
    const typed = (request.query as Record<string, unknown>).user_code;
    const code = typeof typed === 'string' ? typed.slice(0, 16) : '';
    const held = await currentSession(deps, request);
    if (!signedIn(held)) return redirect(reply, signInUrl(code ? `/device?user_code=${encodeURIComponent(code)}` : '/device'));
    return sendPage(reply, 200, enterCodePage(csrfToken(held.token), code));
  });

  app.post('/device', async (request, reply) => {
    const form = readForm(request.body);
    const held = await postSession(deps, request, reply, form);
    if (!held) return reply;
    const typed = (form.user_code ?? '').slice(0, 16);
    const userCode = normalizeUserCode(typed);
    const found = userCode ? await deps.oidc.findPendingDevice(userCode) : undefined;
    if (!found) return wrongCode(deps, reply, held, typed);
    return sendPage(reply, 200, confirmDevicePage(csrfToken(held.token), found.client.clientName, formatUserCode(found.device.userCode)));
  });

  app.post('/device/confirm', async (request, reply) => {
    const form = readForm(request.body);
    const held = await postSession(deps, request, reply, form);
    if (!held) return reply;
    const userCode = normalizeUserCode(form.user_code ?? '');
    const found = userCode ? await deps.oidc.findPendingDevice(userCode) : undefined;
    if (!found) return wrongCode(deps, reply, held, form.user_code ?? '');
    const allow = form.decision === 'allow';
    if (!(await deps.oidc.decideDevice(found.device, held.session, allow))) {
      return sendPage(reply, 400, messagePage('Authorize a device', 'This code has been answered already or has expired.'));
    }
    await deps.people.record(auditOrigin(request), personOf(held.session), {
      source: SSO_OAUTH_SOURCE,
      name: 'AuthorizeDevice',
      requestParameters: { clientId: found.client.clientId },
      additionalEventData: { clientName: found.client.clientName, decision: allow ? 'Allow' : 'Deny' },
    });
    return allow
      ? sendPage(reply, 200, messagePage('Device authorized', `${found.client.clientName} can now access your accounts. You may close this window.`))
      : sendPage(reply, 200, messagePage('Request denied', 'The request was denied. You may close this window.'));
  });
}
