import type { Kysely, Migration } from 'kysely';

// Portal sessions and sso-oidc: clients, device authorizations, authorization codes, token
// families and tokens. Lookups are by hash (primary keys); sessions also by user, for
// administrators and for ending them all when a user is disabled.
export const migration008Sessions: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('portal_session')
      .addColumn('session_id', 'varchar(36)', (c) => c.primaryKey())
      .addColumn('token_hash', 'varchar(64)', (c) => c.notNull().unique())
      .addColumn('stage', 'varchar(16)', (c) => c.notNull())
      .addColumn('user_id', 'varchar(64)')
      .addColumn('user_name', 'varchar(256)')
      .addColumn('mfa_enrollment_id', 'varchar(128)')
      .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('user_code_failures', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('authenticated_at', 'bigint')
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .addColumn('ended_at', 'bigint')
      .execute();
    await db.schema.createIndex('portal_session_user').on('portal_session').columns(['user_id', 'ended_at']).execute();

    await db.schema
      .createTable('oidc_client')
      .addColumn('client_id', 'varchar(64)', (c) => c.primaryKey())
      .addColumn('secret_hash', 'varchar(64)', (c) => c.notNull())
      .addColumn('client_name', 'varchar(256)', (c) => c.notNull())
      .addColumn('client_type', 'varchar(16)', (c) => c.notNull())
      .addColumn('scopes', 'text', (c) => c.notNull())
      .addColumn('grant_types', 'text', (c) => c.notNull())
      .addColumn('redirect_uris', 'text', (c) => c.notNull())
      .addColumn('issuer_url', 'text')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('oidc_device')
      .addColumn('device_code_hash', 'varchar(64)', (c) => c.primaryKey())
      .addColumn('user_code', 'varchar(8)', (c) => c.notNull().unique())
      .addColumn('client_id', 'varchar(64)', (c) => c.notNull())
      .addColumn('scopes', 'text', (c) => c.notNull())
      .addColumn('status', 'varchar(16)', (c) => c.notNull())
      .addColumn('session_id', 'varchar(36)')
      .addColumn('interval_seconds', 'integer', (c) => c.notNull())
      .addColumn('last_polled_at', 'bigint')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('oidc_code')
      .addColumn('code_hash', 'varchar(64)', (c) => c.primaryKey())
      .addColumn('client_id', 'varchar(64)', (c) => c.notNull())
      .addColumn('redirect_uri', 'text', (c) => c.notNull())
      .addColumn('code_challenge', 'varchar(64)', (c) => c.notNull())
      .addColumn('session_id', 'varchar(36)', (c) => c.notNull())
      .addColumn('scopes', 'text', (c) => c.notNull())
      .addColumn('family_id', 'varchar(36)')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .addColumn('used_at', 'bigint')
      .execute();

    await db.schema
      .createTable('oidc_token_family')
      .addColumn('family_id', 'varchar(36)', (c) => c.primaryKey())
      .addColumn('client_id', 'varchar(64)', (c) => c.notNull())
      .addColumn('session_id', 'varchar(36)', (c) => c.notNull())
      .addColumn('user_id', 'varchar(64)', (c) => c.notNull())
      .addColumn('scopes', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('revoked_at', 'bigint')
      .execute();

    await db.schema
      .createTable('oidc_token')
      .addColumn('token_hash', 'varchar(64)', (c) => c.primaryKey())
      .addColumn('kind', 'varchar(8)', (c) => c.notNull())
      .addColumn('family_id', 'varchar(36)', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .addColumn('used_at', 'bigint')
      .execute();
    await db.schema.createIndex('oidc_token_family_index').on('oidc_token').column('family_id').execute();
  },
  async down(db: Kysely<any>) {
    for (const t of ['oidc_token', 'oidc_token_family', 'oidc_code', 'oidc_device', 'oidc_client', 'portal_session']) {
      await db.schema.dropTable(t).execute();
    }
  },
};
