// RegisterClient: public clients only (the CLI, SDKs, IDEs). The secret is random and kept as a
// hash; it expires after 90 days as in Identity Center, and the client id with it.

import { hashToken, newBearerToken } from '../sessions/bearer-token.js';
import { oauthError } from './oidc-errors.js';
import { AUTHORIZATION_CODE_GRANT, GRANT_TYPES, type OidcClient } from './oidc-model.js';
import type { OidcContext } from './oidc-context.js';
import { checkScopes } from './scopes.js';
import { isAcceptableRedirectUri } from './redirect-uri.js';

export const CLIENT_LIFETIME_MS = 90 * 24 * 3600 * 1000;

export interface RegisterClientInput {
  readonly clientName: string;
  readonly clientType: string;
  readonly scopes?: readonly string[];
  readonly redirectUris?: readonly string[];
  readonly grantTypes?: readonly string[];
  readonly issuerUrl?: string;
}

export interface RegisteredClient {
  readonly clientId: string;
  readonly clientSecret: string;
  /** Epoch seconds, as the wire has them. */
  readonly clientIdIssuedAt: number;
  readonly clientSecretExpiresAt: number;
}

export async function registerClient(ctx: OidcContext, input: RegisterClientInput): Promise<RegisteredClient> {
  const name = input.clientName.trim();
  if (name === '' || name.length > 256) throw oauthError('invalid_client_metadata', 'clientName must be 1 to 256 characters.');
  if (input.clientType !== 'public') throw oauthError('invalid_client_metadata', `Invalid client type: ${input.clientType}`);
  const scopes = checkScopes(input.scopes);
  const grantTypes = [...new Set(input.grantTypes ?? [])];
  for (const g of grantTypes) {
    if (!(GRANT_TYPES as readonly string[]).includes(g)) throw oauthError('invalid_client_metadata', `Invalid grant type: ${g}`);
  }
  const redirectUris = [...new Set(input.redirectUris ?? [])];
  for (const uri of redirectUris) {
    if (!isAcceptableRedirectUri(uri)) throw oauthError('invalid_redirect_uri', `Invalid redirect URI: ${uri}`);
  }
  if (grantTypes.includes(AUTHORIZATION_CODE_GRANT) && redirectUris.length === 0) {
    throw oauthError('invalid_request', 'The authorization_code grant needs at least one redirect URI.');
  }
  const clientId = newBearerToken(ctx.random, 16);
  const clientSecret = newBearerToken(ctx.random, 48);
  const client: OidcClient = {
    clientId,
    secretHash: hashToken(clientSecret),
    clientName: name,
    clientType: 'public',
    scopes,
    grantTypes,
    redirectUris,
    ...(input.issuerUrl !== undefined ? { issuerUrl: input.issuerUrl } : {}),
    createdAt: ctx.now,
    expiresAt: ctx.now + CLIENT_LIFETIME_MS,
  };
  await ctx.repo.insertClient(client);
  return {
    clientId,
    clientSecret,
    clientIdIssuedAt: Math.floor(client.createdAt / 1000),
    clientSecretExpiresAt: Math.floor(client.expiresAt / 1000),
  };
}
