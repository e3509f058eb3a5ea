import type { Kysely, Migration } from 'kysely';

// Console sign-ins: the primary key (a hash of the sign-in token's id) makes a token single-use
// across nodes; expires_at lets old rows be swept.
export const migration012Console: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('console_signin')
      .addColumn('signin_id', 'varchar(64)', (c) => c.primaryKey())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .addColumn('ended_at', 'bigint')
      .execute();
    await db.schema.createIndex('console_signin_expires').on('console_signin').column('expires_at').execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.dropTable('console_signin').execute();
  },
};
