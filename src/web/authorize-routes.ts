// GET /authorize (RFC 6749 §4.1 with PKCE, as `aws sso login` sends it): check the request,
// sign in if needed, ask; POST /authorize: the answer, then back to the client's redirect URI
// with the code and state (or error=access_denied). The answer is recorded in the audit log
// (`Authorize`: the client, never the code, state or challenge).

import type { FastifyInstance } from 'fastify';
import { csrfToken } from '../domain/sessions/csrf.js';
import { readForm } from './form.js';
import { csrfOk, currentSession, redirect, sendPage, signedIn, signInUrl, type WebDeps } from './web-context.js';
import { consentPage } from './authorize-pages.js';
import { messagePage } from './sign-in-pages.js';
import { auditOrigin, personOf, SSO_OAUTH_SOURCE } from '../domain/audit/people-audit.js';

const PARAMS = ['response_type', 'client_id', 'redirect_uri', 'state', 'code_challenge_method', 'code_challenge', 'scopes', 'scope'] as const;

const authorizeParams = (source: Readonly<Record<string, unknown>>): Record<string, string> =>
  Object.fromEntries(PARAMS.flatMap((p) => (typeof source[p] === 'string' ? [[p, source[p] as string]] : [])));

export function registerAuthorizeRoutes(app: FastifyInstance, deps: WebDeps): void {
  app.get('/authorize', async (request, reply) => {
    const params = authorizeParams(request.query as Record<string, unknown>);
    const check = await deps.oidc.checkAuthorizeRequest(params);
    if (check.kind === 'show') return sendPage(reply, 400, messagePage('Cannot sign in', check.message));
    if (check.kind === 'redirect') return redirect(reply, check.location);
    const held = await currentSession(deps, request);
    if (!signedIn(held)) return redirect(reply, signInUrl(`/authorize?${new URLSearchParams(params).toString()}`));
    return sendPage(reply, 200, consentPage(csrfToken(held.token), check.client.clientName, params, check.request.redirectUri));
  });

  app.post('/authorize', async (request, reply) => {
    const form = readForm(request.body);
    const params = authorizeParams(form);
    const check = await deps.oidc.checkAuthorizeRequest(params);
    if (check.kind === 'show') return sendPage(reply, 400, messagePage('Cannot sign in', check.message));
    if (check.kind === 'redirect') return redirect(reply, check.location);
    const held = await currentSession(deps, request);
    if (!signedIn(held)) return redirect(reply, signInUrl(`/authorize?${new URLSearchParams(params).toString()}`));
    if (!csrfOk(held, form)) return sendPage(reply, 403, consentPage(csrfToken(held.token), check.client.clientName, params, check.request.redirectUri));
    const allow = form.decision === 'allow';
    const location = allow
      ? await deps.oidc.issueAuthorizationCode(check.client, check.request, held.session)
      : deps.oidc.denyAuthorization(check.request);
    await deps.people.record(auditOrigin(request), personOf(held.session), {
      source: SSO_OAUTH_SOURCE,
      name: 'Authorize',
      requestParameters: { clientId: check.client.clientId, scopes: check.request.scopes },
      additionalEventData: { clientName: check.client.clientName, decision: allow ? 'Allow' : 'Deny' },
    });
    return redirect(reply, location);
  });
}
