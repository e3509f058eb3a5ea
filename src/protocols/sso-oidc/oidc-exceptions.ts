// sso-oidc's exceptions (the model's names and statuses) for each OAuth error code, and the
// error body: `error` and `error_description` as the model declares, plus `__type` and
// `message` as every restJson error of ours has. The name goes in `x-amzn-ErrorType` too.

import { isGatehouseError } from '../../lib/errors.js';
import { isOAuthError, type OAuthErrorCode } from '../../domain/oidc/oidc-errors.js';

const EXCEPTIONS: Readonly<Record<OAuthErrorCode, readonly [string, number]>> = {
  authorization_pending: ['AuthorizationPendingException', 400],
  slow_down: ['SlowDownException', 400],
  expired_token: ['ExpiredTokenException', 400],
  access_denied: ['AccessDeniedException', 400],
  invalid_grant: ['InvalidGrantException', 400],
  invalid_client: ['InvalidClientException', 401],
  invalid_request: ['InvalidRequestException', 400],
  invalid_scope: ['InvalidScopeException', 400],
  invalid_client_metadata: ['InvalidClientMetadataException', 400],
  invalid_redirect_uri: ['InvalidRedirectUriException', 400],
  unauthorized_client: ['UnauthorizedClientException', 400],
  unsupported_grant_type: ['UnsupportedGrantTypeException', 400],
};

export interface OidcWireError {
  readonly name: string;
  readonly status: number;
  readonly error: string;
  readonly description: string;
}

const INTERNAL: OidcWireError = { name: 'InternalServerException', status: 500, error: 'server_error', description: 'An internal error occurred.' };

export const oidcWireError = (e: unknown): OidcWireError => {
  if (isOAuthError(e)) {
    const reason = e.details.reason;
    const [name, status] = EXCEPTIONS[reason];
    return { name, status, error: reason, description: e.message };
  }
  // Validation from elsewhere (a page size, a malformed member) is a bad request.
  if (isGatehouseError(e) && e.code === 'Validation') return { name: 'InvalidRequestException', status: 400, error: 'invalid_request', description: e.message };
  return INTERNAL;
};

export const oidcErrorBody = (w: OidcWireError) => ({ __type: w.name, message: w.description, error: w.error, error_description: w.description });
