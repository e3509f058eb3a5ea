// The SigV4 signing key depends only on (secret, date, region, service), so it is derived once a
// day per caller and kept in a bounded map: a verification then costs one HMAC plus hashing,
// not five HMACs.

import { createHmac } from 'node:crypto';

const hmac = (key: Buffer | string, data: string): Buffer => createHmac('sha256', key).update(data).digest();

export const deriveSigningKey = (secret: string, date: string, region: string, service: string): Buffer =>
  hmac(hmac(hmac(hmac(`AWS4${secret}`, date), region), service), 'aws4_request');

export class SigningKeyCache {
  private readonly keys = new Map<string, Buffer>();

  constructor(private readonly capacity = 1024) {}

  get(secret: string, date: string, region: string, service: string): Buffer {
    const id = `${date}\0${region}\0${service}\0${secret}`;
    const hit = this.keys.get(id);
    if (hit) {
      // Re-insert so the map's insertion order is least-recently-used first.
      this.keys.delete(id);
      this.keys.set(id, hit);
      return hit;
    }
    const key = deriveSigningKey(secret, date, region, service);
    this.keys.set(id, key);
    if (this.keys.size > this.capacity) this.keys.delete(this.keys.keys().next().value!);
    return key;
  }

  get size(): number {
    return this.keys.size;
  }
}
