// The signing key material lives with its lifecycle in the domain (src/domain/saml-keys/);
// the SAML side reaches it here.

export { generateIdpSigningKey, openIdpSigningKey, type SigningKey, type StoredSigningKey } from '../domain/saml-keys/signing-key-material.js';
