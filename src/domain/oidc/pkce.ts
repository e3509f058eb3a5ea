// PKCE (RFC 7636), S256 only: the plain method would hand the verifier to anyone who sees the
// authorization request.

import { createHash, timingSafeEqual } from 'node:crypto';

/** RFC 7636 §4.1: 43 to 128 characters of [A-Za-z0-9-._~]. */
const VERIFIER = /^[A-Za-z0-9\-._~]{43,128}$/;
/** BASE64URL(SHA256(verifier)) is always 43 characters. */
const CHALLENGE = /^[A-Za-z0-9_-]{43}$/;

export const isCodeChallenge = (challenge: string): boolean => CHALLENGE.test(challenge);

export const s256 = (verifier: string): string => createHash('sha256').update(verifier, 'ascii').digest('base64url');

export const verifyPkce = (challenge: string, verifier: string | undefined): boolean => {
  if (verifier === undefined || !VERIFIER.test(verifier)) return false;
  const a = Buffer.from(s256(verifier));
  const b = Buffer.from(challenge);
  return a.length === b.length && timingSafeEqual(a, b);
};
