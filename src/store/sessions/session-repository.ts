// Portal sessions over Kysely, one code path for SQLite and PostgreSQL.

import type { Kysely } from 'kysely';
import type { SessionRepository } from '../../domain/sessions/session-repository.js';
import type { PortalSession, SessionPatch, SignInStage } from '../../domain/sessions/portal-session.js';
import type { PortalSessionTable, SessionsTables } from './tables.js';

// PostgreSQL's bigint arrives as a string.
const num = (v: number | string | null): number | undefined => (v === null ? undefined : Number(v));

export const portalSessionFromRow = (r: PortalSessionTable): PortalSession => ({
  sessionId: r.session_id,
  tokenHash: r.token_hash,
  stage: r.stage as SignInStage,
  ...(r.user_id !== null ? { userId: r.user_id } : {}),
  ...(r.user_name !== null ? { userName: r.user_name } : {}),
  ...(r.mfa_enrollment_id !== null ? { mfaEnrollmentId: r.mfa_enrollment_id } : {}),
  ...(Number(r.must_change_password) ? { mustChangePassword: true } : {}),
  userCodeFailures: Number(r.user_code_failures),
  createdAt: Number(r.created_at),
  ...(r.authenticated_at !== null ? { authenticatedAt: num(r.authenticated_at)! } : {}),
  expiresAt: Number(r.expires_at),
  ...(r.ended_at !== null ? { endedAt: num(r.ended_at)! } : {}),
});

/** Only the keys the patch names; a key present with `undefined` clears the column. */
const patchColumns = (p: SessionPatch): Partial<PortalSessionTable> => {
  const out: Partial<PortalSessionTable> = {};
  if ('stage' in p) out.stage = p.stage!;
  if ('userId' in p) out.user_id = p.userId ?? null;
  if ('userName' in p) out.user_name = p.userName ?? null;
  if ('mfaEnrollmentId' in p) out.mfa_enrollment_id = p.mfaEnrollmentId ?? null;
  if ('mustChangePassword' in p) out.must_change_password = p.mustChangePassword ? 1 : 0;
  if ('authenticatedAt' in p) out.authenticated_at = p.authenticatedAt ?? null;
  if ('expiresAt' in p && p.expiresAt !== undefined) out.expires_at = p.expiresAt;
  return out;
};

export class KyselySessionRepository implements SessionRepository {
  private readonly db: Kysely<SessionsTables>;

  constructor(db: Kysely<any>) {
    this.db = db as Kysely<SessionsTables>;
  }

  async insertSession(s: PortalSession): Promise<void> {
    await this.db
      .insertInto('portal_session')
      .values({
        session_id: s.sessionId,
        token_hash: s.tokenHash,
        stage: s.stage,
        user_id: s.userId ?? null,
        user_name: s.userName ?? null,
        mfa_enrollment_id: s.mfaEnrollmentId ?? null,
        must_change_password: s.mustChangePassword ? 1 : 0,
        user_code_failures: s.userCodeFailures,
        created_at: s.createdAt,
        authenticated_at: s.authenticatedAt ?? null,
        expires_at: s.expiresAt,
        ended_at: s.endedAt ?? null,
      })
      .execute();
  }

  async getSession(sessionId: string): Promise<PortalSession | undefined> {
    const row = await this.db.selectFrom('portal_session').selectAll().where('session_id', '=', sessionId).executeTakeFirst();
    return row && portalSessionFromRow(row);
  }

  async getSessionByTokenHash(tokenHash: string): Promise<PortalSession | undefined> {
    const row = await this.db.selectFrom('portal_session').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
    return row && portalSessionFromRow(row);
  }

  async updateSession(sessionId: string, patch: SessionPatch, tokenHash?: string): Promise<void> {
    const set = { ...patchColumns(patch), ...(tokenHash !== undefined ? { token_hash: tokenHash } : {}) };
    if (Object.keys(set).length === 0) return;
    await this.db.updateTable('portal_session').set(set).where('session_id', '=', sessionId).execute();
  }

  async addUserCodeFailure(sessionId: string): Promise<number> {
    await this.db
      .updateTable('portal_session')
      .set((eb) => ({ user_code_failures: eb('user_code_failures', '+', 1) }))
      .where('session_id', '=', sessionId)
      .execute();
    const row = await this.db.selectFrom('portal_session').select('user_code_failures').where('session_id', '=', sessionId).executeTakeFirst();
    return Number(row?.user_code_failures ?? 0);
  }

  async listUserSessions(userId: string): Promise<PortalSession[]> {
    const rows = await this.db
      .selectFrom('portal_session')
      .selectAll()
      .where('user_id', '=', userId)
      .where('ended_at', 'is', null)
      .orderBy('created_at', 'desc')
      .execute();
    return rows.map(portalSessionFromRow);
  }

  async endSession(sessionId: string, at: number): Promise<boolean> {
    const r = await this.db
      .updateTable('portal_session')
      .set({ ended_at: at })
      .where('session_id', '=', sessionId)
      .where('ended_at', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  async endUserSessions(userId: string, at: number): Promise<number> {
    const r = await this.db
      .updateTable('portal_session')
      .set({ ended_at: at })
      .where('user_id', '=', userId)
      .where('ended_at', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows);
  }
}
