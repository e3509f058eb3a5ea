// Group commit for audit rows: the rows appended within a few milliseconds are written as one
// multi-row INSERT, one transaction. Every request that changes something, and every role
// credential, appends an event; one transaction each cost more than the rest of a
// GetRoleCredentials call (each commit rewrites the table's and every index's last pages).
// `flush` writes what is pending at once: readers call it first, and so does shutdown.

import type { Kysely, Insertable } from 'kysely';
import type { AuditEventTable, AuditTables } from './tables.js';

type Row = Insertable<AuditEventTable>;

interface Pending {
  readonly row: Row;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

/** How long a row may wait for others to join it. */
export const GROUP_COMMIT_WINDOW_MS = 5;
/** Rows per INSERT: 7 parameters each stays far below every driver's parameter limit. */
const MAX_BATCH = 500;

export class AuditGroupCommit {
  private pending: Pending[] = [];
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> | undefined;

  constructor(private readonly db: Kysely<AuditTables>) {}

  /** Resolves once the row is committed, or rejects with the reason it was not. */
  append(row: Row): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending.push({ row, resolve, reject });
      if (this.pending.length >= MAX_BATCH) void this.flush();
      else this.timer ??= setTimeout(() => void this.flush(), GROUP_COMMIT_WINDOW_MS);
    });
  }

  /** Writes every row appended so far; resolves when they are committed (or refused). */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    while (this.writing) await this.writing;
    if (this.pending.length === 0) return;
    this.writing = this.commit(this.pending.splice(0, MAX_BATCH)).finally(() => (this.writing = undefined));
    await this.writing;
    if (this.pending.length > 0) await this.flush();
  }

  private async commit(batch: readonly Pending[]): Promise<void> {
    try {
      await this.db.insertInto('audit_event').values(batch.map((p) => p.row)).execute();
      for (const p of batch) p.resolve();
    } catch (error) {
      // One bad row must not lose the others: write them one by one, each with its own answer.
      if (batch.length === 1) return batch[0]!.reject(error);
      for (const p of batch) await this.commit([p]);
    }
  }
}
