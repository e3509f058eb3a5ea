// The SigV4 signing key depends only on (secret, date, region, service), so it is derived once a
// day per caller and kept in a bounded map: a verification then costs one HMAC plus hashing,
// not five HMACs.

import { createHmac, hash } from 'node:crypto';

const hmac = (key: Buffer | string, data: string): Buffer => createHmac('sha256', key).update(data).digest();

export const deriveSigningKey = (secret: string, date: string, region: string, service: string): Buffer =>
  hmac(hmac(hmac(hmac(`AWS4${secret}`, date), region), service), 'aws4_request');

/**
 * HMAC-SHA256 (RFC 2104) with the key's padded blocks prepared once: two one-shot hashes over
 * reused buffers cost a fraction of building an Hmac object per request, and give the same MAC.
 * Each hash comes out as a 'binary' (latin1) string, one char per byte, written straight back
 * where it is needed: on Node 20 `hash(..., 'buffer')` costs about twice a string output.
 * Reusing the buffers is safe: each call is synchronous and JavaScript runs it to completion.
 */
export class PreparedHmacKey {
  private readonly inner = Buffer.alloc(64 + 512);
  private readonly outer = Buffer.alloc(64 + 32);
  // The view of `inner` the last message filled: a key's strings to sign all have one length.
  private innerView = this.inner.subarray(0, 64);

  constructor(key: Buffer) {
    const block = Buffer.alloc(64);
    (key.length > 64 ? hash('sha256', key, 'buffer') : key).copy(block);
    for (let i = 0; i < 64; i++) {
      this.inner[i] = block[i]! ^ 0x36;
      this.outer[i] = block[i]! ^ 0x5c;
    }
  }

  /** The MAC as a 'binary' (latin1) string, one char per byte: the cheapest output (see above). */
  digestBinary(message: string): string {
    const room = this.inner.length - 64;
    // Buffer#write stops short rather than overflow; a message that might not fit goes the slow way.
    let innerHash: string;
    if (message.length * 3 <= room) {
      const end = 64 + this.inner.write(message, 64, 'utf8');
      if (this.innerView.length !== end) this.innerView = this.inner.subarray(0, end);
      innerHash = hash('sha256', this.innerView, 'binary');
    } else {
      innerHash = hash('sha256', Buffer.concat([this.inner.subarray(0, 64), Buffer.from(message, 'utf8')]), 'binary');
    }
    this.outer.write(innerHash, 64, 'binary');
    return hash('sha256', this.outer, 'binary');
  }

  digest(message: string): Buffer {
    return Buffer.from(this.digestBinary(message), 'binary');
  }
}

interface Entry {
  readonly date: string;
  readonly region: string;
  readonly service: string;
  readonly key: PreparedHmacKey;
}

/**
 * Prepared signing keys by secret, then by scope. Bounded: past `capacity` secrets the oldest
 * is dropped (insertion order; a hit does not reorder, which keeps lookups to one Map read).
 */
export class SigningKeyCache {
  private readonly bySecret = new Map<string, Entry[]>();

  constructor(private readonly capacity = 1024) {}

  get(secret: string, date: string, region: string, service: string): PreparedHmacKey {
    let entries = this.bySecret.get(secret);
    if (entries) {
      for (let i = 0; i < entries.length; i++) {
        const e = entries[i]!;
        if (e.date === date && e.region === region && e.service === service) return e.key;
      }
    } else {
      entries = [];
      this.bySecret.set(secret, entries);
      if (this.bySecret.size > this.capacity) this.bySecret.delete(this.bySecret.keys().next().value!);
    }
    const key = new PreparedHmacKey(deriveSigningKey(secret, date, region, service));
    // A few scopes per secret at most (services × days); keep the newest eight.
    if (entries.length >= 8) entries.shift();
    entries.push({ date, region, service, key });
    return key;
  }

  get size(): number {
    return this.bySecret.size;
  }
}
