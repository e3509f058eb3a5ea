// The persistence port of sso-oidc. One-time things (codes, refresh tokens, approved device
// codes) are claimed by a conditional update, so two nodes racing cannot both win.

import type { PortalSession } from '../sessions/portal-session.js';
import type { AuthorizationCode, DeviceAuthorization, DeviceStatus, OAuthToken, OidcClient, TokenFamily } from './oidc-model.js';

export interface OidcRepository {
  insertClient(client: OidcClient): Promise<void>;
  getClient(clientId: string): Promise<OidcClient | undefined>;

  /** Throws a Conflict when the user code is taken. */
  insertDevice(device: DeviceAuthorization): Promise<void>;
  getDevice(deviceCodeHash: string): Promise<DeviceAuthorization | undefined>;
  getDeviceByUserCode(userCode: string): Promise<DeviceAuthorization | undefined>;
  /** Records a poll; answers the previous poll time. */
  touchDevice(deviceCodeHash: string, at: number): Promise<number | undefined>;
  /** Moves `from` → `to` (and records the session); false when it was not in `from`. */
  setDeviceStatus(deviceCodeHash: string, from: DeviceStatus, to: DeviceStatus, sessionId?: string): Promise<boolean>;

  insertCode(code: AuthorizationCode): Promise<void>;
  getCode(codeHash: string): Promise<AuthorizationCode | undefined>;
  /** Marks it used; false when it was used already. */
  claimCode(codeHash: string, at: number): Promise<boolean>;

  insertFamily(family: TokenFamily): Promise<void>;
  getFamily(familyId: string): Promise<TokenFamily | undefined>;
  revokeFamily(familyId: string, at: number): Promise<void>;
  insertToken(token: OAuthToken): Promise<void>;
  getToken(tokenHash: string): Promise<OAuthToken | undefined>;
  /** Marks a refresh token exchanged; false when it was exchanged already. */
  claimRefreshToken(tokenHash: string, at: number): Promise<boolean>;
  deleteToken(tokenHash: string): Promise<void>;
  /**
   * The token with its family, its portal session, and whether the session's user is active
   * (DirectoryCredentials.isActive's answer), in one read: every portal API call does this.
   */
  getTokenGrant(tokenHash: string): Promise<{ token: OAuthToken; family: TokenFamily; session: PortalSession; userActive: boolean } | undefined>;
}
