// The directory repository over Kysely, one code path for SQLite and PostgreSQL. Attempt state
// and device use are compare-and-set updates, so concurrent sign-ins on several nodes count
// every failure and accept each TOTP code once.

import type { Kysely } from 'kysely';
import type { AttemptState } from '../../domain/directory/attempt-policy.js';
import type {
  CredentialRecord,
  DirectoryRepository,
  DirectorySettingsRecord,
  MfaDeviceRecord,
  PasswordWrite,
  TotpEnrollmentRecord,
  WebAuthnChallengeRecord,
} from '../../domain/directory/directory-repository.js';
import { conflict } from '../../lib/errors.js';
import { isUniqueViolation } from '../driver-errors.js';
import { isPostgres } from '../sso-admin/dialect-of.js';
import { toChallenge, toCredential, toDevice, toEnrollment, toSettings } from './rows.js';
import type { DirectoryTables } from './tables.js';

const SETTINGS_ID = 'instance';

const attemptColumns = (s: AttemptState) => ({
  failed_attempts: s.failedAttempts,
  retry_at: s.retryAt ?? null,
  locked_until: s.lockedUntil ?? null,
});

export class KyselyDirectoryRepository implements DirectoryRepository {
  private readonly db: Kysely<DirectoryTables>;

  // Kysely<any>: built over the whole schema's Kysely (or a transaction of it).
  constructor(db: Kysely<any>) {
    this.db = db as Kysely<DirectoryTables>;
  }

  async getCredential(userId: string): Promise<CredentialRecord | undefined> {
    const row = await this.db.selectFrom('directory_credential').selectAll().where('user_id', '=', userId).executeTakeFirst();
    return row && toCredential(row);
  }

  async putPassword(w: PasswordWrite): Promise<void> {
    const password = { password_hash: w.passwordHash, must_change_password: w.mustChangePassword ? 1 : 0, password_changed_at: w.now };
    await this.db
      .insertInto('directory_credential')
      .values({ ...this.newRow(w.userId, w.identityStoreId, w.now), ...password, status_version: 1 })
      .onConflict((oc) =>
        oc.column('user_id').doUpdateSet((eb) => ({
          ...password,
          ...attemptColumns({ failedAttempts: 0 }),
          attempt_seq: eb('directory_credential.attempt_seq', '+', 1),
          status_version: eb('directory_credential.status_version', '+', 1),
          updated_at: w.now,
        })),
      )
      .execute();
  }

  async putDisabled(userId: string, identityStoreId: string, disabledAt: number | undefined, now: number): Promise<void> {
    await this.db
      .insertInto('directory_credential')
      .values({ ...this.newRow(userId, identityStoreId, now), disabled_at: disabledAt ?? null, status_version: 1 })
      .onConflict((oc) =>
        oc.column('user_id').doUpdateSet((eb) => ({
          disabled_at: disabledAt ?? null,
          status_version: eb('directory_credential.status_version', '+', 1),
          updated_at: now,
        })),
      )
      .execute();
  }

  async compareAndSetAttempts(userId: string, expectedSeq: number, next: AttemptState, now: number): Promise<boolean> {
    const r = await this.db
      .updateTable('directory_credential')
      .set((eb) => ({ ...attemptColumns(next), attempt_seq: eb('attempt_seq', '+', 1), updated_at: now }))
      .where('user_id', '=', userId)
      .where('attempt_seq', '=', expectedSeq)
      .executeTakeFirst();
    return r.numUpdatedRows > 0n;
  }

  async listDevices(userId: string, options: { forUpdate?: boolean } = {}): Promise<MfaDeviceRecord[]> {
    let q = this.db.selectFrom('directory_mfa_device').selectAll().where('user_id', '=', userId).orderBy('slot');
    // On SQLite the write transaction (BEGIN IMMEDIATE) already holds the database.
    if (options.forUpdate && isPostgres(this.db)) q = q.forUpdate();
    const rows = await q.execute();
    return rows.map(toDevice);
  }

  async insertDevice(d: MfaDeviceRecord): Promise<void> {
    try {
      await this.db
        .insertInto('directory_mfa_device')
        .values({
          device_id: d.deviceId,
          user_id: d.userId,
          slot: d.slot,
          kind: d.kind,
          name: d.name,
          secret_sealed: d.secretSealed,
          last_used_step: d.lastUsedStep,
          last_used_at: d.lastUsedAt ?? null,
          created_at: d.createdAt,
          credential_id: d.credential?.credentialId ?? null,
          public_key: d.credential?.publicKey ?? null,
          sign_count: d.credential?.signCount ?? null,
          transports: d.credential ? d.credential.transports.join(',') : null,
        })
        .execute();
    } catch (e) {
      // The slot, or the same authenticator registered twice.
      if (isUniqueViolation(e)) throw conflict('The user has a device in that slot already.', { resource: 'MfaDevice', field: 'Slot' });
      throw e;
    }
  }

  async deleteDevice(userId: string, deviceId: string): Promise<boolean> {
    const r = await this.db.deleteFrom('directory_mfa_device').where('user_id', '=', userId).where('device_id', '=', deviceId).executeTakeFirst();
    return r.numDeletedRows > 0n;
  }

