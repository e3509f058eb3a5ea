// GetRoleCredentials is the hot call of the portal (the CLI and SDKs call it for every profile,
// again and again). What it resolves from the database besides the token (the user's
// assignments, the permission set, its provisioned role, the instance's attributes for access
// control) is kept per node for a second: a removed assignment stops issuing credentials
// within a second on every node, as STS revocations do (src/domain/sts/revocation-cache.ts).
// The token, its portal session and the user's active state are still read on every request.

import type { Clock } from '../../lib/clock.js';

export const TTL_MS = 1000;
const MAX_ENTRIES = 10_000;

export class TtlCache<V> {
  private readonly entries = new Map<string, { value: V; fetchedAt: number }>();

  constructor(
    private readonly clock: Clock,
    private readonly ttlMs = TTL_MS,
  ) {}

  async get(key: string, load: () => Promise<V>): Promise<V> {
    const now = this.clock.now();
    const hit = this.entries.get(key);
    if (hit && now >= hit.fetchedAt && now - hit.fetchedAt < this.ttlMs) return hit.value;
    const value = await load();
    this.entries.delete(key);
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { value, fetchedAt: now });
    return value;
  }
}
