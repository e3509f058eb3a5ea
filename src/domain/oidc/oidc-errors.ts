// sso-oidc's refusals: OAuth 2.0 error codes (RFC 6749 §5.2, RFC 8628 §3.5) carried as the
// `reason` of a GatehouseError; the protocol's table turns each into the model's exception.

import { GatehouseError, type ErrorCode } from '../../lib/errors.js';

export type OAuthErrorCode =
  | 'authorization_pending'
  | 'slow_down'
  | 'expired_token'
  | 'access_denied'
  | 'invalid_grant'
  | 'invalid_client'
  | 'invalid_request'
  | 'invalid_scope'
  | 'invalid_client_metadata'
  | 'invalid_redirect_uri'
  | 'unauthorized_client'
  | 'unsupported_grant_type';

const CODES: Readonly<Record<OAuthErrorCode, ErrorCode>> = {
  authorization_pending: 'InvalidState',
  slow_down: 'Throttled',
  expired_token: 'Unauthenticated',
  access_denied: 'AccessDenied',
  invalid_grant: 'Validation',
  invalid_client: 'Unauthenticated',
  invalid_request: 'Validation',
  invalid_scope: 'Validation',
  invalid_client_metadata: 'Validation',
  invalid_redirect_uri: 'Validation',
  unauthorized_client: 'AccessDenied',
  unsupported_grant_type: 'Validation',
};

export const oauthError = (reason: OAuthErrorCode, message: string): GatehouseError =>
  new GatehouseError(CODES[reason], message, { resource: 'OAuth', reason });

export const isOAuthError = (e: unknown): e is GatehouseError & { details: { reason: OAuthErrorCode } } =>
  e instanceof GatehouseError && e.details.resource === 'OAuth' && typeof e.details.reason === 'string' && e.details.reason in CODES;
