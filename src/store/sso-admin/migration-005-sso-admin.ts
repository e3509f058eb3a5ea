import type { Kysely, Migration } from 'kysely';
import { isPostgres } from './dialect-of.js';

// sso-admin: permission sets, attributes for access control, account assignments, provisioning
// jobs with their per-account targets, what is provisioned where, and per-account lock rows.
export const migration005SsoAdmin: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('sso_permission_set')
      .addColumn('permission_set_arn', 'varchar(1224)', (c) => c.primaryKey())
      .addColumn('instance_arn', 'varchar(1224)', (c) => c.notNull())
      .addColumn('name', 'varchar(32)', (c) => c.notNull())
      .addColumn('description', 'varchar(700)')
      .addColumn('session_duration', 'varchar(100)', (c) => c.notNull())
      .addColumn('relay_state', 'varchar(240)')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('managed_policy_arns', 'text', (c) => c.notNull())
      .addColumn('customer_managed_policies', 'text', (c) => c.notNull())
      .addColumn('inline_policy', 'text')
      .addColumn('permissions_boundary', 'text')
      .addColumn('revision', 'integer', (c) => c.notNull())
      .addColumn('role_suffix', 'varchar(16)', (c) => c.notNull())
      .addColumn('tags', 'text', (c) => c.notNull())
      .addUniqueConstraint('sso_permission_set_name_unique', ['instance_arn', 'name'])
      .execute();

    await db.schema
      .createTable('sso_access_control_attributes')
      .addColumn('instance_arn', 'varchar(1224)', (c) => c.primaryKey())
      .addColumn('attributes', 'text', (c) => c.notNull())
      .addColumn('status', 'varchar(32)', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('sso_account_assignment')
      .addColumn('permission_set_arn', 'varchar(1224)', (c) => c.notNull())
      .addColumn('account_id', 'varchar(12)', (c) => c.notNull())
      .addColumn('principal_type', 'varchar(8)', (c) => c.notNull())
      .addColumn('principal_id', 'varchar(47)', (c) => c.notNull())
      .addColumn('instance_arn', 'varchar(1224)', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('sso_account_assignment_pk', ['permission_set_arn', 'account_id', 'principal_type', 'principal_id'])
      .execute();
    await db.schema.createIndex('sso_account_assignment_principal').on('sso_account_assignment')
      .columns(['instance_arn', 'principal_id']).execute();

    const seq = isPostgres(db)
      ? db.schema.createTable('sso_job').addColumn('seq', 'serial', (c) => c.primaryKey())
      : db.schema.createTable('sso_job').addColumn('seq', 'integer', (c) => c.primaryKey().autoIncrement());
    await seq
      .addColumn('request_id', 'varchar(36)', (c) => c.notNull().unique())
      .addColumn('instance_arn', 'varchar(1224)', (c) => c.notNull())
      .addColumn('kind', 'varchar(32)', (c) => c.notNull())
      .addColumn('status', 'varchar(16)', (c) => c.notNull())
      .addColumn('failure_reason', 'text')
      .addColumn('permission_set_arn', 'varchar(1224)', (c) => c.notNull())
      .addColumn('principal_type', 'varchar(8)')
      .addColumn('principal_id', 'varchar(47)')
      .addColumn('target_type', 'varchar(32)', (c) => c.notNull())
      .addColumn('target_id', 'varchar(12)')
      .addColumn('lane_account', 'varchar(12)')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .addColumn('claimed_by', 'varchar(64)')
      .addColumn('lease_until', 'bigint')
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.createIndex('sso_job_status').on('sso_job').columns(['status', 'seq']).execute();
    await db.schema.createIndex('sso_job_lane').on('sso_job').columns(['lane_account', 'status']).execute();
    await db.schema.createIndex('sso_job_permission_set').on('sso_job').columns(['permission_set_arn', 'status']).execute();
    await db.schema.createIndex('sso_job_instance').on('sso_job').columns(['instance_arn', 'kind']).execute();

    await db.schema
      .createTable('sso_job_target')
      .addColumn('request_id', 'varchar(36)', (c) => c.notNull())
      .addColumn('account_id', 'varchar(12)', (c) => c.notNull())
      .addColumn('status', 'varchar(16)', (c) => c.notNull())
      .addColumn('failure_reason', 'text')
      .addPrimaryKeyConstraint('sso_job_target_pk', ['request_id', 'account_id'])
      .execute();
    await db.schema.createIndex('sso_job_target_status').on('sso_job_target').columns(['request_id', 'status']).execute();

    await db.schema
      .createTable('sso_provisioned')
      .addColumn('permission_set_arn', 'varchar(1224)', (c) => c.notNull())
      .addColumn('account_id', 'varchar(12)', (c) => c.notNull())
      .addColumn('instance_arn', 'varchar(1224)', (c) => c.notNull())
      .addColumn('revision', 'integer', (c) => c.notNull())
      .addColumn('role_name', 'varchar(64)', (c) => c.notNull())
      .addColumn('provisioned_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('sso_provisioned_pk', ['permission_set_arn', 'account_id'])
      .execute();
    await db.schema.createIndex('sso_provisioned_account').on('sso_provisioned').columns(['instance_arn', 'account_id']).execute();

    await db.schema
      .createTable('sso_account_lock')
      .addColumn('account_id', 'varchar(12)', (c) => c.primaryKey())
      .execute();
  },
};
