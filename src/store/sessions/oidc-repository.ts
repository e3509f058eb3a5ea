// sso-oidc's storage over Kysely. One-time claims are conditional updates (`... where used_at
// is null`): the database decides which of two racing requests wins, on any node.

import type { CompiledQuery, Kysely } from 'kysely';
import { conflict } from '../../lib/errors.js';
import { isUniqueViolation } from '../driver-errors.js';
import type { OidcRepository } from '../../domain/oidc/oidc-repository.js';
import type { AuthorizationCode, DeviceAuthorization, DeviceStatus, OAuthToken, OidcClient, TokenFamily } from '../../domain/oidc/oidc-model.js';
import { clientRow, codeRow, deviceRow, familyRow, tokenRow, type GrantRow } from './oidc-rows.js';
import { portalSessionFromRow } from './session-repository.js';
import type { SessionsTables } from './tables.js';
import type { IdentityStoreTables } from '../identity-store/tables.js';
import type { DirectoryTables } from '../directory/tables.js';

export class KyselyOidcRepository implements OidcRepository {
  private readonly db: Kysely<SessionsTables>;

  constructor(db: Kysely<any>) {
    this.db = db as Kysely<SessionsTables>;
  }

  async insertClient(c: OidcClient): Promise<void> {
    await this.db
      .insertInto('oidc_client')
      .values({
        client_id: c.clientId,
        secret_hash: c.secretHash,
        client_name: c.clientName,
        client_type: c.clientType,
        scopes: JSON.stringify(c.scopes),
        grant_types: JSON.stringify(c.grantTypes),
        redirect_uris: JSON.stringify(c.redirectUris),
        issuer_url: c.issuerUrl ?? null,
        created_at: c.createdAt,
        expires_at: c.expiresAt,
      })
      .execute();
  }

  async getClient(clientId: string): Promise<OidcClient | undefined> {
    const r = await this.db.selectFrom('oidc_client').selectAll().where('client_id', '=', clientId).executeTakeFirst();
    return r && clientRow(r);
  }

  async insertDevice(d: DeviceAuthorization): Promise<void> {
    try {
      await this.db
        .insertInto('oidc_device')
        .values({
          device_code_hash: d.deviceCodeHash,
          user_code: d.userCode,
          client_id: d.clientId,
          scopes: JSON.stringify(d.scopes),
          status: d.status,
          session_id: d.sessionId ?? null,
          interval_seconds: d.intervalSeconds,
          last_polled_at: d.lastPolledAt ?? null,
          created_at: d.createdAt,
          expires_at: d.expiresAt,
        })
        .execute();
    } catch (e) {
      if (isUniqueViolation(e)) throw conflict('The user code is in use.', { resource: 'DeviceAuthorization' });
      throw e;
    }
  }

  async getDevice(hash: string): Promise<DeviceAuthorization | undefined> {
    const r = await this.db.selectFrom('oidc_device').selectAll().where('device_code_hash', '=', hash).executeTakeFirst();
    return r && deviceRow(r);
  }

  async getDeviceByUserCode(userCode: string): Promise<DeviceAuthorization | undefined> {
    const r = await this.db.selectFrom('oidc_device').selectAll().where('user_code', '=', userCode).executeTakeFirst();
    return r && deviceRow(r);
  }

  async touchDevice(hash: string, at: number): Promise<number | undefined> {
    const before = await this.db.selectFrom('oidc_device').select('last_polled_at').where('device_code_hash', '=', hash).executeTakeFirst();
    await this.db.updateTable('oidc_device').set({ last_polled_at: at }).where('device_code_hash', '=', hash).execute();
    return before?.last_polled_at == null ? undefined : Number(before.last_polled_at);
  }

