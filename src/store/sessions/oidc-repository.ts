// sso-oidc's storage over Kysely. One-time claims are conditional updates (`... where used_at
// is null`): the database decides which of two racing requests wins, on any node.

import type { Kysely } from 'kysely';
import { conflict } from '../../lib/errors.js';
import { isUniqueViolation } from '../driver-errors.js';
import type { OidcRepository } from '../../domain/oidc/oidc-repository.js';
import type { AuthorizationCode, DeviceAuthorization, DeviceStatus, OAuthToken, OidcClient, TokenFamily } from '../../domain/oidc/oidc-model.js';
import { portalSessionFromRow } from './session-repository.js';
import type { OidcClientTable, OidcCodeTable, OidcDeviceTable, OidcFamilyTable, OidcTokenTable, SessionsTables } from './tables.js';

const list = (text: string): string[] => JSON.parse(text) as string[];
const opt = <K extends string>(key: K, v: number | string | null) => (v === null ? {} : ({ [key]: Number(v) } as Record<K, number>));

const client = (r: OidcClientTable): OidcClient => ({
  clientId: r.client_id,
  secretHash: r.secret_hash,
  clientName: r.client_name,
  clientType: 'public',
  scopes: list(r.scopes),
  grantTypes: list(r.grant_types),
  redirectUris: list(r.redirect_uris),
  ...(r.issuer_url !== null ? { issuerUrl: r.issuer_url } : {}),
  createdAt: Number(r.created_at),
  expiresAt: Number(r.expires_at),
});

const device = (r: OidcDeviceTable): DeviceAuthorization => ({
  deviceCodeHash: r.device_code_hash,
  userCode: r.user_code,
  clientId: r.client_id,
  scopes: list(r.scopes),
  status: r.status as DeviceStatus,
  ...(r.session_id !== null ? { sessionId: r.session_id } : {}),
  intervalSeconds: Number(r.interval_seconds),
  ...opt('lastPolledAt', r.last_polled_at),
  createdAt: Number(r.created_at),
  expiresAt: Number(r.expires_at),
});

const code = (r: OidcCodeTable): AuthorizationCode => ({
  codeHash: r.code_hash,
  clientId: r.client_id,
  redirectUri: r.redirect_uri,
  codeChallenge: r.code_challenge,
  sessionId: r.session_id,
  scopes: list(r.scopes),
  createdAt: Number(r.created_at),
  expiresAt: Number(r.expires_at),
  ...opt('usedAt', r.used_at),
  ...(r.family_id !== null ? { familyId: r.family_id } : {}),
});

const family = (r: OidcFamilyTable): TokenFamily => ({
  familyId: r.family_id,
  clientId: r.client_id,
  sessionId: r.session_id,
  userId: r.user_id,
  scopes: list(r.scopes),
  createdAt: Number(r.created_at),
  ...opt('revokedAt', r.revoked_at),
});

const token = (r: OidcTokenTable): OAuthToken => ({
  tokenHash: r.token_hash,
  kind: r.kind as OAuthToken['kind'],
  familyId: r.family_id,
  createdAt: Number(r.created_at),
  expiresAt: Number(r.expires_at),
  ...opt('usedAt', r.used_at),
});

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
    return r && client(r);
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
    return r && device(r);
  }

  async getDeviceByUserCode(userCode: string): Promise<DeviceAuthorization | undefined> {
    const r = await this.db.selectFrom('oidc_device').selectAll().where('user_code', '=', userCode).executeTakeFirst();
    return r && device(r);
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
    return r && code(r);
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
    return r && family(r);
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
    return r && token(r);
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

  async getTokenGrant(hash: string) {
    const r = await this.db
      .selectFrom('oidc_token as t')
      .innerJoin('oidc_token_family as f', 'f.family_id', 't.family_id')
      .innerJoin('portal_session as s', 's.session_id', 'f.session_id')
      .selectAll('s')
      .select([
        't.token_hash', 't.kind', 't.family_id', 't.created_at as token_created_at', 't.expires_at as token_expires_at', 't.used_at',
        'f.client_id', 'f.user_id as family_user_id', 'f.scopes', 'f.created_at as family_created_at', 'f.revoked_at',
      ])
      .where('t.token_hash', '=', hash)
      .executeTakeFirst();
    if (!r) return undefined;
    return {
      token: token({ token_hash: r.token_hash, kind: r.kind, family_id: r.family_id, created_at: r.token_created_at, expires_at: r.token_expires_at, used_at: r.used_at }),
      family: family({ family_id: r.family_id, client_id: r.client_id, session_id: r.session_id, user_id: r.family_user_id, scopes: r.scopes, created_at: r.family_created_at, revoked_at: r.revoked_at }),
      session: portalSessionFromRow(r),
    };
  }

  async deleteToken(hash: string): Promise<void> {
    await this.db.deleteFrom('oidc_token').where('token_hash', '=', hash).execute();
  }
}
