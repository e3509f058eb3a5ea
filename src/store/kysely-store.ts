// The Store port over Kysely: one code path for SQLite and PostgreSQL. Adding an area is one
// line in `repositories`.

import { Kysely, sql } from 'kysely';
import type { Database } from './database.js';
import type { Repositories, Store } from '../domain/store.js';
import { KyselyIamRepository } from './iam/iam-repository.js';
import { KyselyInstanceRepository } from './core/instance-repository.js';
import { KyselyIdentityStoreRepository } from './identity-store/identity-store-repository.js';
import { KyselyOrganizationsRepository } from './organizations/organizations-repository.js';
import { KyselySsoAdminRepository } from './sso-admin/sso-admin-repository.js';
import { KyselyStsRepository } from './sts/sts-repository.js';
import { KyselyDirectoryRepository } from './directory/directory-repository.js';
import { KyselySessionRepository } from './sessions/session-repository.js';
import { KyselyOidcRepository } from './sessions/oidc-repository.js';
import { KyselyApplicationRepository } from './applications/application-repository.js';
import { KyselySamlRepository } from './saml/saml-repository.js';
import { KyselyConsoleRepository } from './console/console-repository.js';
import { KyselyAuditRepository } from './audit/audit-repository.js';
import { KyselyRetentionRepository } from './sessions/retention-repository.js';

export type Dialect = 'sqlite' | 'postgres';

/** `root`: the store's own connection, not a transaction's (the audit log's group commit). */
const repositories = (db: Kysely<Database>, root = false): Repositories => ({
  iam: new KyselyIamRepository(db),
  instance: new KyselyInstanceRepository(db),
  identityStore: new KyselyIdentityStoreRepository(db),
  organizations: new KyselyOrganizationsRepository(db),
  ssoAdmin: new KyselySsoAdminRepository(db),
  sts: new KyselyStsRepository(db),
  directory: new KyselyDirectoryRepository(db),
  sessions: new KyselySessionRepository(db),
  oidc: new KyselyOidcRepository(db),
  applications: new KyselyApplicationRepository(db),
  saml: new KyselySamlRepository(db),
  console: new KyselyConsoleRepository(db),
  audit: new KyselyAuditRepository(db, root),
  retention: new KyselyRetentionRepository(db),
});

export interface KyselyStore extends Store {
  readonly db: Kysely<Database>;
  readonly dialect: Dialect;
}

export const createKyselyStore = (db: Kysely<Database>, dialect: Dialect): KyselyStore => ({
  ...repositories(db, true),
  db,
  dialect,
  transaction: (fn) => db.transaction().execute((tx) => fn(repositories(tx))),
  async ping() {
    await sql`select 1`.execute(db);
  },
  close: () => db.destroy(),
});
