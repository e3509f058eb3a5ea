// sso-oidc rows to domain records: JSON lists parsed, PostgreSQL's bigint strings made numbers,
// NULLs dropped.

import type { AuthorizationCode, DeviceAuthorization, DeviceStatus, OAuthToken, OidcClient, TokenFamily } from '../../domain/oidc/oidc-model.js';
import type { PortalSessionTable, OidcClientTable, OidcCodeTable, OidcDeviceTable, OidcFamilyTable, OidcTokenTable } from './tables.js';

export type GrantRow = PortalSessionTable & {
  token_hash: string; kind: string; family_id: string; token_created_at: number; token_expires_at: number; used_at: number | null;
  client_id: string; family_user_id: string; scopes: string; family_created_at: number; revoked_at: number | null;
  present_user_id: string | null; disabled_at: number | null;
};

const list = (text: string): string[] => JSON.parse(text) as string[];
const opt = <K extends string>(key: K, v: number | string | null) => (v === null ? {} : ({ [key]: Number(v) } as Record<K, number>));

export const clientRow = (r: OidcClientTable): OidcClient => ({
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

export const deviceRow = (r: OidcDeviceTable): DeviceAuthorization => ({
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

export const codeRow = (r: OidcCodeTable): AuthorizationCode => ({
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

export const familyRow = (r: OidcFamilyTable): TokenFamily => ({
  familyId: r.family_id,
  clientId: r.client_id,
  sessionId: r.session_id,
  userId: r.user_id,
  scopes: list(r.scopes),
  createdAt: Number(r.created_at),
  ...opt('revokedAt', r.revoked_at),
});

export const tokenRow = (r: OidcTokenTable): OAuthToken => ({
  tokenHash: r.token_hash,
  kind: r.kind as OAuthToken['kind'],
  familyId: r.family_id,
  createdAt: Number(r.created_at),
  expiresAt: Number(r.expires_at),
  ...opt('usedAt', r.used_at),
});
