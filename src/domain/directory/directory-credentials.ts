// The contract between directory credentials (passwords, MFA, lockout: the directory work) and
// sign-in (portal sessions, OAuth: the sign-in work). Sign-in asks these questions; how the
// answers are kept and checked is the directory's business.

import type { Ceremony } from './webauthn-devices.js';

export type { Ceremony, RelyingParty } from './webauthn-devices.js';

export type MfaMode = 'required' | 'optional' | 'off';

/**
 * The outcome of checking a user name and password. Unknown users look like wrong passwords.
 * `invalid` may carry `retryAfterSeconds`: the wait this failure imposed (from the 5th in a row).
 * `locked` means the password was not checked: try again after `retryAfterSeconds` (a wait
 * still running, or the 15-minute lock after 30 failures). `disabled` is answered only to
 * someone who gave the right password.
 */
export type PasswordCheck =
  | { readonly ok: true; readonly userId: string; readonly userName: string; readonly mustChangePassword: boolean }
  | { readonly ok: false; readonly reason: 'invalid' | 'locked' | 'disabled'; readonly retryAfterSeconds?: number };

export interface MfaDeviceInfo {
  readonly deviceId: string;
  readonly kind: 'totp' | 'webauthn';
  readonly name: string;
  readonly createdAt: number;
}

export interface TotpEnrollment {
  /** Opaque; handed back to `confirmTotp` with the first code. */
  readonly enrollmentId: string;
  /** Base32 secret for manual entry. */
  readonly secret: string;
  /** `otpauth://totp/...` for a QR code. */
  readonly otpauthUrl: string;
}

/** What the browser's WebAuthn call is given; JSON as @simplewebauthn/browser expects it. */
export type WebAuthnOptions = Readonly<Record<string, unknown>>;

export interface DirectoryCredentials {
  /** Checks a password, counting failures per user whatever the source (lockout, delays). */
  checkPassword(userName: string, password: string): Promise<PasswordCheck>;
  /** Changes the user's own password (NIST rules); clears `mustChangePassword`. */
  changePassword(userId: string, currentPassword: string, newPassword: string): Promise<void>;
  mfaMode(): Promise<MfaMode>;
  listMfaDevices(userId: string): Promise<MfaDeviceInfo[]>;
  /** Checks a TOTP code against the user's devices; each code is accepted once. */
  verifyTotp(userId: string, code: string): Promise<boolean>;
  startTotpEnrollment(userId: string, deviceName: string): Promise<TotpEnrollment>;
  /** Completes an enrollment with a first valid code; refuses a third device. */
  confirmTotp(userId: string, enrollmentId: string, code: string): Promise<MfaDeviceInfo>;
  /** Options for registering a security key or passkey; the challenge is bound to `c.bindingId`. */
  startWebAuthnRegistration(c: Ceremony): Promise<WebAuthnOptions>;
  /** Verifies the browser's registration response (challenge, origin, rp id) and adds the device. */
  finishWebAuthnRegistration(c: Ceremony, deviceName: string, response: unknown): Promise<MfaDeviceInfo>;
  startWebAuthnAuthentication(c: Ceremony): Promise<WebAuthnOptions>;
  /** Checks an assertion from one of the user's keys; each challenge once, counters forward only. */
  verifyWebAuthn(c: Ceremony, response: unknown): Promise<boolean>;
  /** Whether the user may sign in at all (exists and is not disabled). */
  isActive(userId: string): Promise<boolean>;
}
