// A self-signed X.509 v3 certificate (RSA, sha256WithRSAEncryption) for the identity provider's
// signing key. Service providers only use the public key in it; the certificate is how SAML
// metadata carries that key.

import { createSign, X509Certificate, type KeyObject } from 'node:crypto';
import { bitString, explicit, nullValue, objectIdentifier, sequence, set, time, tlv, unsignedInteger, utf8String } from './der.js';

const SHA256_WITH_RSA = sequence(objectIdentifier('1.2.840.113549.1.1.11'), nullValue());
const COMMON_NAME = '2.5.4.3';

export interface CertificateRequest {
  readonly publicKey: KeyObject;
  readonly privateKey: KeyObject;
  readonly commonName: string;
  readonly notBefore: number;
  readonly notAfter: number;
  /** At most 20 bytes (RFC 5280 4.1.2.2). */
  readonly serial: Buffer;
}

export function createSelfSignedCertificate(req: CertificateRequest): X509Certificate {
  const name = sequence(set(sequence(objectIdentifier(COMMON_NAME), utf8String(req.commonName))));
  const tbs = sequence(
    explicit(0, tlv(0x02, Buffer.from([2]))), // v3
    unsignedInteger(req.serial),
    SHA256_WITH_RSA,
    name,
    sequence(time(req.notBefore), time(req.notAfter)),
    name,
    req.publicKey.export({ type: 'spki', format: 'der' }),
  );
  const signature = createSign('sha256').update(tbs).sign(req.privateKey);
  return new X509Certificate(sequence(tbs, SHA256_WITH_RSA, bitString(signature)));
}

/** The base64 body of a PEM certificate, as metadata and KeyInfo carry it. */
export const certificateBase64 = (cert: X509Certificate): string => cert.raw.toString('base64');
