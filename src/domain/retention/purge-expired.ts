// One retention sweep: for each kind, delete batch after batch until a batch comes back short.
// Pure over its ports: the time comes from the clock, the deleting from the store.

import type { Ports } from '../ports.js';
import { PURGE_KINDS, type PurgeKind } from './retention-repository.js';
import { DEFAULT_RETENTION_GRACE_MS, retentionCutoffs } from './retention-cutoffs.js';

export const DEFAULT_PURGE_BATCH_SIZE = 500;

/** How long audit events are kept: 90 days, as CloudTrail's event history. */
export const DEFAULT_AUDIT_RETENTION_MS = 90 * 24 * 3600 * 1000;

export type PurgeTotals = Readonly<Record<PurgeKind | 'auditEvents', number>>;

export interface PurgeOptions {
  readonly graceMs?: number;
  readonly auditRetentionMs?: number;
  /** Rows per delete statement. */
  readonly batchSize?: number;
  /** Asked between batches: true ends the sweep early (the server is stopping). */
  readonly stopping?: () => boolean;
}

export async function purgeExpired(ports: Pick<Ports, 'store' | 'clock'>, options: PurgeOptions = {}): Promise<PurgeTotals> {
  const cutoffs = retentionCutoffs(ports.clock.now(), options.graceMs ?? DEFAULT_RETENTION_GRACE_MS);
  const limit = options.batchSize ?? DEFAULT_PURGE_BATCH_SIZE;
  const totals = Object.fromEntries([...PURGE_KINDS, 'auditEvents'].map((k) => [k, 0])) as Record<PurgeKind | 'auditEvents', number>;
  const auditBefore = ports.clock.now() - (options.auditRetentionMs ?? DEFAULT_AUDIT_RETENTION_MS);
  const steps: [PurgeKind | 'auditEvents', () => Promise<number>][] = [
    ...PURGE_KINDS.map((kind): [PurgeKind, () => Promise<number>] => [kind, () => ports.store.retention.purge(kind, cutoffs[kind], limit)]),
    ['auditEvents', () => ports.store.audit.deleteBefore(auditBefore, limit)],
  ];
  for (const [kind, purge] of steps) {
    for (;;) {
      if (options.stopping?.()) return totals;
      const deleted = await purge();
      totals[kind] += deleted;
      if (deleted < limit) break;
    }
  }
  return totals;
}

export const purgedAnything = (totals: PurgeTotals): boolean => Object.values(totals).some((n) => n > 0);
