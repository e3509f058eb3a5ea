import type { Kysely, Migration } from 'kysely';

// Users, groups, their external ids, and group memberships. Uniqueness per identity store:
// user name and group display name (case-folded keys), external id (Issuer, Id), and one
// membership per (group, user). Memberships go with their user or group (ON DELETE CASCADE, as
// a backstop: the service deletes them explicitly in the same transaction).
export const migration002IdentityStore: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('identity_store_user')
      .addColumn('user_id', 'varchar(64)', (c) => c.primaryKey())
      .addColumn('identity_store_id', 'varchar(36)', (c) => c.notNull())
      .addColumn('user_name', 'varchar(256)', (c) => c.notNull())
      .addColumn('user_name_key', 'varchar(64)', (c) => c.notNull())
      .addColumn('email_key', 'varchar(64)')
      .addColumn('attributes', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addUniqueConstraint('identity_store_user_name_unique', ['identity_store_id', 'user_name_key'])
      .execute();
    await db.schema
      .createIndex('identity_store_user_email')
      .on('identity_store_user')
      .columns(['identity_store_id', 'email_key'])
      .execute();
    await db.schema
      .createIndex('identity_store_user_list')
      .on('identity_store_user')
      .columns(['identity_store_id', 'user_id'])
      .execute();

    await db.schema
      .createTable('identity_store_group')
      .addColumn('group_id', 'varchar(64)', (c) => c.primaryKey())
      .addColumn('identity_store_id', 'varchar(36)', (c) => c.notNull())
      .addColumn('display_name', 'text', (c) => c.notNull())
      .addColumn('display_name_key', 'varchar(64)', (c) => c.notNull())
      .addColumn('attributes', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addUniqueConstraint('identity_store_group_name_unique', ['identity_store_id', 'display_name_key'])
      .execute();
    await db.schema
      .createIndex('identity_store_group_list')
      .on('identity_store_group')
      .columns(['identity_store_id', 'group_id'])
      .execute();

    await db.schema
      .createTable('identity_store_external_id')
      .addColumn('identity_store_id', 'varchar(36)', (c) => c.notNull())
      .addColumn('issuer', 'varchar(512)', (c) => c.notNull())
      .addColumn('external_id', 'varchar(1024)', (c) => c.notNull())
      .addColumn('resource_type', 'varchar(16)', (c) => c.notNull())
      .addColumn('resource_id', 'varchar(64)', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('identity_store_external_id_pk', ['identity_store_id', 'issuer', 'external_id'])
      .execute();
    await db.schema
      .createIndex('identity_store_external_id_resource')
      .on('identity_store_external_id')
      .columns(['resource_id'])
      .execute();

    await db.schema
      .createTable('identity_store_membership')
      .addColumn('membership_id', 'varchar(64)', (c) => c.primaryKey())
      .addColumn('identity_store_id', 'varchar(36)', (c) => c.notNull())
      .addColumn('group_id', 'varchar(64)', (c) =>
        c.notNull().references('identity_store_group.group_id').onDelete('cascade'),
      )
      .addColumn('user_id', 'varchar(64)', (c) => c.notNull().references('identity_store_user.user_id').onDelete('cascade'))
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addUniqueConstraint('identity_store_membership_unique', ['group_id', 'user_id'])
      .execute();
    await db.schema
      .createIndex('identity_store_membership_group')
      .on('identity_store_membership')
      .columns(['group_id', 'membership_id'])
      .execute();
    await db.schema
      .createIndex('identity_store_membership_user')
      .on('identity_store_membership')
      .columns(['user_id', 'membership_id'])
      .execute();
  },
};
