// The claims a verified assertion must make for AWS's sign-in endpoint: valid now (with a small
// clock skew), addressed to AWS (audience), confirmed for bearer use at AWS's ACS (recipient),
// and naming the requested role together with the provider that vouches for it.

import { invalidSamlResponse, samlAssertionExpired, samlClaimRejected } from './assume-role-with-saml-errors.js';
import type { SamlClaims } from './assume-role-with-saml-claims.js';

export const AWS_SAML_ACS = 'https://signin.aws.amazon.com/saml';
/** AWS's service-provider entity id, and the ACS URL some IdPs put as audience instead. */
export const AWS_SAML_AUDIENCES: readonly string[] = ['urn:amazon:webservices', AWS_SAML_ACS];
export const ROLE_ATTRIBUTE = 'https://aws.amazon.com/SAML/Attributes/Role';
export const CLOCK_SKEW_MS = 60_000;

/** Checks the time window; returns until when the assertion may still be presented. */
export function checkTimes(c: SamlClaims, now: number): number {
  const confirmation = c.confirmations.find((b) => b.recipient === AWS_SAML_ACS);
  const ends = [c.notOnOrAfter, confirmation?.notOnOrAfter].filter((t): t is number => t !== undefined);
  // An assertion with no end could be replayed forever once the replay memory forgets it.
  if (ends.length === 0) throw invalidSamlResponse('the assertion has no NotOnOrAfter');
  const end = Math.min(...ends);
  const starts = [c.notBefore, confirmation?.notBefore].filter((t): t is number => t !== undefined);
  if (now + CLOCK_SKEW_MS < Math.max(...starts, -Infinity)) throw samlClaimRejected('The assertion is not yet valid.');
  if (now - CLOCK_SKEW_MS >= end) throw samlAssertionExpired();
  return end + CLOCK_SKEW_MS;
}

/** Returns the recipient, which is the `SAML:aud` condition key. */
export function checkAudience(c: SamlClaims): string {
  if (c.audienceRestrictions.length === 0) throw samlClaimRejected('The assertion has no audience restriction.');
  // Every restriction must admit us (SAML core 2.5.1.4).
  if (!c.audienceRestrictions.every((list) => list.some((a) => AWS_SAML_AUDIENCES.includes(a)))) {
    throw samlClaimRejected('The assertion is not intended for this audience.');
  }
  if (!c.confirmations.some((b) => b.recipient === AWS_SAML_ACS)) {
    throw samlClaimRejected('The assertion has no bearer confirmation for this recipient.');
  }
  return AWS_SAML_ACS;
}

/** The Role attribute holds `roleArn,providerArn` pairs (either order, as AWS accepts). */
export function checkRolePair(c: SamlClaims, roleArn: string, principalArn: string): void {
  const pairs = (c.attributes.get(ROLE_ATTRIBUTE) ?? []).map((v) => v.split(',').map((s) => s.trim()));
  const found = pairs.some((p) => p.length === 2 && ((p[0] === roleArn && p[1] === principalArn) || (p[1] === roleArn && p[0] === principalArn)));
  if (!found) throw samlClaimRejected('The role and provider requested are not in the assertion.');
}