  async markDeviceUsed(deviceId: string, step: number, now: number): Promise<boolean> {
    const r = await this.db
      .updateTable('directory_mfa_device')
      .set({ last_used_step: step, last_used_at: now })
      .where('device_id', '=', deviceId)
      .where('last_used_step', '<', step)
      .executeTakeFirst();
    return r.numUpdatedRows > 0n;
  }

  async renameDevice(userId: string, deviceId: string, name: string): Promise<boolean> {
    const r = await this.db.updateTable('directory_mfa_device').set({ name }).where('user_id', '=', userId).where('device_id', '=', deviceId).executeTakeFirst();
    return r.numUpdatedRows > 0n;
  }

  async markCredentialUsed(deviceId: string, expected: number, next: number, now: number): Promise<boolean> {
    const r = await this.db
      .updateTable('directory_mfa_device')
      .set({ sign_count: next, last_used_at: now })
      .where('device_id', '=', deviceId)
      .where('sign_count', '=', expected)
      .executeTakeFirst();
    return r.numUpdatedRows > 0n;
  }

  async insertChallenge(c: WebAuthnChallengeRecord): Promise<void> {
    await this.db
      .insertInto('directory_webauthn_challenge')
      .values({ challenge: c.challenge, binding_id: c.bindingId, user_id: c.userId, purpose: c.purpose, expires_at: c.expiresAt })
      .execute();
  }

  async takeChallenge(challenge: string, bindingId: string, purpose: WebAuthnChallengeRecord['purpose'], now: number): Promise<WebAuthnChallengeRecord | undefined> {
    const row = await this.db.selectFrom('directory_webauthn_challenge').selectAll().where('challenge', '=', challenge).executeTakeFirst();
    if (!row) return undefined;
    // Whoever deletes the row owns the challenge: of two racing uses, one gets it.
    const r = await this.db.deleteFrom('directory_webauthn_challenge').where('challenge', '=', challenge).executeTakeFirst();
    if (r.numDeletedRows === 0n) return undefined;
    const c = toChallenge(row);
    return c.bindingId === bindingId && c.purpose === purpose && c.expiresAt > now ? c : undefined;
  }

  async deleteExpiredChallenges(now: number): Promise<number> {
    const r = await this.db.deleteFrom('directory_webauthn_challenge').where('expires_at', '<=', now).executeTakeFirst();
    return Number(r.numDeletedRows);
  }

  async insertEnrollment(e: TotpEnrollmentRecord): Promise<void> {
    await this.db
      .insertInto('directory_totp_enrollment')
      .values({
        enrollment_id: e.enrollmentId,
        user_id: e.userId,
        name: e.name,
        secret_sealed: e.secretSealed,
        created_at: e.createdAt,
        expires_at: e.expiresAt,
      })
      .execute();
  }

  async getEnrollment(enrollmentId: string): Promise<TotpEnrollmentRecord | undefined> {
    const row = await this.db.selectFrom('directory_totp_enrollment').selectAll().where('enrollment_id', '=', enrollmentId).executeTakeFirst();
    return row && toEnrollment(row);
  }

  async deleteEnrollment(enrollmentId: string): Promise<boolean> {
    const r = await this.db.deleteFrom('directory_totp_enrollment').where('enrollment_id', '=', enrollmentId).executeTakeFirst();
    return r.numDeletedRows > 0n;
  }

  async deleteExpiredEnrollments(now: number): Promise<number> {
    const r = await this.db.deleteFrom('directory_totp_enrollment').where('expires_at', '<=', now).executeTakeFirst();
    return Number(r.numDeletedRows);
  }

  async getSettings(): Promise<DirectorySettingsRecord | undefined> {
    const row = await this.db.selectFrom('directory_settings').selectAll().where('id', '=', SETTINGS_ID).executeTakeFirst();
    return row && toSettings(row);
  }

  async insertSettingsIfAbsent(s: DirectorySettingsRecord): Promise<boolean> {
    const r = await this.db
      .insertInto('directory_settings')
      .values({ id: SETTINGS_ID, mfa_mode: s.mfaMode, session_duration: s.sessionDuration, updated_at: s.updatedAt })
      .onConflict((oc) => oc.column('id').doNothing())
      .executeTakeFirst();
    return (r.numInsertedOrUpdatedRows ?? 0n) > 0n;
  }

  async putSettings(s: DirectorySettingsRecord): Promise<void> {
    const values = { mfa_mode: s.mfaMode, session_duration: s.sessionDuration, updated_at: s.updatedAt };
    await this.db
      .insertInto('directory_settings')
      .values({ id: SETTINGS_ID, ...values })
      .onConflict((oc) => oc.column('id').doUpdateSet(values))
      .execute();
  }

  private newRow(userId: string, identityStoreId: string, now: number) {
    return {
      user_id: userId,
      identity_store_id: identityStoreId,
      password_hash: null,
      must_change_password: 0,
      password_changed_at: null,
      failed_attempts: 0,
      retry_at: null,
      locked_until: null,
      attempt_seq: 0,
      disabled_at: null,
      status_version: 0,
      updated_at: now,
    };
  }
}
