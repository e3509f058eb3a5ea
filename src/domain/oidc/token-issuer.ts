// Access and refresh tokens: random, kept as hashes, each in a family (one grant), and bound
// to the portal session that granted them: they last as long as it does, and die with it.

import { hashToken, newBearerToken } from '../sessions/bearer-token.js';
import type { PortalSession } from '../sessions/portal-session.js';
import type { OidcClient, TokenFamily } from './oidc-model.js';
import { REFRESH_TOKEN_GRANT } from './oidc-model.js';
import type { OidcContext } from './oidc-context.js';

export interface IssuedTokens {
  readonly accessToken: string;
  readonly tokenType: 'Bearer';
  /** Seconds. */
  readonly expiresIn: number;
  readonly refreshToken?: string;
}

/** What CreateToken grants: the tokens, and the portal session (the person) they stand for. */
export interface TokenGrant {
  readonly tokens: IssuedTokens;
  readonly session: PortalSession;
  readonly client: OidcClient;
}

export async function newFamily(ctx: OidcContext, client: OidcClient, session: PortalSession, scopes: readonly string[]): Promise<TokenFamily> {
  const family: TokenFamily = {
    familyId: ctx.random.uuid(),
    clientId: client.clientId,
    sessionId: session.sessionId,
    userId: session.userId!,
    scopes,
    createdAt: ctx.now,
  };
  await ctx.repo.insertFamily(family);
  return family;
}

export async function issueTokens(ctx: OidcContext, client: OidcClient, family: TokenFamily, session: PortalSession): Promise<TokenGrant> {
  const expiresAt = session.expiresAt;
  const accessToken = newBearerToken(ctx.random);
  await ctx.repo.insertToken({ tokenHash: hashToken(accessToken), kind: 'access', familyId: family.familyId, createdAt: ctx.now, expiresAt });
  let refreshToken: string | undefined;
  // Only clients that registered for refresh get refresh tokens, as in Identity Center.
  if (client.grantTypes.includes(REFRESH_TOKEN_GRANT)) {
    refreshToken = newBearerToken(ctx.random);
    await ctx.repo.insertToken({ tokenHash: hashToken(refreshToken), kind: 'refresh', familyId: family.familyId, createdAt: ctx.now, expiresAt });
  }
  const tokens: IssuedTokens = {
    accessToken,
    tokenType: 'Bearer',
    expiresIn: Math.max(1, Math.floor((expiresAt - ctx.now) / 1000)),
    ...(refreshToken !== undefined ? { refreshToken } : {}),
  };
  return { tokens, session, client };
}
