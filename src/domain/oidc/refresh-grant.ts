// The refresh_token grant: each refresh token is exchanged once for a new pair in the same
// family (rotation). A token exchanged twice was stolen or replayed, so the whole family is
// revoked (OAuth 2.0 Security BCP §4.14); and nothing is refreshed once the portal session is over.

import { hashToken } from '../sessions/bearer-token.js';
import { allowsGrant } from './client-auth.js';
import { oauthError } from './oidc-errors.js';
import { REFRESH_TOKEN_GRANT, type OidcClient } from './oidc-model.js';
import type { OidcContext } from './oidc-context.js';
import { issueTokens, type TokenGrant } from './token-issuer.js';

export async function redeemRefreshToken(ctx: OidcContext, client: OidcClient, refreshToken: string | undefined): Promise<TokenGrant> {
  if (!allowsGrant(client, REFRESH_TOKEN_GRANT, false)) throw oauthError('unauthorized_client', 'The client is not registered for refresh_token.');
  if (!refreshToken) throw oauthError('invalid_request', 'refreshToken is required.');
  const invalid = () => oauthError('invalid_grant', 'Invalid refresh token provided');
  const hash = hashToken(refreshToken);
  const token = await ctx.repo.getToken(hash);
  if (!token || token.kind !== 'refresh') throw invalid();
  const family = await ctx.repo.getFamily(token.familyId);
  if (!family || family.clientId !== client.clientId || family.revokedAt !== undefined) throw invalid();
  if (!(await ctx.repo.claimRefreshToken(hash, ctx.now))) {
    await ctx.repo.revokeFamily(family.familyId, ctx.now);
    throw invalid();
  }
  if (ctx.now >= token.expiresAt) throw oauthError('expired_token', 'The refresh token has expired.');
  const session = await ctx.sessions.isSignedIn(family.sessionId);
  if (!session) {
    await ctx.repo.revokeFamily(family.familyId, ctx.now);
    throw oauthError('invalid_grant', 'The sign-in session has ended; sign in again.');
  }
  return issueTokens(ctx, client, family, session);
}
