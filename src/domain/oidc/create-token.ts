// CreateToken: authenticate the client, then the grant. Answers the tokens with whom they are for.

import { authenticateClient } from './client-auth.js';
import { oauthError } from './oidc-errors.js';
import { AUTHORIZATION_CODE_GRANT, DEVICE_CODE_GRANT, REFRESH_TOKEN_GRANT } from './oidc-model.js';
import type { OidcContext } from './oidc-context.js';
import { redeemDeviceCode } from './device-flow.js';
import { redeemAuthorizationCode } from './authorization-code.js';
import { redeemRefreshToken } from './refresh-grant.js';
import type { TokenGrant } from './token-issuer.js';

export interface CreateTokenInput {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly grantType: string;
  readonly deviceCode?: string;
  readonly code?: string;
  readonly refreshToken?: string;
  readonly redirectUri?: string;
  readonly codeVerifier?: string;
}

export async function createToken(ctx: OidcContext, input: CreateTokenInput): Promise<TokenGrant> {
  const client = await authenticateClient(ctx, input.clientId, input.clientSecret);
  switch (input.grantType) {
    case DEVICE_CODE_GRANT:
      return redeemDeviceCode(ctx, client, input.deviceCode);
    case AUTHORIZATION_CODE_GRANT:
      return redeemAuthorizationCode(ctx, client, input);
    case REFRESH_TOKEN_GRANT:
      return redeemRefreshToken(ctx, client, input.refreshToken);
    default:
      throw oauthError('unsupported_grant_type', `Unsupported grant type: ${input.grantType}`);
  }
}
