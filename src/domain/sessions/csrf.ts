// CSRF tokens bound to the portal session: an HMAC of the session's own token, so nothing more is
// stored and a rotated session gets a new one. A cross-site form cannot read it, so a POST
// without it did not come from our page.

import { createHmac, timingSafeEqual } from 'node:crypto';

export const csrfToken = (sessionToken: string): string =>
  createHmac('sha256', sessionToken).update('gatehouse-csrf').digest('base64url');

export const checkCsrf = (sessionToken: string, submitted: unknown): boolean => {
  if (typeof submitted !== 'string') return false;
  const expected = Buffer.from(csrfToken(sessionToken));
  const given = Buffer.from(submitted);
  return given.length === expected.length && timingSafeEqual(given, expected);
};
