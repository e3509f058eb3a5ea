import type { Kysely, Migration } from 'kysely';

// WebAuthn devices (security keys and passkeys) beside TOTP ones: the same device table gains
// the credential's id, public key, signature counter and transports (null for TOTP rows), and
// ceremonies keep their challenges server-side, each bound to one portal session and taken once.
// Slots now run 1-8 (two TOTP, six WebAuthn); the unique (user, slot) still caps both kinds.
export const migration009Webauthn: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('directory_mfa_device').addColumn('credential_id', 'varchar(1024)').execute();
    await db.schema.alterTable('directory_mfa_device').addColumn('public_key', 'text').execute();
    await db.schema.alterTable('directory_mfa_device').addColumn('sign_count', 'bigint').execute();
    await db.schema.alterTable('directory_mfa_device').addColumn('transports', 'varchar(256)').execute();
    await db.schema
      .createIndex('directory_mfa_device_credential_unique')
      .on('directory_mfa_device')
      .columns(['user_id', 'credential_id'])
      .unique()
      .execute();

    await db.schema
      .createTable('directory_webauthn_challenge')
      .addColumn('challenge', 'varchar(128)', (c) => c.primaryKey())
      .addColumn('binding_id', 'varchar(64)', (c) => c.notNull())
      .addColumn('user_id', 'varchar(64)', (c) => c.notNull())
      .addColumn('purpose', 'varchar(16)', (c) => c.notNull())
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('directory_webauthn_challenge_expiry').on('directory_webauthn_challenge').column('expires_at').execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.dropTable('directory_webauthn_challenge').execute();
    await db.schema.dropIndex('directory_mfa_device_credential_unique').execute();
    for (const c of ['transports', 'sign_count', 'public_key', 'credential_id']) {
      await db.schema.alterTable('directory_mfa_device').dropColumn(c).execute();
    }
  },
};
