// One retention sweep: for each kind, delete batch after batch until a batch comes back short.
// Pure over its ports: the time comes from the clock, the deleting from the store.

import type { Ports } from '../ports.js';
import { PURGE_KINDS, type PurgeKind } from './retention-repository.js';
import { DEFAULT_RETENTION_GRACE_MS, retentionCutoffs } from './retention-cutoffs.js';

export const DEFAULT_PURGE_BATCH_SIZE = 500;

export type PurgeTotals = Readonly<Record<PurgeKind, number>>;

export interface PurgeOptions {
  readonly graceMs?: number;
  /** Rows per delete statement. */
  readonly batchSize?: number;
  /** Asked between batches: true ends the sweep early (the server is stopping). */
  readonly stopping?: () => boolean;
}

export async function purgeExpired(ports: Pick<Ports, 'store' | 'clock'>, options: PurgeOptions = {}): Promise<PurgeTotals> {
  const cutoffs = retentionCutoffs(ports.clock.now(), options.graceMs ?? DEFAULT_RETENTION_GRACE_MS);
  const limit = options.batchSize ?? DEFAULT_PURGE_BATCH_SIZE;
  const totals = Object.fromEntries(PURGE_KINDS.map((k) => [k, 0])) as Record<PurgeKind, number>;
  for (const kind of PURGE_KINDS) {
    for (;;) {
      if (options.stopping?.()) return totals;
      const deleted = await ports.store.retention.purge(kind, cutoffs[kind], limit);
      totals[kind] += deleted;
      if (deleted < limit) break;
    }
  }
  return totals;
}

export const purgedAnything = (totals: PurgeTotals): boolean => PURGE_KINDS.some((k) => totals[k] > 0);
