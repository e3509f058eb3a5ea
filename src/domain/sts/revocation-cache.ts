// "Revoke active sessions", checked on every request of a role session: the cut-off is read
// from the store at most once per TTL per role on each node, so a revocation made on another
// node takes effect within the TTL and a request costs a map lookup.

import type { Clock } from '../../lib/clock.js';
import type { RoleSession } from './role-session.js';
import type { StsRepository } from './sts-repository.js';

export const REVOCATION_CACHE_TTL_MS = 1000;
const MAX_ENTRIES = 10_000;

interface Entry {
  /** Undefined: the role has no cut-off. */
  readonly revokedBefore: number | undefined;
  readonly fetchedAt: number;
}

export class RevocationCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly repository: StsRepository,
    private readonly clock: Clock,
    private readonly ttlMs = REVOCATION_CACHE_TTL_MS,
  ) {}

  /** True when the session was issued before its role's cut-off. */
  async isRevoked(session: Pick<RoleSession, 'roleId' | 'issuedAt'>): Promise<boolean> {
    const cutOff = await this.cutOff(session.roleId);
    return cutOff !== undefined && session.issuedAt < cutOff;
  }

  /** Records a cut-off made through this node, so this node enforces it at once. */
  remember(roleId: string, revokedBefore: number): void {
    this.put(roleId, { revokedBefore, fetchedAt: this.clock.now() });
  }

  private async cutOff(roleId: string): Promise<number | undefined> {
    const now = this.clock.now();
    const hit = this.entries.get(roleId);
    if (hit && now - hit.fetchedAt < this.ttlMs && now >= hit.fetchedAt) return hit.revokedBefore;
    const revokedBefore = (await this.repository.getRoleRevocation(roleId))?.revokedBefore;
    this.put(roleId, { revokedBefore, fetchedAt: now });
    return revokedBefore;
  }

  private put(roleId: string, entry: Entry): void {
    this.entries.delete(roleId);
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(roleId, entry);
  }
}
