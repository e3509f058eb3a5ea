// What sso-oidc keeps: registered clients, device authorizations, authorization codes, and
// token families (the tokens of one grant, revoked together). Every secret is stored as its
// SHA-256 hash only. Times are epoch milliseconds.

export const DEVICE_CODE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';
export const AUTHORIZATION_CODE_GRANT = 'authorization_code';
export const REFRESH_TOKEN_GRANT = 'refresh_token';
export const GRANT_TYPES = [DEVICE_CODE_GRANT, AUTHORIZATION_CODE_GRANT, REFRESH_TOKEN_GRANT] as const;

export interface OidcClient {
  readonly clientId: string;
  readonly secretHash: string;
  readonly clientName: string;
  readonly clientType: 'public';
  readonly scopes: readonly string[];
  /** As registered; empty means the device grant only (and no refresh tokens). */
  readonly grantTypes: readonly string[];
  readonly redirectUris: readonly string[];
  readonly issuerUrl?: string;
  readonly createdAt: number;
  readonly expiresAt: number;
}

export type DeviceStatus = 'pending' | 'approved' | 'denied' | 'consumed';

export interface DeviceAuthorization {
  readonly deviceCodeHash: string;
  /** Eight letters, stored without the dash. */
  readonly userCode: string;
  readonly clientId: string;
  readonly scopes: readonly string[];
  readonly status: DeviceStatus;
  /** The portal session that approved it. */
  readonly sessionId?: string;
  readonly intervalSeconds: number;
  readonly lastPolledAt?: number;
  readonly createdAt: number;
  readonly expiresAt: number;
}

export interface AuthorizationCode {
  readonly codeHash: string;
  readonly clientId: string;
  /** Exactly as sent to /authorize: CreateToken must send the same. */
  readonly redirectUri: string;
  readonly codeChallenge: string;
  readonly sessionId: string;
  readonly scopes: readonly string[];
  readonly createdAt: number;
  readonly expiresAt: number;
  readonly usedAt?: number;
  /** The family the first redemption issued: a second redemption revokes it. */
  readonly familyId?: string;
}

export interface TokenFamily {
  readonly familyId: string;
  readonly clientId: string;
  readonly sessionId: string;
  readonly userId: string;
  readonly scopes: readonly string[];
  readonly createdAt: number;
  readonly revokedAt?: number;
}

export interface OAuthToken {
  readonly tokenHash: string;
  readonly kind: 'access' | 'refresh';
  readonly familyId: string;
  readonly createdAt: number;
  readonly expiresAt: number;
  /** Refresh tokens: when it was exchanged (a second exchange is a reuse). */
  readonly usedAt?: number;
}
