// The CLI's side of sso-oidc, shared by the login flows and the token refresh: the client (the
// real AWS SDK one, pointed at the Gatehouse origin), the registration the CLI makes, and how a
// CreateToken answer becomes a cache entry.

import { RegisterClientCommand, SSOOIDCClient, type CreateTokenCommandOutput } from '@aws-sdk/client-sso-oidc';
import { awsTimestamp, type SsoCachedToken } from './sso-cache.js';
import type { SsoTarget } from './sso-target.js';

export const CLIENT_NAME = 'gatehouse-cli';
export const ACCOUNT_ACCESS_SCOPE = 'sso:account:access';
export const DEVICE_CODE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';
/** Registered as `aws sso login` registers it; the port of each login's listener may differ (RFC 8252 §7.3). */
export const REGISTERED_REDIRECT_URI = 'http://127.0.0.1/oauth/callback';

export interface ClientRegistration {
  readonly clientId: string;
  readonly clientSecret: string;
  /** Epoch seconds. */
  readonly clientSecretExpiresAt: number;
}

export const ssoOidcClient = (target: SsoTarget): SSOOIDCClient => new SSOOIDCClient({ region: target.region, endpoint: target.origin, maxAttempts: 2 });

/** Registers a public client for one flow. Both ask for refresh tokens, so the session outlives its first access token. */
export const registerCliClient = async (oidc: SSOOIDCClient, flow: 'pkce' | 'device'): Promise<ClientRegistration> => {
  const out = await oidc.send(
    new RegisterClientCommand({
      clientName: CLIENT_NAME,
      clientType: 'public',
      scopes: [ACCOUNT_ACCESS_SCOPE],
      ...(flow === 'pkce'
        ? { grantTypes: ['authorization_code', 'refresh_token'], redirectUris: [REGISTERED_REDIRECT_URI] }
        : { grantTypes: [DEVICE_CODE_GRANT, 'refresh_token'] }),
    }),
  );
  if (!out.clientId || !out.clientSecret) throw new Error('sso-oidc RegisterClient answered without a client id or secret');
  return { clientId: out.clientId, clientSecret: out.clientSecret, clientSecretExpiresAt: out.clientSecretExpiresAt ?? 0 };
};

type TokenAnswer = Pick<CreateTokenCommandOutput, 'accessToken' | 'expiresIn' | 'refreshToken'>;

/** The cache entry for a fresh token; the registration is kept only when there is a refresh token to use it with. */
export const cacheEntryFor = (target: SsoTarget, answer: TokenAnswer, registration: ClientRegistration, now: number): SsoCachedToken => {
  if (!answer.accessToken || !answer.expiresIn) throw new Error('sso-oidc CreateToken answered without an access token or expiry');
  return {
    startUrl: target.startUrl,
    region: target.region,
    accessToken: answer.accessToken,
    expiresAt: awsTimestamp(now + answer.expiresIn * 1000),
    ...(answer.refreshToken
      ? {
          clientId: registration.clientId,
          clientSecret: registration.clientSecret,
          registrationExpiresAt: awsTimestamp(registration.clientSecretExpiresAt * 1000),
          refreshToken: answer.refreshToken,
        }
      : {}),
  };
};
