// Each assertion is accepted once while it is valid. For this slice the memory of used
// assertions is per process (one node); a table shared by all nodes is the next step.
// Entries are dropped once their assertion could no longer be accepted anyway.

export class SamlReplayCache {
  private readonly used = new Map<string, number>();

  /** Records `key` until `until` (epoch ms); false when it was already recorded. */
  claim(key: string, until: number, now: number): boolean {
    for (const [k, expiry] of this.used) if (expiry <= now) this.used.delete(k);
    if (this.used.has(key)) return false;
    this.used.set(key, until);
    return true;
  }
}

const caches = new WeakMap<object, SamlReplayCache>();

/** One cache per owner (the server's ports), so tests with separate servers do not share one. */
export const replayCacheOf = (owner: object): SamlReplayCache => {
  let cache = caches.get(owner);
  if (!cache) caches.set(owner, (cache = new SamlReplayCache()));
  return cache;
};
