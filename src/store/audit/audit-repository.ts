// The audit log over Kysely, one code path for SQLite and PostgreSQL: rows are appended, read
// newest first by keyset (time, then id), and deleted by age in bounded batches.

import type { Kysely } from 'kysely';
import type { AuditEvent } from '../../domain/audit/audit-event.js';
import type { AuditQuery, AuditRepository } from '../../domain/audit/audit-repository.js';
import { isPostgres } from '../sso-admin/dialect-of.js';
import type { AuditTables } from './tables.js';
import { columnValue } from './column-value.js';
import { AuditGroupCommit } from './group-commit.js';

// The filter columns' sizes (migration 014).
const SOURCE = (v: string) => columnValue(v, 64);
const NAME = (v: string) => columnValue(v, 64);
const USER = (v: string) => columnValue(v, 256);

export class KyselyAuditRepository implements AuditRepository {
  private readonly db: Kysely<AuditTables>;
  private readonly group: AuditGroupCommit | undefined;

  /**
   * `groupCommit`: appends within a few milliseconds share a transaction. Only for the store's
   * own connection: inside a caller's transaction a row must be written before it ends.
   */
  constructor(db: Kysely<any>, groupCommit = false) {
    this.db = db as Kysely<AuditTables>;
    this.group = groupCommit ? new AuditGroupCommit(this.db) : undefined;
  }

  async append(e: AuditEvent): Promise<void> {
    const row = {
      event_id: e.eventId,
      event_time: e.eventTime,
      event_source: SOURCE(e.eventSource),
      event_name: NAME(e.eventName),
      user_name: e.userIdentity.userName === undefined ? null : USER(e.userIdentity.userName),
      failed: e.errorCode === undefined ? 0 : 1,
      record: JSON.stringify(e),
    };
    if (this.group) return this.group.append(row);
    await this.db.insertInto('audit_event').values(row).execute();
  }

  async flush(): Promise<void> {
    await this.group?.flush();
  }

  async lookup(q: AuditQuery): Promise<AuditEvent[]> {
    let query = this.db.selectFrom('audit_event').select('record');
    if (q.startTime !== undefined) query = query.where('event_time', '>=', q.startTime);
    if (q.endTime !== undefined) query = query.where('event_time', '<', q.endTime);
    if (q.eventName !== undefined) query = query.where('event_name', '=', NAME(q.eventName));
    if (q.eventSource !== undefined) query = query.where('event_source', '=', SOURCE(q.eventSource));
    if (q.userName !== undefined) query = query.where('user_name', '=', USER(q.userName));
    if (q.failedOnly) query = query.where('failed', '=', 1);
    if (q.before) {
      const { eventTime, eventId } = q.before;
      query = query.where((eb) => eb.or([eb('event_time', '<', eventTime), eb.and([eb('event_time', '=', eventTime), eb('event_id', '<', eventId)])]));
    }
    const rows = await query.orderBy('event_time', 'desc').orderBy('event_id', 'desc').limit(q.limit).execute();
    return rows.map((r) => JSON.parse(r.record) as AuditEvent);
  }

  async deleteBefore(before: number, limit: number): Promise<number> {
    let keys = this.db.selectFrom('audit_event').select('event_id').where('event_time', '<', before).limit(limit);
    // Another node sweeping at the same time takes other rows instead of waiting for these.
    if (isPostgres(this.db)) keys = keys.forUpdate().skipLocked();
    const result = await this.db.deleteFrom('audit_event').where('event_id', 'in', keys).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
