// The scopes Gatehouse grants: portal access (`sso:account:access`, what the CLI asks for) and
// OpenID's marker scope. Anything else is InvalidScopeException rather than silently ignored.

import { oauthError } from './oidc-errors.js';

export const ACCOUNT_ACCESS_SCOPE = 'sso:account:access';
const KNOWN_SCOPES = new Set([ACCOUNT_ACCESS_SCOPE, 'openid']);

export const checkScopes = (scopes: readonly string[] | undefined): string[] => {
  const list = [...new Set(scopes ?? [])];
  for (const s of list) if (!KNOWN_SCOPES.has(s)) throw oauthError('invalid_scope', `Invalid scope: ${s}`);
  return list;
};

/** `/authorize`'s `scopes`: space- or comma-separated. */
export const splitScopes = (text: string | undefined): string[] => (text ?? '').split(/[\s,]+/).filter((s) => s !== '');

/** Requested scopes must be among those the client registered (none registered: portal access). */
export const grantableScopes = (registered: readonly string[], requested: readonly string[]): string[] => {
  const allowed = registered.length > 0 ? registered : [ACCOUNT_ACCESS_SCOPE];
  const wanted = requested.length > 0 ? checkScopes(requested) : [...allowed];
  for (const s of wanted) if (!allowed.includes(s)) throw oauthError('invalid_scope', `The client is not registered for scope ${s}.`);
  return wanted;
};
