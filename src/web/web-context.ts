// What every sign-in page handler needs: the session behind the cookie (or a new anonymous
// one), the CSRF check, and sending a page with headers that keep it out of frames and caches.

import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SessionService, HeldSession } from '../domain/sessions/session-service.js';
import type { OidcService } from '../domain/oidc/oidc-service.js';
import type { PeopleAudit } from '../domain/audit/people-audit.js';
import { checkCsrf } from '../domain/sessions/csrf.js';
import type { RelyingParty } from '../domain/directory/directory-credentials.js';
import type { Html } from './html.js';
import { readCookie, sessionCookieName, setSessionCookie } from './cookies.js';
import type { Form } from './form.js';

export interface WebDeps {
  readonly sessions: SessionService;
  readonly oidc: OidcService;
  /** Where what people do is recorded (the audit log). */
  readonly people: PeopleAudit;
  /** The configured public URL (`--public-url`): when set, the WebAuthn relying party. */
  readonly publicUrl?: string | undefined;
}

const PAGE_HEADERS: Readonly<Record<string, string>> = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  // Our own scripts and styles only (no inline ones); no framing (the consent pages must not be
  // clickjacked). No form-action: the consent forms end in a redirect to the client's loopback.
  'content-security-policy': "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'",
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  // User codes and authorization requests are in URLs: do not pass them on.
  'referrer-policy': 'no-referrer',
};

export const sendPage = (reply: FastifyReply, status: number, body: Html) => reply.code(status).headers(PAGE_HEADERS).send(body.text);

/**
 * The same for pages whose forms only ever post (and redirect) to us: the portal, Settings and
 * the console. Account lists and above all credentials must not stay in any cache.
 */
export const OWN_FORMS_PAGE_HEADERS: Readonly<Record<string, string>> = {
  ...PAGE_HEADERS,
  'content-security-policy': `${PAGE_HEADERS['content-security-policy']}; form-action 'self'`,
};

export const sendOwnFormsPage = (reply: FastifyReply, status: number, body: Html) => reply.code(status).headers(OWN_FORMS_PAGE_HEADERS).send(body.text);

export const redirect = (reply: FastifyReply, location: string) => reply.code(303).headers({ 'cache-control': 'no-store', location }).send();

export const currentSession = (deps: WebDeps, request: FastifyRequest): Promise<HeldSession | undefined> =>
  deps.sessions.resolve(readCookie(request, sessionCookieName(request)));

/** The live session, or a new anonymous one with its cookie set. */
export async function ensureSession(deps: WebDeps, request: FastifyRequest, reply: FastifyReply): Promise<HeldSession> {
  const held = await currentSession(deps, request);
  if (held) return held;
  const started = await deps.sessions.start();
  setSessionCookie(request, reply, started.token);
  return started;
}

export const signedIn = (held: HeldSession | undefined): held is HeldSession => held?.session.stage === 'active';

export const csrfOk = (held: HeldSession, form: Form): boolean => checkCsrf(held.token, form.csrf);

export const signInUrl = (next: string): string => `/signin?next=${encodeURIComponent(next)}`;

/**
 * The WebAuthn relying party: the configured public URL's host and origin when there is one (a
 * proxy that rewrites Host cannot move it), else the host name the browser used (the rp id;
 * WebAuthn refuses IP addresses) and the page's origin, which signed responses must name.
 */
export const relyingParty = (request: FastifyRequest, publicUrl?: string): RelyingParty => {
  if (publicUrl !== undefined) {
    const url = new URL(publicUrl);
    return { id: url.hostname, origin: url.origin };
  }
  const host = request.headers.host ?? 'localhost';
  return { id: new URL(`http://${host}`).hostname, origin: `${request.protocol}://${host}` };
};
