// The Store port over Kysely: one code path for SQLite and PostgreSQL.

import { Kysely, sql } from 'kysely';
import type { Database } from './database.js';
import type { Repositories, Store } from '../domain/store.js';
import { KyselyIamRepository } from './iam/iam-repository.js';
import { KyselyInstanceRepository } from './core/instance-repository.js';
import { KyselyIdentityStoreRepository } from './identity-store/identity-store-repository.js';
import { KyselyOrganizationsRepository } from './organizations/organizations-repository.js';
import { KyselySsoAdminRepository } from './sso-admin/sso-admin-repository.js';

export type Dialect = 'sqlite' | 'postgres';

const repositories = (db: Kysely<Database>): Repositories => ({
  iam: new KyselyIamRepository(db),
  instance: new KyselyInstanceRepository(db),
  identityStore: new KyselyIdentityStoreRepository(db),
  organizations: new KyselyOrganizationsRepository(db),
  ssoAdmin: new KyselySsoAdminRepository(db),
});

export class KyselyStore implements Store {
  readonly iam;
  readonly instance;
  readonly identityStore;
  readonly organizations;
  readonly ssoAdmin;

  constructor(readonly db: Kysely<Database>, readonly dialect: Dialect) {
    ({ iam: this.iam, instance: this.instance, identityStore: this.identityStore, organizations: this.organizations, ssoAdmin: this.ssoAdmin } =
      repositories(db));
  }

  transaction<T>(fn: (tx: Repositories) => Promise<T>): Promise<T> {
    return this.db.transaction().execute((tx) => fn(repositories(tx)));
  }

  async ping(): Promise<void> {
    await sql`select 1`.execute(this.db);
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }
}
