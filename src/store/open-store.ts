// Opens the configured database, migrates it, and returns the Store.

import { closeSync, mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { Kysely } from 'kysely';
import type { Database } from './database.js';
import { createKyselyStore, type KyselyStore } from './kysely-store.js';
import { migrateToLatest } from './migrations.js';
import { createSqliteDialect } from './sqlite-dialect.js';
import { createPostgresDialect, type PostgresOptions } from './postgres-dialect.js';

export interface StoreConfig {
  /** A `postgres://` URL selects PostgreSQL; otherwise SQLite under `dataDir`. */
  readonly databaseUrl?: string;
  readonly dataDir: string;
  readonly postgres?: PostgresOptions;
}

export const openStore = async (config: StoreConfig): Promise<KyselyStore> => {
  const usePostgres = /^postgres(ql)?:\/\//.test(config.databaseUrl ?? '');
  let store: KyselyStore;
  if (usePostgres) {
    store = createKyselyStore(
      new Kysely<Database>({ dialect: createPostgresDialect(config.databaseUrl!, config.postgres) }),
      'postgres',
    );
  } else {
    mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
    const file = join(config.dataDir, 'gatehouse.db');
    // Owner-only from the start: SQLite gives its -wal and -shm files the database's mode.
    closeSync(openSync(file, 'a', 0o600));
    store = createKyselyStore(new Kysely<Database>({ dialect: createSqliteDialect(file) }), 'sqlite');
  }
  await migrateToLatest(store.db, store.dialect);
  return store;
};
