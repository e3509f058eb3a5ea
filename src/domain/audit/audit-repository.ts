// The persistence port of the audit log: append-only, read newest first.

import type { AuditEvent } from './audit-event.js';

/** What a reader narrows the log to. */
export interface AuditFilter {
  /** Inclusive, epoch ms. */
  readonly startTime?: number;
  /** Exclusive, epoch ms. */
  readonly endTime?: number;
  readonly eventName?: string;
  readonly eventSource?: string;
  /** Matches `userIdentity.userName`. */
  readonly userName?: string;
  /** Only events that did not succeed. */
  readonly failedOnly?: boolean;
}

export interface AuditQuery extends AuditFilter {
  /** Keyset position: events strictly older than this one (newest first). */
  readonly before?: { readonly eventTime: number; readonly eventId: string };
  readonly limit: number;
}

export interface AuditRepository {
  /** Resolves when the event is written (a store may gather several into one write). */
  append(event: AuditEvent): Promise<void>;
  /** Resolves when every event appended so far is written. */
  flush(): Promise<void>;
  /** Newest first: by time, then id, descending. */
  lookup(query: AuditQuery): Promise<AuditEvent[]>;
  /** Deletes at most `limit` events older than `before`; answers how many. */
  deleteBefore(before: number, limit: number): Promise<number>;
}
