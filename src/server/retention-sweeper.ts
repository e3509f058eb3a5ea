// The background worker that deletes ended and expired sign-in material (portal sessions,
// sso-oidc device authorizations, codes, tokens, token families and client registrations), so
// sign-ins do not add rows forever. Every node runs one; their sweeps do not collide (see the
// retention repository). A failed sweep is logged and tried again at the next interval; stopping
// lets the batch in hand finish.

import type { Ports } from '../domain/ports.js';
import { purgeExpired, purgedAnything, type PurgeTotals } from '../domain/retention/purge-expired.js';

export const DEFAULT_RETENTION_INTERVAL_MS = 10 * 60 * 1000;

export interface RetentionSweeperOptions {
  /** How often to sweep, the first time one interval after start; 10 minutes by default. */
  readonly intervalMs?: number;
  /** How long things are kept after they end or expire; 24 hours by default. */
  readonly graceMs?: number;
  /** How long audit events are kept; 90 days by default. */
  readonly auditRetentionMs?: number;
  /** Rows per delete statement. */
  readonly batchSize?: number;
  readonly logger?: { info(obj: unknown, msg?: string): void; error(obj: unknown, msg?: string): void };
}

export class RetentionSweeper {
  private running = false;
  /** Set by stop(): a sweep under way ends after its batch in hand. */
  private stopped = false;
  private timer: NodeJS.Timeout | undefined;
  private current: Promise<unknown> | undefined;

  constructor(private readonly ports: Pick<Ports, 'store' | 'clock'>, private readonly options: RetentionSweeperOptions = {}) {}

  private get intervalMs(): number {
    return this.options.intervalMs ?? DEFAULT_RETENTION_INTERVAL_MS;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.stopped = false;
    // Not at once: start-up has enough to do, and nothing expires in the first minutes.
    this.schedule(this.intervalMs);
  }

  async stop(): Promise<void> {
    this.running = false;
    this.stopped = true;
    clearTimeout(this.timer);
    await this.current;
  }

  /** One sweep now; answers what it deleted, or undefined when it failed (it is logged). */
  async sweep(): Promise<PurgeTotals | undefined> {
    try {
      const totals = await purgeExpired(this.ports, {
        graceMs: this.options.graceMs,
        auditRetentionMs: this.options.auditRetentionMs,
        batchSize: this.options.batchSize,
        stopping: () => this.stopped,
      });
      // Counts only: never a token, a hash or an id.
      if (purgedAnything(totals)) this.options.logger?.info({ deleted: totals }, 'retention sweep');
      return totals;
    } catch (error) {
      this.options.logger?.error({ err: error }, 'retention sweep');
      return undefined;
    }
  }

  private schedule(ms: number): void {
    this.timer = setTimeout(() => {
      this.current = this.sweep().then(() => {
        if (this.running) this.schedule(this.intervalMs);
      });
    }, ms);
    // A pending sweep never keeps the process alive on its own.
    this.timer.unref();
  }
}