  async setDeviceStatus(hash: string, from: DeviceStatus, to: DeviceStatus, sessionId?: string): Promise<boolean> {
    const r = await this.db
      .updateTable('oidc_device')
      .set({ status: to, ...(sessionId !== undefined ? { session_id: sessionId } : {}) })
      .where('device_code_hash', '=', hash)
      .where('status', '=', from)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  async insertCode(c: AuthorizationCode): Promise<void> {
    await this.db
      .insertInto('oidc_code')
      .values({
        code_hash: c.codeHash,
        client_id: c.clientId,
        redirect_uri: c.redirectUri,
        code_challenge: c.codeChallenge,
        session_id: c.sessionId,
        scopes: JSON.stringify(c.scopes),
        family_id: c.familyId ?? null,
        created_at: c.createdAt,
        expires_at: c.expiresAt,
        used_at: c.usedAt ?? null,
      })
      .execute();
  }

  async getCode(hash: string): Promise<AuthorizationCode | undefined> {
    const r = await this.db.selectFrom('oidc_code').selectAll().where('code_hash', '=', hash).executeTakeFirst();
    return r && codeRow(r);
  }

  async claimCode(hash: string, at: number): Promise<boolean> {
    const r = await this.db.updateTable('oidc_code').set({ used_at: at }).where('code_hash', '=', hash).where('used_at', 'is', null).executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  async insertFamily(f: TokenFamily): Promise<void> {
    await this.db
      .insertInto('oidc_token_family')
      .values({
        family_id: f.familyId,
        client_id: f.clientId,
        session_id: f.sessionId,
        user_id: f.userId,
        scopes: JSON.stringify(f.scopes),
        created_at: f.createdAt,
        revoked_at: f.revokedAt ?? null,
      })
      .execute();
  }

  async getFamily(familyId: string): Promise<TokenFamily | undefined> {
    const r = await this.db.selectFrom('oidc_token_family').selectAll().where('family_id', '=', familyId).executeTakeFirst();
    return r && familyRow(r);
  }

  async revokeFamily(familyId: string, at: number): Promise<void> {
    await this.db.updateTable('oidc_token_family').set({ revoked_at: at }).where('family_id', '=', familyId).where('revoked_at', 'is', null).execute();
  }

  async insertToken(t: OAuthToken): Promise<void> {
    await this.db
      .insertInto('oidc_token')
      .values({ token_hash: t.tokenHash, kind: t.kind, family_id: t.familyId, created_at: t.createdAt, expires_at: t.expiresAt, used_at: t.usedAt ?? null })
      .execute();
  }

  async getToken(hash: string): Promise<OAuthToken | undefined> {
    const r = await this.db.selectFrom('oidc_token').selectAll().where('token_hash', '=', hash).executeTakeFirst();
    return r && tokenRow(r);
  }

  async claimRefreshToken(hash: string, at: number): Promise<boolean> {
    const r = await this.db
      .updateTable('oidc_token')
      .set({ used_at: at })
      .where('token_hash', '=', hash)
      .where('kind', '=', 'refresh')
      .where('used_at', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  /**
   * Built and compiled once: every portal API call runs it, and Kysely's compile costs more than
   * SQLite's read. It also reads whether the user is active, exactly as DirectoryService.isActive
   * decides it (the identity store user exists; the directory has not disabled it), so the
   * per-request check costs no further reads.
   */
  private grantQuery?: CompiledQuery<GrantRow>;

  async getTokenGrant(hash: string) {
    this.grantQuery ??= (this.db as unknown as Kysely<SessionsTables & IdentityStoreTables & DirectoryTables>)
      .selectFrom('oidc_token as t')
      .innerJoin('oidc_token_family as f', 'f.family_id', 't.family_id')
      .innerJoin('portal_session as s', 's.session_id', 'f.session_id')
      .leftJoin('identity_store_user as u', 'u.user_id', 's.user_id')
      .leftJoin('directory_credential as dc', 'dc.user_id', 's.user_id')
      .selectAll('s')
      .select([
        't.token_hash', 't.kind', 't.family_id', 't.created_at as token_created_at', 't.expires_at as token_expires_at', 't.used_at',
        'f.client_id', 'f.user_id as family_user_id', 'f.scopes', 'f.created_at as family_created_at', 'f.revoked_at',
        'u.user_id as present_user_id', 'dc.disabled_at',
      ])
      .where('t.token_hash', '=', '')
      .compile() as CompiledQuery<GrantRow>;
    const r = (await this.db.executeQuery<GrantRow>({ ...this.grantQuery, parameters: [hash] })).rows[0];
    if (!r) return undefined;
    return {
      token: tokenRow({ token_hash: r.token_hash, kind: r.kind, family_id: r.family_id, created_at: r.token_created_at, expires_at: r.token_expires_at, used_at: r.used_at }),
      family: familyRow({ family_id: r.family_id, client_id: r.client_id, session_id: r.session_id, user_id: r.family_user_id, scopes: r.scopes, created_at: r.family_created_at, revoked_at: r.revoked_at }),
      session: portalSessionFromRow(r),
      userActive: r.present_user_id !== null && r.disabled_at === null,
    };
  }

  async deleteToken(hash: string): Promise<void> {
    await this.db.deleteFrom('oidc_token').where('token_hash', '=', hash).execute();
  }
}
