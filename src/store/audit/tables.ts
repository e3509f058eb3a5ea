// The audit log's table: one row per event. The columns people filter on are columns; the
// rest of the event is JSON. Times are epoch milliseconds.

export interface AuditEventTable {
  event_id: string;
  event_time: number;
  event_source: string;
  event_name: string;
  user_name: string | null;
  /** 1 when the event did not succeed (it has an errorCode). */
  failed: number;
  /** The whole event as JSON. */
  record: string;
}

export interface AuditTables {
  audit_event: AuditEventTable;
}
