import type { Kysely, Migration } from 'kysely';

// Directory credentials: passwords (argon2id hashes), sign-in attempt state, disabled flags,
// TOTP devices (sealed secrets, at most two per user by a unique slot) and their pending
// enrollments, and the instance's sign-in settings. Rows are keyed by the identity store's user
// id; they do not reference that table, so the areas migrate and evolve independently.
export const migration007Directory: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('directory_credential')
      .addColumn('user_id', 'varchar(64)', (c) => c.primaryKey())
      .addColumn('identity_store_id', 'varchar(36)', (c) => c.notNull())
      .addColumn('password_hash', 'text')
      .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('password_changed_at', 'bigint')
      .addColumn('failed_attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('retry_at', 'bigint')
      .addColumn('locked_until', 'bigint')
      .addColumn('attempt_seq', 'bigint', (c) => c.notNull().defaultTo(0))
      .addColumn('disabled_at', 'bigint')
      .addColumn('status_version', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('directory_mfa_device')
      .addColumn('device_id', 'varchar(64)', (c) => c.primaryKey())
      .addColumn('user_id', 'varchar(64)', (c) => c.notNull())
      .addColumn('slot', 'integer', (c) => c.notNull())
      .addColumn('kind', 'varchar(16)', (c) => c.notNull())
      .addColumn('name', 'varchar(256)', (c) => c.notNull())
      .addColumn('secret_sealed', 'text', (c) => c.notNull())
      .addColumn('last_used_step', 'bigint', (c) => c.notNull())
      .addColumn('last_used_at', 'bigint')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addUniqueConstraint('directory_mfa_device_slot_unique', ['user_id', 'slot'])
      .execute();

    await db.schema
      .createTable('directory_totp_enrollment')
      .addColumn('enrollment_id', 'varchar(64)', (c) => c.primaryKey())
      .addColumn('user_id', 'varchar(64)', (c) => c.notNull())
      .addColumn('name', 'varchar(256)', (c) => c.notNull())
      .addColumn('secret_sealed', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('directory_totp_enrollment_expiry').on('directory_totp_enrollment').column('expires_at').execute();

    await db.schema
      .createTable('directory_settings')
      .addColumn('id', 'varchar(16)', (c) => c.primaryKey())
      .addColumn('mfa_mode', 'varchar(16)', (c) => c.notNull())
      .addColumn('session_duration', 'varchar(32)', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute();
  },
  async down(db: Kysely<any>) {
    for (const table of ['directory_settings', 'directory_totp_enrollment', 'directory_mfa_device', 'directory_credential']) {
      await db.schema.dropTable(table).execute();
    }
  },
};
