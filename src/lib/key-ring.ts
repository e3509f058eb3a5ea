// Secrets at rest are sealed with AES-256-GCM under a key ring. Each sealed value names the
// key that sealed it, so keys rotate: the first key seals, every key still opens.
// Sealed form: `gh1.<keyId>.<base64url(iv | ciphertext | tag)>`.

import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

export interface RingKey {
  readonly id: string;
  readonly key: Buffer;
}

const PREFIX = 'gh1';

export class KeyRing {
  private readonly byId: Map<string, Buffer>;

  constructor(private readonly keys: readonly RingKey[]) {
    if (keys.length === 0) throw new Error('a key ring needs at least one key');
    for (const k of keys) {
      if (k.key.length !== 32) throw new Error(`key ${k.id} must be 32 bytes`);
      if (!/^[A-Za-z0-9_-]+$/.test(k.id)) throw new Error(`key id ${k.id} is not [A-Za-z0-9_-]+`);
    }
    this.byId = new Map(keys.map((k) => [k.id, k.key]));
  }

  /** Seals `plaintext`; `context` binds the value to its place (additional authenticated data). */
  seal(plaintext: string | Buffer, context = ''): string {
    const { id, key } = this.keys[0];
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(Buffer.from(context));
    const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    const blob = Buffer.concat([iv, body, cipher.getAuthTag()]);
    return `${PREFIX}.${id}.${blob.toString('base64url')}`;
  }

  /** Opens a sealed value; throws when it was tampered with or its key is not in the ring. */
  open(sealed: string, context = ''): Buffer {
    const [prefix, id, data] = sealed.split('.');
    const key = this.byId.get(id ?? '');
    if (prefix !== PREFIX || !key || !data) throw new Error('sealed value is malformed or its key is unknown');
    const blob = Buffer.from(data, 'base64url');
    if (blob.length < 28) throw new Error('sealed value is malformed');
    const decipher = createDecipheriv('aes-256-gcm', key, blob.subarray(0, 12));
    decipher.setAAD(Buffer.from(context));
    decipher.setAuthTag(blob.subarray(blob.length - 16));
    return Buffer.concat([decipher.update(blob.subarray(12, blob.length - 16)), decipher.final()]);
  }

  openString(sealed: string, context = ''): string {
    return this.open(sealed, context).toString('utf8');
  }
}

/**
 * Parses `GATEHOUSE_MASTER_KEY`: either one base64 key, or `id:base64,id:base64` with the
 * sealing key first.
 */
export const parseKeyRingSpec = (spec: string): RingKey[] =>
  spec.split(',').map((entry, i) => {
    const [id, b64] = entry.includes(':') ? entry.split(':', 2) : [`k${i}`, entry];
    return { id: id.trim(), key: Buffer.from(b64.trim(), 'base64') };
  });
