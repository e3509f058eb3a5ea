// The identity provider's signing key: RSA-2048 from node:crypto, the private key sealed with
// the key ring (the context binds the sealed value to its key id), and a self-signed
// certificate that metadata publishes.

import { createPrivateKey, generateKeyPairSync, randomBytes, X509Certificate, type KeyObject } from 'node:crypto';
import type { KeyRing } from '../../lib/key-ring.js';
import { createSelfSignedCertificate } from './self-signed-certificate.js';

export interface StoredSigningKey {
  readonly keyId: string;
  readonly certificatePem: string;
  readonly sealedPrivateKey: string;
  readonly notAfter: number;
}

const TEN_YEARS_MS = 10 * 365 * 24 * 3600 * 1000;
const sealContext = (keyId: string) => `saml-signing-key:${keyId}`;

export function generateIdpSigningKey(keyRing: KeyRing, opts: { readonly commonName: string; readonly now: number; readonly validForMs?: number }): StoredSigningKey {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const serial = randomBytes(16);
  serial[0] = serial[0]! & 0x7f; // positive
  const keyId = serial.toString('hex');
  const notAfter = opts.now + (opts.validForMs ?? TEN_YEARS_MS);
  const cert = createSelfSignedCertificate({ publicKey, privateKey, commonName: opts.commonName, notBefore: opts.now, notAfter, serial });
  const pkcs8 = privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
  return { keyId, certificatePem: cert.toString(), sealedPrivateKey: keyRing.seal(pkcs8, sealContext(keyId)), notAfter };
}

export interface SigningKey {
  readonly privateKey: KeyObject;
  readonly certificate: X509Certificate;
  readonly certificatePem: string;
}

/** Opens a stored key for signing; throws when the key ring cannot open it. */
export const openIdpSigningKey = (keyRing: KeyRing, stored: StoredSigningKey): SigningKey => ({
  privateKey: createPrivateKey(keyRing.openString(stored.sealedPrivateKey, sealContext(stored.keyId))),
  certificate: new X509Certificate(stored.certificatePem),
  certificatePem: stored.certificatePem,
});
