// The federation endpoint's sign-in token: the caller's temporary credentials (by their session
// token) and a random id, sealed with the key ring under a context of its own, valid for a few
// minutes. Sealed, so the credentials are never readable in a URL; the id makes it single-use
// (the console repository records each id redeemed).

import type { KeyRing } from '../../lib/key-ring.js';

export const SIGNIN_TOKEN_CONTEXT = 'console-signin-token';
const VERSION = 1;

export interface SigninClaims {
  /** Random, base64url: the token's identity for single use. */
  readonly id: string;
  readonly accessKeyId: string;
  /** The STS session token of the credentials. */
  readonly sessionToken: string;
  /** Epoch ms: the token is refused from then on. */
  readonly expiresAt: number;
}

export const sealSigninToken = (keyRing: KeyRing, c: SigninClaims): string =>
  keyRing.seal(JSON.stringify({ v: VERSION, i: c.id, k: c.accessKeyId, t: c.sessionToken, e: c.expiresAt }), SIGNIN_TOKEN_CONTEXT);

/** The claims, or undefined when the token was not sealed by us for this purpose or was altered. */
export const openSigninToken = (keyRing: KeyRing, token: string): SigninClaims | undefined => {
  let p: Record<string, unknown>;
  try {
    p = JSON.parse(keyRing.openString(token, SIGNIN_TOKEN_CONTEXT)) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  if (p?.v !== VERSION || typeof p.i !== 'string' || typeof p.k !== 'string' || typeof p.t !== 'string' || typeof p.e !== 'number') return undefined;
  return { id: p.i, accessKeyId: p.k, sessionToken: p.t, expiresAt: p.e };
};
