// GET/POST /signin: the sign-in steps for the session's stage (post, then redirect: a reload
// never posts a password twice), /signin/restart, and /signout. Each step posted and each
// sign-out is recorded in the audit log (audit-sign-in.ts).

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { csrfToken } from '../domain/sessions/csrf.js';
import type { HeldSession } from '../domain/sessions/session-service.js';
import * as steps from '../domain/sessions/sign-in-steps.js';
import { readForm, safeNext, type Form } from './form.js';
import { setSessionCookie } from './cookies.js';
import { csrfOk, currentSession, ensureSession, redirect, relyingParty, sendPage, signInUrl, type WebDeps } from './web-context.js';
import { qrCodeImage } from './sign-in-qr-code.js';
import * as pages from './sign-in-pages.js';
import { auditSignInStep } from './audit-sign-in.js';
import { auditOrigin, personOf, SIGNIN_SOURCE } from '../domain/audit/people-audit.js';

const EXPIRED = 'Your sign-in session has expired. Please sign in again.';
const FORM_EXPIRED = 'This form has expired. Please try again.';

async function renderStage(deps: WebDeps, request: FastifyRequest, reply: FastifyReply, held: HeldSession, next: string | undefined, message?: string, status = 200) {
  const f = { csrf: csrfToken(held.token), next };
  const s = held.session;
  const rp = relyingParty(request, deps.publicUrl);
  switch (s.stage) {
    case 'identify':
      return sendPage(reply, status, pages.userNamePage(f, message));
    case 'password':
      return sendPage(reply, status, pages.passwordPage(f, s, message));
    case 'mfa':
      return sendPage(reply, status, pages.mfaPage(f, await steps.beginMfa(deps.sessions, held, rp), message));
    case 'mfa-setup': {
      const { enrollment, held: updated } = await steps.beginMfaSetup(deps.sessions, held);
      const keyOptions = await steps.beginKeySetup(deps.sessions, updated, rp);
      return sendPage(reply, status, pages.mfaSetupPage(f, enrollment, await qrCodeImage(enrollment.otpauthUrl), keyOptions, message));
    }
    case 'change-password':
      return sendPage(reply, status, pages.changePasswordPage(f, message));
    case 'active':
      return sendPage(reply, status, pages.signedInPage(f, s));
  }
}

function runStep(deps: WebDeps, request: FastifyRequest, held: HeldSession, form: Form): Promise<steps.StepOutcome> | undefined {
  const svc = deps.sessions;
  // The security key forms carry the browser's answer in `webauthn`; the code forms do not.
  const key = form.webauthn;
  // A step posted for another stage (a second tab, the back button) just shows the current one.
  if (form.step !== held.session.stage) return undefined;
  switch (held.session.stage) {
    case 'identify':
      return steps.submitUserName(svc, held, form.username ?? '');
    case 'password':
      return steps.submitPassword(svc, held, form.password ?? '');
    case 'mfa':
      if (key !== undefined) return steps.submitMfaKey(svc, held, relyingParty(request, deps.publicUrl), key);
      return steps.submitMfaCode(svc, held, form.code ?? '');
    case 'mfa-setup':
      if (key !== undefined) return steps.submitKeySetup(svc, held, relyingParty(request, deps.publicUrl), key);
      return steps.submitMfaSetup(svc, held, form.code ?? '');
    case 'change-password':
      return steps.submitPasswordChange(svc, held, { current: form.current ?? '', next: form.new ?? '', confirm: form.confirm ?? '' });
    default:
      return undefined;
  }
}

export function registerSignInRoutes(app: FastifyInstance, deps: WebDeps): void {
  app.get('/signin', async (request: FastifyRequest, reply) => {
    const next = safeNext((request.query as Record<string, unknown>).next);
    const held = await ensureSession(deps, request, reply);
    if (held.session.stage === 'active' && next) return redirect(reply, next);
    return renderStage(deps, request, reply, held, next);
  });

  app.post('/signin', async (request, reply) => {
    const form = readForm(request.body);
    const next = safeNext(form.next);
    const held = await currentSession(deps, request);
    if (!held) return renderStage(deps, request, reply, await ensureSession(deps, request, reply), next, EXPIRED, 401);
    if (!csrfOk(held, form)) return renderStage(deps, request, reply, held, next, FORM_EXPIRED, 403);
    const outcome = await runStep(deps, request, held, form);
    if (!outcome) return redirect(reply, next ? signInUrl(next) : '/signin');
    await auditSignInStep(deps, request, held, form, outcome);
    if (outcome.kind === 'retry') return renderStage(deps, request, reply, outcome.held, next, outcome.message, 401);
    if (outcome.kind === 'signed-in') {
      setSessionCookie(request, reply, outcome.held.token);
      return redirect(reply, next ?? '/signin');
    }
    return redirect(reply, next ? signInUrl(next) : '/signin');
  });

  app.post('/signin/restart', async (request, reply) => {
    const form = readForm(request.body);
    const held = await currentSession(deps, request);
    if (held && csrfOk(held, form)) await steps.restartSignIn(deps.sessions, held);
    const next = safeNext(form.next);
    return redirect(reply, next ? signInUrl(next) : '/signin');
  });

  app.post('/signout', async (request, reply) => {
    const form = readForm(request.body);
    const held = await currentSession(deps, request);
    if (held && csrfOk(held, form)) {
      await deps.sessions.endSession(held.session.sessionId);
      if (held.session.stage === 'active') await deps.people.record(auditOrigin(request), personOf(held.session), { source: SIGNIN_SOURCE, name: 'Logout' });
      setSessionCookie(request, reply, '', 0);
    }
    return redirect(reply, '/signin');
  });
}
