// The /authorize request (`aws sso login`): checked before anyone signs in. Until the client and
// redirect URI are known good, a problem is shown to the person (never sent to an unchecked
// redirect URI); after, it goes back to the client as RFC 6749 §4.1.2.1 says.

import type { OidcClient } from './oidc-model.js';
import { AUTHORIZATION_CODE_GRANT } from './oidc-model.js';
import type { OidcContext } from './oidc-context.js';
import { isRegisteredRedirectUri } from './redirect-uri.js';
import { isCodeChallenge } from './pkce.js';
import { grantableScopes, splitScopes } from './scopes.js';
import { isOAuthError } from './oidc-errors.js';

export interface AuthorizeRequest {
  readonly clientId: string;
  readonly redirectUri: string;
  readonly state?: string;
  readonly codeChallenge: string;
  readonly scopes: readonly string[];
}

export type AuthorizeCheck =
  | { readonly kind: 'ok'; readonly request: AuthorizeRequest; readonly client: OidcClient }
  /** Shown on our page: the redirect URI cannot be trusted. */
  | { readonly kind: 'show'; readonly message: string }
  /** Sent back to the client. */
  | { readonly kind: 'redirect'; readonly location: string };

/** `redirectUri` with the query parameters added. */
export const withParams = (redirectUri: string, params: Readonly<Record<string, string | undefined>>): string => {
  const url = new URL(redirectUri);
  for (const [k, v] of Object.entries(params)) if (v !== undefined) url.searchParams.set(k, v);
  return url.toString();
};

const one = (params: Readonly<Record<string, unknown>>, name: string): string | undefined => {
  const v = params[name];
  return typeof v === 'string' ? v : undefined;
};

export async function checkAuthorizeRequest(ctx: OidcContext, params: Readonly<Record<string, unknown>>): Promise<AuthorizeCheck> {
  const clientId = one(params, 'client_id');
  const redirectUri = one(params, 'redirect_uri');
  const client = clientId && clientId.length <= 256 ? await ctx.repo.getClient(clientId) : undefined;
  if (!client || ctx.now >= client.expiresAt) return { kind: 'show', message: 'The application that sent you here is not registered, or its registration has expired.' };
  if (!redirectUri || !isRegisteredRedirectUri(client.redirectUris, redirectUri)) {
    return { kind: 'show', message: 'The application asked to send you to an address it did not register.' };
  }
  const state = one(params, 'state');
  const fail = (error: string, description: string): AuthorizeCheck => ({
    kind: 'redirect',
    location: withParams(redirectUri, { error, error_description: description, state }),
  });
  if (one(params, 'response_type') !== 'code') return fail('unsupported_response_type', 'response_type must be code.');
  if (!client.grantTypes.includes(AUTHORIZATION_CODE_GRANT)) return fail('unauthorized_client', 'The client is not registered for authorization_code.');
  const challenge = one(params, 'code_challenge');
  if (one(params, 'code_challenge_method') !== 'S256' || !challenge || !isCodeChallenge(challenge)) {
    return fail('invalid_request', 'PKCE with code_challenge_method S256 is required.');
  }
  let scopes: string[];
  try {
    scopes = grantableScopes(client.scopes, splitScopes(one(params, 'scopes') ?? one(params, 'scope')));
  } catch (e) {
    if (isOAuthError(e)) return fail('invalid_scope', e.message);
    throw e;
  }
  return { kind: 'ok', client, request: { clientId: client.clientId, redirectUri, ...(state !== undefined ? { state } : {}), codeChallenge: challenge, scopes } };
}
