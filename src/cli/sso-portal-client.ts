// The portal API client (the SDK's `sso` service: ListAccounts, ListAccountRoles,
// GetRoleCredentials), pointed at the Gatehouse origin. Its calls carry the bearer token, not
// SigV4, so it needs no AWS credentials.

import { SSOClient, UnauthorizedException } from '@aws-sdk/client-sso';
import { SignInRequired } from './sso-command-errors.js';
import { loginHint, type SsoTarget } from './sso-target.js';

export const ssoPortalClient = (target: SsoTarget): SSOClient => new SSOClient({ region: target.region, endpoint: target.origin, maxAttempts: 2 });

/** A refused bearer token means the portal session ended (signed out, disabled, expired): sign in again. */
export const signInAgainIfUnauthorized = (target: SsoTarget) => (e: unknown): never => {
  if (e instanceof UnauthorizedException) throw new SignInRequired(`the sign-in to ${target.startUrl} has ended: run ${loginHint(target)}`);
  throw e;
};
