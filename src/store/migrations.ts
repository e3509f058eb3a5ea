// Every migration, in order, run under a lock (an advisory lock on PostgreSQL, the immediate
// write transaction on SQLite), so nodes starting together migrate once.

import { Migrator, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import { migration001Core } from './core/migration-001-core.js';
import { migration002IdentityStore } from './identity-store/migration-002-identity-store.js';
import { migration003Organizations } from './organizations/migration-003-organizations.js';
import { migration004Iam } from './iam/migration-004-iam.js';
import { migration005SsoAdmin } from './sso-admin/migration-005-sso-admin.js';
import { migration006Sts } from './sts/migration-006-sts.js';
import { migration007Directory } from './directory/migration-007-directory.js';
import { migration008Sessions } from './sessions/migration-008-sessions.js';
import { migration009Webauthn } from './directory/migration-009-webauthn.js';
import { migration010Applications } from './applications/migration-010-applications.js';
import { migration011Saml } from './saml/migration-011-saml.js';
import { migration012Console } from './console/migration-012-console.js';
import { migration013StandaloneAccounts } from './organizations/migration-013-standalone-accounts.js';
import { migration014Audit } from './audit/migration-014-audit.js';

const MIGRATIONS: Record<string, Migration> = {
  '001-core': migration001Core,
  '002-identity-store': migration002IdentityStore,
  '003-organizations': migration003Organizations,
  '004-iam': migration004Iam,
  '005-sso-admin': migration005SsoAdmin,
  '006-sts': migration006Sts,
  '007-directory': migration007Directory,
  '008-sessions': migration008Sessions,
  '009-webauthn': migration009Webauthn,
  '010-applications': migration010Applications,
  '011-saml': migration011Saml,
  '012-console': migration012Console,
  '013-standalone-accounts': migration013StandaloneAccounts,
  '014-audit': migration014Audit,
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

/**
 * On PostgreSQL the migrator's bookkeeping tables must live in the schema we work in: without
 * a schema it looks for them in every schema, and another schema's tables would fool it.
 */
const currentSchema = async (db: Kysely<any>): Promise<string | undefined> =>
  (await sql<{ s: string }>`select current_schema() as s`.execute(db)).rows[0]?.s;

/**
 * Held for the whole migration on PostgreSQL, bookkeeping included: Kysely's migrator looks its
 * tables up across every schema of the database before it takes its own lock, and such a
 * look-up fails when another schema is dropped while it runs. Whoever drops a schema of ours
 * (the test suites) takes the same lock.
 */
export const MIGRATION_LOCK_ID = 0x6761746568n; // "gateh"

const run = async (db: Kysely<any>, migrationTableSchema: string | undefined): Promise<void> => {
  const { error, results } = await new Migrator({ db, provider, migrationTableSchema }).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    throw new Error(`migration ${failed ?? ''} failed: ${(error as Error).message ?? error}`);
  }
};

export const migrateToLatest = async (db: Kysely<any>, dialect: 'sqlite' | 'postgres'): Promise<void> => {
  if (dialect === 'sqlite') return run(db, undefined);
  await db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(${MIGRATION_LOCK_ID})`.execute(conn);
    try {
      await run(conn, await currentSchema(conn));
    } finally {
      await sql`select pg_advisory_unlock(${MIGRATION_LOCK_ID})`.execute(conn);
    }
  });
};
