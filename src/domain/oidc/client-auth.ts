// The client_id and client_secret every token and device call carries. An unknown id, a wrong
// secret and an expired registration are refused alike.

import { timingSafeEqual } from 'node:crypto';
import { hashToken } from '../sessions/bearer-token.js';
import { oauthError } from './oidc-errors.js';
import type { OidcClient } from './oidc-model.js';
import type { OidcContext } from './oidc-context.js';

export async function authenticateClient(ctx: OidcContext, clientId: string, clientSecret: string | undefined): Promise<OidcClient> {
  const client = clientId.length <= 256 ? await ctx.repo.getClient(clientId) : undefined;
  const given = Buffer.from(hashToken(clientSecret ?? ''));
  const ok = client !== undefined && timingSafeEqual(given, Buffer.from(client.secretHash)) && ctx.now < client.expiresAt;
  if (!ok) throw oauthError('invalid_client', 'Invalid client credentials.');
  return client;
}

/** A client that registered grant types may use only those; one that did not, the device grant. */
export const allowsGrant = (client: OidcClient, grant: string, fallback: boolean): boolean =>
  client.grantTypes.length === 0 ? fallback : client.grantTypes.includes(grant);
