import type { Kysely, Migration } from 'kysely';

// The audit log: read newest first, whole or by event name or user name; swept by time.
export const migration014Audit: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('audit_event')
      .addColumn('event_id', 'varchar(32)', (c) => c.primaryKey())
      .addColumn('event_time', 'bigint', (c) => c.notNull())
      .addColumn('event_source', 'varchar(64)', (c) => c.notNull())
      .addColumn('event_name', 'varchar(64)', (c) => c.notNull())
      .addColumn('user_name', 'varchar(256)')
      .addColumn('failed', 'integer', (c) => c.notNull())
      .addColumn('record', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('audit_event_time').on('audit_event').columns(['event_time', 'event_id']).execute();
    await db.schema.createIndex('audit_event_name').on('audit_event').columns(['event_name', 'event_time']).execute();
    await db.schema.createIndex('audit_event_user').on('audit_event').columns(['user_name', 'event_time']).execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.dropTable('audit_event').execute();
  },
};
