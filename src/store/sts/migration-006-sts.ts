import type { Kysely, Migration } from 'kysely';

// Role session revocation: one cut-off per role. Sessions carry everything else in their
// sealed token, so this is the only state temporary credentials need.
export const migration006Sts: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('sts_role_revocation')
      .addColumn('role_id', 'varchar(32)', (c) => c.primaryKey())
      .addColumn('account_id', 'varchar(12)', (c) => c.notNull())
      .addColumn('role_name', 'varchar(64)', (c) => c.notNull())
      .addColumn('revoked_before', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.dropTable('sts_role_revocation').execute();
  },
};
