// Rows to domain records. PostgreSQL's bigint arrives as a string, SQLite's as a number.

import type { Selectable } from 'kysely';
import type { MfaMode } from '../../domain/directory/directory-credentials.js';
import type {
  CredentialRecord,
  DirectorySettingsRecord,
  MfaDeviceRecord,
  TotpEnrollmentRecord,
  WebAuthnChallengeRecord,
} from '../../domain/directory/directory-repository.js';
import type {
  DirectoryCredentialTable,
  DirectoryMfaDeviceTable,
  DirectorySettingsTable,
  DirectoryTotpEnrollmentTable,
  DirectoryWebauthnChallengeTable,
} from './tables.js';

const num = (v: unknown): number => Number(v);
const opt = (v: unknown): number | undefined => (v === null || v === undefined ? undefined : Number(v));

export const toCredential = (r: Selectable<DirectoryCredentialTable>): CredentialRecord => {
  const retryAt = opt(r.retry_at);
  const lockedUntil = opt(r.locked_until);
  const passwordChangedAt = opt(r.password_changed_at);
  const disabledAt = opt(r.disabled_at);
  return {
    userId: r.user_id,
    identityStoreId: r.identity_store_id,
    ...(r.password_hash !== null ? { passwordHash: r.password_hash } : {}),
    mustChangePassword: num(r.must_change_password) === 1,
    ...(passwordChangedAt !== undefined ? { passwordChangedAt } : {}),
    attempts: {
      failedAttempts: num(r.failed_attempts),
      ...(retryAt !== undefined ? { retryAt } : {}),
      ...(lockedUntil !== undefined ? { lockedUntil } : {}),
    },
    attemptSeq: num(r.attempt_seq),
    ...(disabledAt !== undefined ? { disabledAt } : {}),
    statusVersion: num(r.status_version),
    updatedAt: num(r.updated_at),
  };
};

export const toDevice = (r: Selectable<DirectoryMfaDeviceTable>): MfaDeviceRecord => {
  const lastUsedAt = opt(r.last_used_at);
  return {
    deviceId: r.device_id,
    userId: r.user_id,
    slot: num(r.slot),
    kind: r.kind === 'webauthn' ? 'webauthn' : 'totp',
    name: r.name,
    secretSealed: r.secret_sealed,
    ...(r.kind === 'webauthn' && r.credential_id !== null && r.public_key !== null
      ? {
          credential: {
            credentialId: r.credential_id,
            publicKey: r.public_key,
            signCount: num(r.sign_count ?? 0),
            transports: r.transports ? r.transports.split(',') : [],
          },
        }
      : {}),
    lastUsedStep: num(r.last_used_step),
    ...(lastUsedAt !== undefined ? { lastUsedAt } : {}),
    createdAt: num(r.created_at),
  };
};

export const toEnrollment = (r: Selectable<DirectoryTotpEnrollmentTable>): TotpEnrollmentRecord => ({
  enrollmentId: r.enrollment_id,
  userId: r.user_id,
  name: r.name,
  secretSealed: r.secret_sealed,
  createdAt: num(r.created_at),
  expiresAt: num(r.expires_at),
});

export const toChallenge = (r: Selectable<DirectoryWebauthnChallengeTable>): WebAuthnChallengeRecord => ({
  challenge: r.challenge,
  bindingId: r.binding_id,
  userId: r.user_id,
  purpose: r.purpose === 'register' ? 'register' : 'authenticate',
  expiresAt: num(r.expires_at),
});

export const toSettings = (r: Selectable<DirectorySettingsTable>): DirectorySettingsRecord => ({
  mfaMode: r.mfa_mode as MfaMode,
  sessionDuration: r.session_duration,
  updatedAt: num(r.updated_at),
});
