import { sql, type Kysely, type Migration } from 'kysely';

// IAM: roles, inline and managed policies with versions and attachments, SAML providers and
// account aliases; and, on migration 001's users and keys, the case-folded user name (unique per
// account, as IAM names are), boundary and tags, and access key last-used data.
export const migration004Iam: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('iam_user').addColumn('name_key', 'varchar(64)', (c) => c.notNull().defaultTo('')).execute();
    await db.schema.alterTable('iam_user').addColumn('permissions_boundary_arn', 'varchar(2048)').execute();
    await db.schema.alterTable('iam_user').addColumn('tags', 'text', (c) => c.notNull().defaultTo('[]')).execute();
    await sql`update iam_user set name_key = lower(user_name)`.execute(db);
    await db.schema.createIndex('iam_user_name_key').on('iam_user').columns(['account_id', 'name_key']).unique().execute();

    await db.schema.alterTable('iam_access_key').addColumn('last_used_at', 'bigint').execute();
    await db.schema.alterTable('iam_access_key').addColumn('last_used_service', 'varchar(64)').execute();
    await db.schema.alterTable('iam_access_key').addColumn('last_used_region', 'varchar(32)').execute();

    await db.schema
      .createTable('iam_role')
      .addColumn('account_id', 'varchar(12)', (c) => c.notNull())
      .addColumn('role_name', 'varchar(64)', (c) => c.notNull())
      .addColumn('name_key', 'varchar(64)', (c) => c.notNull())
      .addColumn('role_id', 'varchar(128)', (c) => c.notNull().unique())
      .addColumn('path', 'varchar(512)', (c) => c.notNull())
      .addColumn('arn', 'varchar(2048)', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('assume_role_policy', 'text', (c) => c.notNull())
      .addColumn('description', 'varchar(1000)')
      .addColumn('max_session_duration', 'integer', (c) => c.notNull())
      .addColumn('permissions_boundary_arn', 'varchar(2048)')
      .addColumn('tags', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('iam_role_pk', ['account_id', 'name_key'])
      .execute();

    await db.schema
      .createTable('iam_inline_policy')
      .addColumn('account_id', 'varchar(12)', (c) => c.notNull())
      .addColumn('principal_kind', 'varchar(8)', (c) => c.notNull())
      .addColumn('principal_key', 'varchar(128)', (c) => c.notNull())
      .addColumn('principal_name', 'varchar(128)', (c) => c.notNull())
      .addColumn('policy_name', 'varchar(128)', (c) => c.notNull())
      .addColumn('name_key', 'varchar(128)', (c) => c.notNull())
      .addColumn('document', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('iam_inline_policy_pk', ['account_id', 'principal_kind', 'principal_key', 'name_key'])
      .execute();

    await db.schema
      .createTable('iam_managed_policy')
      .addColumn('arn', 'varchar(2048)', (c) => c.primaryKey())
      .addColumn('account_id', 'varchar(12)', (c) => c.notNull())
      .addColumn('policy_name', 'varchar(128)', (c) => c.notNull())
      .addColumn('name_key', 'varchar(128)', (c) => c.notNull())
      .addColumn('policy_id', 'varchar(128)', (c) => c.notNull().unique())
      .addColumn('path', 'varchar(512)', (c) => c.notNull())
      .addColumn('description', 'varchar(1000)')
      .addColumn('default_version_id', 'varchar(32)', (c) => c.notNull())
      .addColumn('next_version', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .addColumn('tags', 'text', (c) => c.notNull())
      .addUniqueConstraint('iam_managed_policy_name_unique', ['account_id', 'name_key'])
      .execute();

    await db.schema
      .createTable('iam_policy_version')
      .addColumn('policy_arn', 'varchar(2048)', (c) => c.notNull())
      .addColumn('version_id', 'varchar(32)', (c) => c.notNull())
      .addColumn('document', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('iam_policy_version_pk', ['policy_arn', 'version_id'])
      .execute();

    await db.schema
      .createTable('iam_policy_attachment')
      .addColumn('account_id', 'varchar(12)', (c) => c.notNull())
      .addColumn('principal_kind', 'varchar(8)', (c) => c.notNull())
      .addColumn('principal_key', 'varchar(128)', (c) => c.notNull())
      .addColumn('principal_name', 'varchar(128)', (c) => c.notNull())
      .addColumn('policy_arn', 'varchar(2048)', (c) => c.notNull())
      .addPrimaryKeyConstraint('iam_policy_attachment_pk', ['account_id', 'principal_kind', 'principal_key', 'policy_arn'])
      .execute();
    await db.schema
      .createIndex('iam_policy_attachment_policy')
      .on('iam_policy_attachment')
      .columns(['account_id', 'policy_arn'])
      .execute();

    await db.schema
      .createTable('iam_saml_provider')
      .addColumn('arn', 'varchar(2048)', (c) => c.primaryKey())
      .addColumn('account_id', 'varchar(12)', (c) => c.notNull())
      .addColumn('name', 'varchar(128)', (c) => c.notNull())
      .addColumn('name_key', 'varchar(128)', (c) => c.notNull())
      .addColumn('metadata_document', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('valid_until', 'bigint')
      .addColumn('tags', 'text', (c) => c.notNull())
      .addUniqueConstraint('iam_saml_provider_name_unique', ['account_id', 'name_key'])
      .execute();

    await db.schema
      .createTable('iam_account_alias')
      .addColumn('alias', 'varchar(63)', (c) => c.primaryKey())
      .addColumn('account_id', 'varchar(12)', (c) => c.notNull().unique())
      .execute();
  },
};
