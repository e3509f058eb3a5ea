// Compiled policy sets kept by a caller-supplied version key (for example a hash of the
// attached policies' versions): a bounded LRU, so hot principals stay compiled.

import { compilePolicySet, type CompiledPolicySet } from './compile.js';
import type { PolicySet } from './request.js';

export class PolicyCache {
  private readonly entries = new Map<string, CompiledPolicySet>();

  constructor(readonly maxEntries = 1000) {
    if (!(maxEntries >= 1)) throw new RangeError('PolicyCache needs room for at least one entry');
  }

  /** The compiled set for `key`, compiling `load()` on a miss. */
  get(key: string, load: () => PolicySet): CompiledPolicySet {
    const hit = this.entries.get(key);
    if (hit !== undefined) {
      // Re-insert to mark as most recently used (a Map iterates in insertion order).
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const compiled = compilePolicySet(load());
    this.entries.set(key, compiled);
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    return compiled;
  }

  peek(key: string): CompiledPolicySet | undefined {
    return this.entries.get(key);
  }

  delete(key: string): boolean {
    return this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
