// The sign-in steps, each a form the web layer shows for the session's stage: user name, then
// password, then the second factor (an authenticator code or a security key/passkey; or
// registering either when MFA is required and the user has none), then a new password after a
// one-time password. WebAuthn challenges are bound to the portal session (its id). Each step
// answers the next stage, or a message for the same one; the last step rotates the session
// (SessionService.activate).

import { invalid, isGatehouseError } from '../../lib/errors.js';
import type { Ceremony, RelyingParty } from '../directory/directory-credentials.js';
import type { HeldSession, SessionService } from './session-service.js';

export type StepOutcome =
  | { readonly kind: 'next'; readonly held: HeldSession }
  | { readonly kind: 'retry'; readonly held: HeldSession; readonly message: string }
  | { readonly kind: 'signed-in'; readonly held: HeldSession };

export const WRONG_PASSWORD = 'The user name or password is incorrect.';
export const LOCKED = 'Too many failed sign-in attempts: this user is locked for now.';

const waitFor = (seconds: number | undefined): string =>
  seconds === undefined ? 'Try again later.' : seconds < 90 ? `Try again in ${seconds} seconds.` : `Try again in ${Math.ceil(seconds / 60)} minutes.`;

export const WRONG_CODE = 'The code is not valid. Check your authenticator app and try again.';
export const WRONG_KEY = 'The security key or passkey was not accepted. Try again.';
const KEY_NOT_REGISTERED = 'The security key or passkey could not be registered. Try again.';

const next = (held: HeldSession): StepOutcome => ({ kind: 'next', held });
const retry = (held: HeldSession, message: string): StepOutcome => ({ kind: 'retry', held, message });

/** After the password (and after MFA): the next stage, or signed in. */
async function afterFactors(svc: SessionService, held: HeldSession, mfaDone: boolean): Promise<StepOutcome> {
  const userId = held.session.userId!;
  const directory = svc.directory();
  if (!mfaDone) {
    const mode = await directory.mfaMode();
    const devices = mode === 'off' ? [] : await directory.listMfaDevices(userId);
    if (devices.length > 0) return next(await svc.update(held, { stage: 'mfa' }));
    if (mode === 'required') return next(await svc.update(held, { stage: 'mfa-setup' }));
  }
  if (held.session.mustChangePassword) return next(await svc.update(held, { stage: 'change-password' }));
  return { kind: 'signed-in', held: await svc.activate(held) };
}

export async function submitUserName(svc: SessionService, held: HeldSession, userName: string): Promise<StepOutcome> {
  const name = userName.trim();
  if (name === '' || name.length > 128) return retry(held, 'Enter your user name.');
  // Whether the user exists is not told here: the password step answers alike for both.
  return next(await svc.update(held, { stage: 'password', userName: name }));
}

export async function submitPassword(svc: SessionService, held: HeldSession, password: string): Promise<StepOutcome> {
  const check = await svc.directory().checkPassword(held.session.userName ?? '', password);
  if (!check.ok) {
    if (check.reason === 'locked') {
      return retry(held, `${LOCKED} ${waitFor(check.retryAfterSeconds)}`);
    }
    return retry(held, WRONG_PASSWORD);
  }
  const signedIn = await svc.update(held, { userId: check.userId, userName: check.userName, mustChangePassword: check.mustChangePassword });
  return afterFactors(svc, signedIn, false);
}

export async function submitMfaCode(svc: SessionService, held: HeldSession, code: string): Promise<StepOutcome> {
  if (!(await svc.directory().verifyTotp(held.session.userId!, code.replace(/\s/g, '')))) return retry(held, WRONG_CODE);
  return afterFactors(svc, held, true);
}

/** The ceremony of this sign-in: its user, in this portal session, with this relying party. */
export const ceremonyOf = (held: HeldSession, rp: RelyingParty): Ceremony => ({ userId: held.session.userId!, bindingId: held.session.sessionId, rp });

/** The browser's WebAuthn answer, as posted in the form's hidden field. */
const parseAnswer = (posted: string): unknown => {
  if (posted.length === 0 || posted.length > 16_384) return undefined;
  try {
    return JSON.parse(posted);
  } catch {
    return undefined;
  }
};

