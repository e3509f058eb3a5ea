// A software WebAuthn authenticator for domain tests: a P-256 key, "none" attestation, and
// assertions signed as a real authenticator signs them (authenticator data ‖ SHA-256 of the
// client data), so the server's verification runs unchanged.

import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import { isoCBOR } from '@simplewebauthn/server/helpers';

const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest();
const b64u = (b: Uint8Array) => Buffer.from(b).toString('base64url');

/** What a test may falsify in one response. */
export interface Tamper {
  readonly origin?: string;
  readonly rpId?: string;
  readonly counter?: number;
  readonly challenge?: string;
}

export class SoftAuthenticator {
  readonly credentialId = randomBytes(16);
  private readonly keys: { publicKey: KeyObject; privateKey: KeyObject } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  counter = 0;

  constructor(
    readonly rpId: string,
    readonly origin: string,
  ) {}

  get id(): string {
    return b64u(this.credentialId);
  }

  private coseKey(): Uint8Array {
    const jwk = this.keys.publicKey.export({ format: 'jwk' });
    return isoCBOR.encode(
      new Map<number, number | Uint8Array>([
        [1, 2], // kty: EC2
        [3, -7], // alg: ES256
        [-1, 1], // crv: P-256
        [-2, Buffer.from(jwk.x!, 'base64url')],
        [-3, Buffer.from(jwk.y!, 'base64url')],
      ]),
    );
  }

  private authData(rpId: string, counter: number, attested: boolean): Buffer {
    const flags = 0x01 | 0x04 | (attested ? 0x40 : 0); // user present, verified, attested data
    const count = Buffer.alloc(4);
    count.writeUInt32BE(counter);
    const parts = [sha256(rpId), Buffer.from([flags]), count];
    if (attested) {
      const len = Buffer.alloc(2);
      len.writeUInt16BE(this.credentialId.length);
      parts.push(Buffer.alloc(16), len, this.credentialId, Buffer.from(this.coseKey()));
    }
    return Buffer.concat(parts);
  }

  private clientData(type: string, options: { challenge: string }, t: Tamper): Buffer {
    return Buffer.from(JSON.stringify({ type, challenge: t.challenge ?? options.challenge, origin: t.origin ?? this.origin, crossOrigin: false }));
  }

  register(options: { challenge: string }, t: Tamper = {}) {
    const authData = this.authData(t.rpId ?? this.rpId, this.counter, true);
    const attestationObject = isoCBOR.encode(new Map<string, unknown>([['fmt', 'none'], ['attStmt', new Map()], ['authData', authData]]) as never);
    return {
      id: this.id,
      rawId: this.id,
      response: { clientDataJSON: b64u(this.clientData('webauthn.create', options, t)), attestationObject: b64u(attestationObject), transports: ['usb'] },
      clientExtensionResults: {},
      type: 'public-key',
    };
  }

  authenticate(options: { challenge: string }, t: Tamper = {}) {
    this.counter = t.counter ?? this.counter + 1;
    const authData = this.authData(t.rpId ?? this.rpId, this.counter, false);
    const clientData = this.clientData('webauthn.get', options, t);
    const signature = sign('sha256', Buffer.concat([authData, sha256(clientData)]), this.keys.privateKey);
    return {
      id: this.id,
      rawId: this.id,
      response: { clientDataJSON: b64u(clientData), authenticatorData: b64u(authData), signature: b64u(signature) },
      clientExtensionResults: {},
      type: 'public-key',
    };
  }
}
