import type { Kysely, Migration } from 'kysely';

export const migration001Core: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('instance')
      .addColumn('instance_arn', 'varchar(1224)', (c) => c.primaryKey())
      .addColumn('identity_store_id', 'varchar(36)', (c) => c.notNull().unique())
      .addColumn('owner_account_id', 'varchar(12)', (c) => c.notNull())
      .addColumn('name', 'varchar(255)', (c) => c.notNull())
      .addColumn('status', 'varchar(32)', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('admin_user_arn', 'varchar(2048)', (c) => c.notNull())
      // One instance per installation: nodes that bootstrap together collide here.
      .addColumn('singleton', 'integer', (c) => c.notNull().defaultTo(1).unique())
      .execute();
    await db.schema
      .createTable('iam_user')
      .addColumn('account_id', 'varchar(12)', (c) => c.notNull())
      .addColumn('user_name', 'varchar(64)', (c) => c.notNull())
      .addColumn('user_id', 'varchar(128)', (c) => c.notNull().unique())
      .addColumn('path', 'varchar(512)', (c) => c.notNull())
      .addColumn('arn', 'varchar(2048)', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('iam_user_pk', ['account_id', 'user_name'])
      .execute();
    await db.schema
      .createTable('iam_access_key')
      .addColumn('access_key_id', 'varchar(128)', (c) => c.primaryKey())
      .addColumn('account_id', 'varchar(12)', (c) => c.notNull())
      .addColumn('user_name', 'varchar(64)', (c) => c.notNull())
      .addColumn('secret_sealed', 'text', (c) => c.notNull())
      .addColumn('status', 'varchar(16)', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('iam_access_key_user')
      .on('iam_access_key')
      .columns(['account_id', 'user_name'])
      .execute();
  },
};
