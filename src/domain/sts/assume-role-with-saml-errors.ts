// AssumeRoleWithSAML's refusals, as the STS block of the exception table names them. The
// messages stay vague on purpose: an attacker probing the verifier learns little.

import { GatehouseError } from '../../lib/errors.js';

/** InvalidIdentityToken: the response cannot be trusted (syntax, signature, structure). */
export const invalidSamlResponse = (message: string) =>
  new GatehouseError('Unauthenticated', `Invalid SAML response: ${message}`, { resource: 'IdentityToken' });

/** IDPRejectedClaim: a trustworthy response whose claims do not allow this request. */
export const samlClaimRejected = (message: string) => new GatehouseError('Unauthenticated', message, { resource: 'SAMLAssertion' });

/** ExpiredTokenException. */
export const samlAssertionExpired = () => new GatehouseError('Unauthenticated', 'Token must be redeemed within 5 minutes of issuance', { resource: 'Token' });
