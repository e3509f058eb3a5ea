import type { Kysely, Migration } from 'kysely';

// The organization: one row in org_organization; the tree (root, OUs, accounts by parent id);
// policies and their attachments; trusted services, delegated administrators, tags; and the
// access roles still to create in accounts made by CreateAccount.
export const migration003Organizations: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('org_organization')
      .addColumn('id', 'varchar(34)', (c) => c.primaryKey())
      .addColumn('arn', 'varchar(256)', (c) => c.notNull())
      .addColumn('feature_set', 'varchar(32)', (c) => c.notNull())
      .addColumn('management_account_id', 'varchar(12)', (c) => c.notNull())
      .addColumn('management_account_arn', 'varchar(256)', (c) => c.notNull())
      .addColumn('management_account_email', 'varchar(64)', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      // One organization per installation: a second insert is a unique violation.
      .addColumn('singleton', 'integer', (c) => c.notNull().defaultTo(1).unique())
      .execute();
    await db.schema
      .createTable('org_root')
      .addColumn('id', 'varchar(34)', (c) => c.primaryKey())
      .addColumn('arn', 'varchar(256)', (c) => c.notNull())
      .addColumn('name', 'varchar(128)', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('org_root_policy_type')
      .addColumn('root_id', 'varchar(34)', (c) => c.notNull())
      .addColumn('policy_type', 'varchar(64)', (c) => c.notNull())
      .addColumn('status', 'varchar(32)', (c) => c.notNull())
      .addPrimaryKeyConstraint('org_root_policy_type_pk', ['root_id', 'policy_type'])
      .execute();
    await db.schema
      .createTable('org_ou')
      .addColumn('id', 'varchar(68)', (c) => c.primaryKey())
      .addColumn('arn', 'varchar(256)', (c) => c.notNull())
      .addColumn('name', 'varchar(128)', (c) => c.notNull())
      .addColumn('parent_id', 'varchar(100)', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addUniqueConstraint('org_ou_parent_name', ['parent_id', 'name'])
      .execute();
    await db.schema
      .createTable('org_account')
      .addColumn('id', 'varchar(12)', (c) => c.primaryKey())
      .addColumn('arn', 'varchar(256)', (c) => c.notNull())
      .addColumn('name', 'varchar(128)', (c) => c.notNull())
      .addColumn('email', 'varchar(64)', (c) => c.notNull())
      .addColumn('email_key', 'varchar(64)', (c) => c.notNull().unique())
      .addColumn('status', 'varchar(32)', (c) => c.notNull())
      .addColumn('joined_method', 'varchar(16)', (c) => c.notNull())
      .addColumn('joined_at', 'bigint', (c) => c.notNull())
      .addColumn('parent_id', 'varchar(100)', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('org_account_parent').on('org_account').column('parent_id').execute();
    await db.schema
      .createTable('org_create_account_status')
      .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
      .addColumn('account_name', 'varchar(50)', (c) => c.notNull())
      .addColumn('state', 'varchar(16)', (c) => c.notNull())
      .addColumn('requested_at', 'bigint', (c) => c.notNull())
      .addColumn('completed_at', 'bigint')
      .addColumn('account_id', 'varchar(12)')
      .addColumn('failure_reason', 'varchar(64)')
      .execute();
    await db.schema
      .createTable('org_policy')
      .addColumn('id', 'varchar(130)', (c) => c.primaryKey())
      .addColumn('arn', 'varchar(512)', (c) => c.notNull())
      .addColumn('name', 'varchar(128)', (c) => c.notNull())
      .addColumn('description', 'varchar(512)', (c) => c.notNull())
      .addColumn('policy_type', 'varchar(64)', (c) => c.notNull())
      .addColumn('aws_managed', 'integer', (c) => c.notNull())
      .addColumn('content', 'text', (c) => c.notNull())
      .addUniqueConstraint('org_policy_type_name', ['policy_type', 'name'])
      .execute();
    await db.schema
      .createTable('org_policy_attachment')
      .addColumn('policy_id', 'varchar(130)', (c) => c.notNull())
      .addColumn('target_id', 'varchar(100)', (c) => c.notNull())
      .addColumn('policy_type', 'varchar(64)', (c) => c.notNull())
      .addColumn('target_type', 'varchar(32)', (c) => c.notNull())
      .addColumn('attached_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('org_policy_attachment_pk', ['policy_id', 'target_id'])
      .execute();
    await db.schema.createIndex('org_policy_attachment_target').on('org_policy_attachment').column('target_id').execute();
    await db.schema
      .createTable('org_service_access')
      .addColumn('service_principal', 'varchar(128)', (c) => c.primaryKey())
      .addColumn('enabled_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('org_delegated_admin')
      .addColumn('account_id', 'varchar(12)', (c) => c.notNull())
      .addColumn('service_principal', 'varchar(128)', (c) => c.notNull())
      .addColumn('enabled_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('org_delegated_admin_pk', ['account_id', 'service_principal'])
      .execute();
    await db.schema
      .createTable('org_tag')
      .addColumn('resource_id', 'varchar(130)', (c) => c.notNull())
      .addColumn('tag_key', 'varchar(128)', (c) => c.notNull())
      .addColumn('tag_value', 'varchar(256)', (c) => c.notNull())
      .addPrimaryKeyConstraint('org_tag_pk', ['resource_id', 'tag_key'])
      .execute();
    await db.schema
      .createTable('org_account_role_request')
      .addColumn('account_id', 'varchar(12)', (c) => c.notNull())
      .addColumn('role_name', 'varchar(64)', (c) => c.notNull())
      .addColumn('trusted_account_id', 'varchar(12)', (c) => c.notNull())
      .addColumn('managed_policy_arn', 'varchar(2048)', (c) => c.notNull())
      .addColumn('status', 'varchar(16)', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('completed_at', 'bigint')
      .addPrimaryKeyConstraint('org_account_role_request_pk', ['account_id', 'role_name'])
      .execute();
    await db.schema.createIndex('org_account_role_request_status').on('org_account_role_request').column('status').execute();
  },
};
