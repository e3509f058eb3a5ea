import type { Kysely, Migration } from 'kysely';

// SAML applications and who holds them. Names are unique without regard to case (name_key);
// an assignment is one per (application, principal). Assignments name identity store users
// and groups without a foreign key, as the other areas do, so areas migrate independently;
// they are looked up by principal for the portal's list of a user's applications.
export const migration010Applications: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('application')
      .addColumn('application_id', 'varchar(32)', (c) => c.primaryKey())
      .addColumn('name', 'varchar(64)', (c) => c.notNull())
      .addColumn('name_key', 'varchar(64)', (c) => c.notNull().unique())
      .addColumn('description', 'text')
      .addColumn('template', 'varchar(16)', (c) => c.notNull())
      .addColumn('acs_url', 'text', (c) => c.notNull())
      .addColumn('audience', 'text', (c) => c.notNull())
      .addColumn('name_id_format', 'varchar(16)', (c) => c.notNull())
      .addColumn('name_id_source', 'text', (c) => c.notNull())
      .addColumn('attribute_mappings', 'text', (c) => c.notNull())
      .addColumn('session_duration', 'varchar(32)', (c) => c.notNull())
      .addColumn('relay_state', 'text')
      .addColumn('require_signed_authn_requests', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('sp_certificate_pem', 'text')
      .addColumn('sign_response', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('application_assignment')
      .addColumn('application_id', 'varchar(32)', (c) => c.notNull().references('application.application_id').onDelete('cascade'))
      .addColumn('principal_type', 'varchar(8)', (c) => c.notNull())
      .addColumn('principal_id', 'varchar(64)', (c) => c.notNull())
      .addColumn('aws_roles', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('application_assignment_pk', ['application_id', 'principal_type', 'principal_id'])
      .execute();
    await db.schema.createIndex('application_assignment_principal').on('application_assignment').column('principal_id').execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.dropTable('application_assignment').execute();
    await db.schema.dropTable('application').execute();
  },
};
