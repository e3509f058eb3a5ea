// The storage back ends every contract suite runs against: SQLite in a fresh temporary folder,
// and PostgreSQL in a fresh schema of the test database (dropped when the suite closes it).

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openStore } from '../../src/store/open-store.js';
import { MIGRATION_LOCK_ID } from '../../src/store/migrations.js';
import type { KyselyStore } from '../../src/store/kysely-store.js';

export const TEST_DATABASE_URL =
  process.env.GATEHOUSE_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface Backend {
  readonly name: 'sqlite' | 'postgres';
  /** Opens a new, empty, migrated store; `dispose` removes everything it made. */
  open(): Promise<{ store: KyselyStore; dispose(): Promise<void> }>;
}

/** A new empty PostgreSQL schema; returns its name and a function that drops it. */
export const createTestSchema = async (): Promise<{ schema: string; drop(): Promise<void> }> => {
  const schema = `t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  return {
    schema,
    async drop() {
      const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await c.connect();
      // Never while a migration anywhere in the database is looking at every schema.
      await c.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_ID.toString()]);
      await c.query(`drop schema if exists ${schema} cascade`);
      await c.end();
    },
  };
};

export const sqliteBackend: Backend = {
  name: 'sqlite',
  async open() {
    const dir = mkdtempSync(join(tmpdir(), 'gatehouse-test-'));
    const store = await openStore({ dataDir: dir });
    return {
      store,
      async dispose() {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
};

export const postgresBackend: Backend = {
  name: 'postgres',
  async open() {
    const { schema, drop } = await createTestSchema();
    const store = await openStore({ databaseUrl: TEST_DATABASE_URL, dataDir: '', postgres: { schema, maxConnections: 4 } });
    return {
      store,
      async dispose() {
        await store.close();
        await drop();
      },
    };
  },
};

export const BACKENDS: readonly Backend[] = [sqliteBackend, postgresBackend];
