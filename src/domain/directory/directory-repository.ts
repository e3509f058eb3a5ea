// The directory's persistence port: per-user credentials and sign-in state, MFA devices and
// their pending enrollments, WebAuthn ceremony challenges, and the instance's sign-in settings.
// Implementations keep at most one device per (user, slot) and throw a Conflict when an insert
// would break that: that is how the device limits (slots 1-2 TOTP, 3-8 WebAuthn) hold under
// concurrent enrollments on several nodes.

import type { AttemptState } from './attempt-policy.js';
import type { MfaMode } from './directory-credentials.js';

export interface CredentialRecord {
  readonly userId: string;
  readonly identityStoreId: string;
  /** PHC string; absent for a user who has never been given a password. */
  readonly passwordHash?: string;
  readonly mustChangePassword: boolean;
  readonly passwordChangedAt?: number;
  readonly attempts: AttemptState;
  /** Bumped by every write of `attempts`: the compare-and-set token for them. */
  readonly attemptSeq: number;
  readonly disabledAt?: number;
  /** Bumped whenever the user's password or status changes, so sessions can notice. */
  readonly statusVersion: number;
  readonly updatedAt: number;
}

export interface PasswordWrite {
  readonly userId: string;
  readonly identityStoreId: string;
  readonly passwordHash: string;
  readonly mustChangePassword: boolean;
  readonly now: number;
}

/** A WebAuthn credential (security key or passkey). The public key is not secret. */
export interface WebAuthnCredentialRecord {
  /** base64url, as the browser reports it. */
  readonly credentialId: string;
  /** COSE public key, base64url. */
  readonly publicKey: string;
  /** The authenticator's signature counter last seen: a lower one is a cloned key. */
  readonly signCount: number;
  readonly transports: readonly string[];
}

export interface MfaDeviceRecord {
  readonly deviceId: string;
  readonly userId: string;
  /** 1-2 for TOTP, 3-8 for WebAuthn: unique per user. */
  readonly slot: number;
  readonly kind: 'totp' | 'webauthn';
  readonly name: string;
  /** The TOTP secret, sealed with the key ring; empty for a WebAuthn device. */
  readonly secretSealed: string;
  /** Present for (and only for) a WebAuthn device. */
  readonly credential?: WebAuthnCredentialRecord;
  /** The last TOTP time step accepted: codes at or before it are refused (each code once). */
  readonly lastUsedStep: number;
  readonly lastUsedAt?: number;
  readonly createdAt: number;
}

export interface TotpEnrollmentRecord {
  readonly enrollmentId: string;
  readonly userId: string;
  readonly name: string;
  readonly secretSealed: string;
  readonly createdAt: number;
  readonly expiresAt: number;
}

/** A WebAuthn ceremony's challenge: bound to one portal session, taken once, short-lived. */
export interface WebAuthnChallengeRecord {
  /** base64url: what the browser signs and echoes in clientDataJSON. */
  readonly challenge: string;
  /** The portal session the ceremony runs in. */
  readonly bindingId: string;
  readonly userId: string;
  readonly purpose: 'register' | 'authenticate';
  readonly expiresAt: number;
}

export interface DirectorySettingsRecord {
  readonly mfaMode: MfaMode;
  /** ISO 8601 duration of access portal sessions. */
  readonly sessionDuration: string;
  readonly updatedAt: number;
}

export interface DirectoryRepository {
  getCredential(userId: string): Promise<CredentialRecord | undefined>;
  /** Sets the password; clears the attempt state; bumps the status version. Creates the row. */
  putPassword(w: PasswordWrite): Promise<void>;
  /** Sets or clears `disabledAt`; bumps the status version. Creates the row. */
  putDisabled(userId: string, identityStoreId: string, disabledAt: number | undefined, now: number): Promise<void>;
  /** Writes `next` when the row's attempt sequence is still `expectedSeq`; false otherwise. */
  compareAndSetAttempts(userId: string, expectedSeq: number, next: AttemptState, now: number): Promise<boolean>;

  /** `forUpdate`: inside a transaction, hold the user's device rows until it ends. */
  listDevices(userId: string, options?: { forUpdate?: boolean }): Promise<MfaDeviceRecord[]>;
  /** Throws a Conflict when the user has a device in that slot already. */
  insertDevice(d: MfaDeviceRecord): Promise<void>;
  deleteDevice(userId: string, deviceId: string): Promise<boolean>;
  /** Records a use at `step` if it is later than the last one; false when it is not (a replay). */
  markDeviceUsed(deviceId: string, step: number, now: number): Promise<boolean>;
  renameDevice(userId: string, deviceId: string, name: string): Promise<boolean>;
  /** Sets the WebAuthn counter when it is still `expected` (compare-and-set); false otherwise. */
  markCredentialUsed(deviceId: string, expected: number, next: number, now: number): Promise<boolean>;

  insertChallenge(c: WebAuthnChallengeRecord): Promise<void>;
  /** Deletes and returns the live challenge of that session and purpose: each is taken once. */
  takeChallenge(challenge: string, bindingId: string, purpose: WebAuthnChallengeRecord['purpose'], now: number): Promise<WebAuthnChallengeRecord | undefined>;
  deleteExpiredChallenges(now: number): Promise<number>;

  insertEnrollment(e: TotpEnrollmentRecord): Promise<void>;
  getEnrollment(enrollmentId: string): Promise<TotpEnrollmentRecord | undefined>;
  deleteEnrollment(enrollmentId: string): Promise<boolean>;
  /** Removes enrollments that expired before `now`; returns how many. */
  deleteExpiredEnrollments(now: number): Promise<number>;

  getSettings(): Promise<DirectorySettingsRecord | undefined>;
  /** Writes the settings only when there are none yet; true when it wrote them. */
  insertSettingsIfAbsent(s: DirectorySettingsRecord): Promise<boolean>;
  putSettings(s: DirectorySettingsRecord): Promise<void>;
}
