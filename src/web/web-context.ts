// What every sign-in page handler needs: the session behind the cookie (or a new anonymous
// one), the CSRF check, and sending a page with headers that keep it out of frames and caches.

import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SessionService, HeldSession } from '../domain/sessions/session-service.js';
import type { OidcService } from '../domain/oidc/oidc-service.js';
import { checkCsrf } from '../domain/sessions/csrf.js';
import type { Html } from './html.js';
import { readCookie, sessionCookieName, setSessionCookie } from './cookies.js';
import type { Form } from './form.js';

export interface WebDeps {
  readonly sessions: SessionService;
  readonly oidc: OidcService;
}

const PAGE_HEADERS: Readonly<Record<string, string>> = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  // No scripts at all; no framing (the consent pages must not be clickjacked).
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'",
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  // User codes and authorization requests are in URLs: do not pass them on.
  'referrer-policy': 'no-referrer',
};

export const sendPage = (reply: FastifyReply, status: number, body: Html) => reply.code(status).headers(PAGE_HEADERS).send(body.text);

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