/** What the MFA page offers: the kinds of device the user has, and options for a key if any. */
export async function beginMfa(svc: SessionService, held: HeldSession, rp: RelyingParty) {
  const directory = svc.directory();
  const devices = await directory.listMfaDevices(held.session.userId!);
  const hasTotp = devices.some((d) => d.kind === 'totp');
  const webauthn = devices.some((d) => d.kind === 'webauthn') ? await directory.startWebAuthnAuthentication(ceremonyOf(held, rp)) : undefined;
  return { hasTotp, webauthn };
}

export async function submitMfaKey(svc: SessionService, held: HeldSession, rp: RelyingParty, posted: string): Promise<StepOutcome> {
  const answer = parseAnswer(posted);
  if (answer === undefined || !(await svc.directory().verifyWebAuthn(ceremonyOf(held, rp), answer))) return retry(held, WRONG_KEY);
  return afterFactors(svc, held, true);
}

/** Registering a security key or passkey instead of an authenticator app (MFA required, none yet). */
export async function beginKeySetup(svc: SessionService, held: HeldSession, rp: RelyingParty) {
  try {
    return await svc.directory().startWebAuthnRegistration(ceremonyOf(held, rp));
  } catch (e) {
    // No key can be added (the limit): the page offers the authenticator app alone.
    if (isGatehouseError(e)) return undefined;
    throw e;
  }
}

export async function submitKeySetup(svc: SessionService, held: HeldSession, rp: RelyingParty, posted: string): Promise<StepOutcome> {
  const answer = parseAnswer(posted);
  if (answer === undefined) return retry(held, KEY_NOT_REGISTERED);
  try {
    await svc.directory().finishWebAuthnRegistration(ceremonyOf(held, rp), 'Security key', answer);
  } catch (e) {
    if (isGatehouseError(e)) return retry(held, KEY_NOT_REGISTERED);
    throw e;
  }
  return afterFactors(svc, held, true);
}

/** A new TOTP enrollment to show (its secret and otpauth URL); its id is kept in the session. */
export async function beginMfaSetup(svc: SessionService, held: HeldSession) {
  const enrollment = await svc.directory().startTotpEnrollment(held.session.userId!, 'Authenticator app');
  return { enrollment, held: await svc.update(held, { mfaEnrollmentId: enrollment.enrollmentId }) };
}

export async function submitMfaSetup(svc: SessionService, held: HeldSession, code: string): Promise<StepOutcome> {
  const enrollmentId = held.session.mfaEnrollmentId;
  if (!enrollmentId) return retry(held, 'Register your device again.');
  try {
    await svc.directory().confirmTotp(held.session.userId!, enrollmentId, code.replace(/\s/g, ''));
  } catch (e) {
    if (isGatehouseError(e)) return retry(held, WRONG_CODE);
    throw e;
  }
  return afterFactors(svc, held, true);
}

export async function submitPasswordChange(
  svc: SessionService,
  held: HeldSession,
  form: { current: string; next: string; confirm: string },
): Promise<StepOutcome> {
  if (form.next !== form.confirm) return retry(held, 'The new passwords do not match.');
  try {
    await svc.directory().changePassword(held.session.userId!, form.current, form.next);
  } catch (e) {
    // The directory's rules (length, common passwords, the current one wrong) say what to fix.
    if (isGatehouseError(e) && e.code !== 'InvalidState') return retry(held, e.message);
    throw e;
  }
  return { kind: 'signed-in', held: await svc.activate(held) };
}

/** Back to the first step, forgetting the user (the "start over" link). */
export const restartSignIn = async (svc: SessionService, held: HeldSession): Promise<HeldSession> =>
  held.session.stage === 'active'
    ? held
    : svc.update(held, { stage: 'identify', userId: undefined, userName: undefined, mfaEnrollmentId: undefined, mustChangePassword: false });

/**
 * A signed-in user changes their password (portal Settings): the directory's rules apply, and
 * every other portal session of the user ends (with the tokens issued through them); this one
 * stays. Throws the directory's error (wrong current password, rules) for the page to show.
 */
export async function changeOwnPassword(svc: SessionService, held: HeldSession, form: { current: string; next: string; confirm: string }): Promise<number> {
  if (form.next !== form.confirm) throw invalid('ConfirmPassword', 'The new passwords do not match.');
  const userId = held.session.userId!;
  await svc.directory().changePassword(userId, form.current, form.next);
  const others = (await svc.listUserSessions(userId)).filter((s) => s.sessionId !== held.session.sessionId);
  for (const s of others) await svc.endSession(s.sessionId);
  return others.length;
}
