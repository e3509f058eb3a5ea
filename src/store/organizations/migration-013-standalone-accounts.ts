import type { Kysely, Migration } from 'kysely';

// Accounts that left the organization (RemoveAccountFromOrganization, LeaveOrganization): their
// org_account row is gone, and this row keeps what Gatehouse still knows of them, so that their
// IAM principals are served as a standalone account's and not refused as unknown.
export const migration013StandaloneAccounts: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('org_standalone_account')
      .addColumn('id', 'varchar(12)', (c) => c.primaryKey())
      .addColumn('name', 'varchar(128)', (c) => c.notNull())
      .addColumn('email', 'varchar(64)', (c) => c.notNull())
      // Lower-cased: the address stays the standalone account's, so CreateAccount may not reuse it.
      .addColumn('email_key', 'varchar(64)', (c) => c.notNull())
      .addColumn('removed_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('org_standalone_account_email').on('org_standalone_account').column('email_key').execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.dropTable('org_standalone_account').execute();
  },
};
