// The directory's tables: credentials and sign-in state per user, MFA devices, pending TOTP
// enrollments, and the instance's sign-in settings (one row). Times are epoch ms.

export interface DirectoryCredentialTable {
  /** The identity store user's id. */
  user_id: string;
  identity_store_id: string;
  /** argon2id PHC string; null until a password is set. */
  password_hash: string | null;
  /** 0 or 1: portable across SQLite and PostgreSQL. */
  must_change_password: number;
  password_changed_at: number | null;
  failed_attempts: number;
  retry_at: number | null;
  locked_until: number | null;
  /** Compare-and-set token of the three columns above. */
  attempt_seq: number;
  disabled_at: number | null;
  status_version: number;
  updated_at: number;
}

export interface DirectoryMfaDeviceTable {
  device_id: string;
  user_id: string;
  /** 1-2 TOTP, 3-8 WebAuthn; (user_id, slot) is unique, which caps a user's devices. */
  slot: number;
  kind: string;
  name: string;
  /** Sealed with the key ring: never the secret in clear. Empty for WebAuthn. */
  secret_sealed: string;
  last_used_step: number;
  last_used_at: number | null;
  created_at: number;
  /** WebAuthn only (migration 009): base64url credential id and COSE public key. */
  credential_id: string | null;
  public_key: string | null;
  sign_count: number | null;
  /** Comma-separated authenticator transports. */
  transports: string | null;
}

export interface DirectoryWebauthnChallengeTable {
  challenge: string;
  binding_id: string;
  user_id: string;
  purpose: string;
  expires_at: number;
}

export interface DirectoryTotpEnrollmentTable {
  enrollment_id: string;
  user_id: string;
  name: string;
  secret_sealed: string;
  created_at: number;
  expires_at: number;
}

export interface DirectorySettingsTable {
  /** Always `instance`: the table holds one row. */
  id: string;
  mfa_mode: string;
  session_duration: string;
  updated_at: number;
}

export interface DirectoryTables {
  directory_credential: DirectoryCredentialTable;
  directory_mfa_device: DirectoryMfaDeviceTable;
  directory_totp_enrollment: DirectoryTotpEnrollmentTable;
  directory_settings: DirectorySettingsTable;
  directory_webauthn_challenge: DirectoryWebauthnChallengeTable;
}
