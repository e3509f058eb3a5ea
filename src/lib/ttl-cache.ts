// A bounded map whose entries expire: for facts that may be a few seconds stale across nodes
// (credentials, compiled policies, revocation cut-offs), re-read after `ttlMs`.

import type { Clock } from './clock.js';

export class TtlCache<K, V> {
  private readonly entries = new Map<K, { value: V; at: number }>();

  constructor(
    private readonly clock: Clock,
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
  ) {}

  /** The cached value, or `load()`'s (which is then cached). */
  async get(key: K, load: () => Promise<V>): Promise<V> {
    const now = this.clock.now();
    const hit = this.entries.get(key);
    if (hit && now - hit.at < this.ttlMs && now >= hit.at) return hit.value;
    const value = await load();
    this.set(key, value, now);
    return value;
  }

  set(key: K, value: V, at = this.clock.now()): void {
    this.entries.delete(key);
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { value, at });
  }

  clear(): void {
    this.entries.clear();
  }
}
