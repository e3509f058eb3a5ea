// Authorization codes (RFC 6749 §4.1 with PKCE): issued when the person allows, redeemable once
// within 10 minutes. The family of tokens a code yields is created with the code, so a second
// redemption, however close behind the first, revokes what the first issued (§10.5).

import { hashToken, newBearerToken } from '../sessions/bearer-token.js';
import type { PortalSession } from '../sessions/portal-session.js';
import { allowsGrant } from './client-auth.js';
import { oauthError } from './oidc-errors.js';
import { AUTHORIZATION_CODE_GRANT, type OidcClient } from './oidc-model.js';
import type { OidcContext } from './oidc-context.js';
import type { AuthorizeRequest } from './authorize-request.js';
import { withParams } from './authorize-request.js';
import { verifyPkce } from './pkce.js';
import { issueTokens, newFamily, type TokenGrant } from './token-issuer.js';

export const CODE_LIFETIME_MS = 10 * 60 * 1000;

/** Where to send the browser: the redirect URI with the new code and the state. */
export async function issueAuthorizationCode(ctx: OidcContext, client: OidcClient, request: AuthorizeRequest, session: PortalSession): Promise<string> {
  const code = newBearerToken(ctx.random);
  const family = await newFamily(ctx, client, session, request.scopes);
  await ctx.repo.insertCode({
    codeHash: hashToken(code),
    clientId: client.clientId,
    redirectUri: request.redirectUri,
    codeChallenge: request.codeChallenge,
    sessionId: session.sessionId,
    scopes: request.scopes,
    createdAt: ctx.now,
    expiresAt: ctx.now + CODE_LIFETIME_MS,
    familyId: family.familyId,
  });
  return withParams(request.redirectUri, { code, state: request.state });
}

export const denyAuthorization = (request: AuthorizeRequest): string =>
  withParams(request.redirectUri, { error: 'access_denied', error_description: 'The user denied the request.', state: request.state });

export interface CodeRedemption {
  readonly code?: string;
  readonly redirectUri?: string;
  readonly codeVerifier?: string;
}

export async function redeemAuthorizationCode(ctx: OidcContext, client: OidcClient, input: CodeRedemption): Promise<TokenGrant> {
  if (!allowsGrant(client, AUTHORIZATION_CODE_GRANT, false)) throw oauthError('unauthorized_client', 'The client is not registered for authorization_code.');
  if (!input.code) throw oauthError('invalid_request', 'code is required.');
  const hash = hashToken(input.code);
  const code = await ctx.repo.getCode(hash);
  const invalid = () => oauthError('invalid_grant', 'Invalid authorization code provided');
  if (!code || code.clientId !== client.clientId) throw invalid();
  if (!(await ctx.repo.claimCode(hash, ctx.now))) {
    if (code.familyId) await ctx.repo.revokeFamily(code.familyId, ctx.now);
    throw invalid();
  }
  if (ctx.now >= code.expiresAt || input.redirectUri !== code.redirectUri || !verifyPkce(code.codeChallenge, input.codeVerifier)) throw invalid();
  const session = await ctx.sessions.isSignedIn(code.sessionId);
  const family = code.familyId ? await ctx.repo.getFamily(code.familyId) : undefined;
  if (!session || !family || family.revokedAt !== undefined) throw invalid();
  return issueTokens(ctx, client, family, session);
}

