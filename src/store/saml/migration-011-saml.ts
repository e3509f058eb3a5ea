import type { Kysely, Migration } from 'kysely';

// The SAML identity provider's signing keys (a unique `slot` allows one current and one next
// key, so nodes racing to create either make one) and the replay memory of AssumeRoleWithSAML
// (a unique key, so two nodes cannot both accept one assertion).
export const migration011Saml: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('saml_signing_key')
      .addColumn('key_id', 'varchar(64)', (c) => c.primaryKey())
      .addColumn('state', 'varchar(16)', (c) => c.notNull())
      .addColumn('slot', 'varchar(16)', (c) => c.unique())
      .addColumn('certificate_pem', 'text', (c) => c.notNull())
      .addColumn('sealed_private_key', 'text', (c) => c.notNull())
      .addColumn('not_after', 'bigint', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('activate_after', 'bigint')
      .addColumn('activated_at', 'bigint')
      .addColumn('retired_at', 'bigint')
      .addColumn('publish_until', 'bigint')
      .execute();
    await db.schema
      .createTable('saml_replay')
      .addColumn('replay_key', 'varchar(64)', (c) => c.primaryKey())
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('saml_replay_expires').on('saml_replay').column('expires_at').execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.dropTable('saml_replay').execute();
    await db.schema.dropTable('saml_signing_key').execute();
  },
};
