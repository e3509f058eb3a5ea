// A sign-in step as the audit log tells it, with AWS sign-in's event names: each password or MFA
// attempt is a `CredentialVerification` (its `CredentialType`; `Failure` and the page's own
// message when it failed, so the log says no more about the user than the page did), asking for
// a second factor is a `CredentialChallenge`, and the session becoming signed in is
// `UserAuthentication`. Registering a device during sign-in is `RegisterMfaDevice`; the new
// password after a one-time one is `UpdatePassword`.

import type { FastifyRequest } from 'fastify';
import type { HeldSession } from '../domain/sessions/session-service.js';
import type { StepOutcome } from '../domain/sessions/sign-in-steps.js';
import { auditOrigin, personOf, SIGNIN_SOURCE, type PersonEvent } from '../domain/audit/people-audit.js';
import type { Form } from './form.js';
import type { WebDeps } from './web-context.js';

const event = (name: string, additionalEventData: Record<string, unknown>, failure?: string): PersonEvent => ({
  source: SIGNIN_SOURCE,
  name,
  additionalEventData,
  ...(failure !== undefined ? { error: { code: 'Failure', message: failure } } : {}),
});

/** The MFA kinds the user's devices offer: `TOTP`, `WEBAUTHN`, or both (comma-separated). */
async function offeredKinds(deps: WebDeps, userId: string): Promise<string> {
  const kinds = new Set((await deps.sessions.directory().listMfaDevices(userId)).map((d) => (d.kind === 'totp' ? 'TOTP' : 'WEBAUTHN')));
  return [...kinds].sort().join(',');
}

/** Whether a second factor was passed in this sign-in, given the step that completed it. */
async function mfaUsed(deps: WebDeps, stage: string, userId: string): Promise<boolean> {
  if (stage === 'mfa' || stage === 'mfa-setup') return true;
  if (stage === 'password') return false;
  // After a forced password change: MFA was asked first whenever the user has a device and MFA is on.
  const directory = deps.sessions.directory();
  return (await directory.mfaMode()) !== 'off' && (await directory.listMfaDevices(userId)).length > 0;
}

/** Records what the step `form` ran on `before` did; `outcome` is its answer. */
export async function auditSignInStep(deps: WebDeps, request: FastifyRequest, before: HeldSession, form: Form, outcome: StepOutcome): Promise<void> {
  const stage = before.session.stage;
  const origin = auditOrigin(request);
  const failed = outcome.kind === 'retry' ? outcome.message : undefined;
  // On failure the user is who the session knew (the name as typed, before the password); on success, who they proved to be.
  const who = personOf(failed !== undefined ? before.session : outcome.held.session);
  const kind = form.webauthn !== undefined ? 'WEBAUTHN' : 'TOTP';
  switch (stage) {
    case 'password':
      await deps.people.record(origin, who, event('CredentialVerification', { CredentialType: 'PASSWORD' }, failed));
      break;
    case 'mfa':
      await deps.people.record(origin, who, event('CredentialVerification', { CredentialType: kind }, failed));
      break;
    case 'mfa-setup':
      await deps.people.record(origin, who, event('RegisterMfaDevice', { CredentialType: kind, Context: 'SignIn' }, failed));
      break;
    case 'change-password':
      await deps.people.record(origin, who, event('UpdatePassword', { Context: 'SignIn' }, failed));
      break;
    default:
      return;
  }
  const userId = outcome.held.session.userId;
  if (failed !== undefined || userId === undefined) return;
  if (outcome.kind === 'next' && outcome.held.session.stage === 'mfa') {
    await deps.people.record(origin, who, event('CredentialChallenge', { CredentialType: await offeredKinds(deps, userId) }));
  } else if (outcome.kind === 'signed-in') {
    await deps.people.record(origin, who, event('UserAuthentication', { MFAUsed: (await mfaUsed(deps, stage, userId)) ? 'Yes' : 'No' }));
  }
}
