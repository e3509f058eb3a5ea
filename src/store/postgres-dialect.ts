// PostgreSQL through pg. Epoch-millisecond columns are int8, which pg returns as strings by
// default; every value we store fits a double exactly, so they are parsed as numbers.

import pg from 'pg';
import { PostgresDialect } from 'kysely';

pg.types.setTypeParser(20, (v) => Number(v));

export interface PostgresOptions {
  /** A schema to use as the search path (tests isolate themselves this way). */
  readonly schema?: string;
  readonly maxConnections?: number;
}

export const createPostgresDialect = (url: string, options: PostgresOptions = {}): PostgresDialect =>
  new PostgresDialect({
    pool: new pg.Pool({
      connectionString: url,
      max: options.maxConnections ?? 10,
      ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
    }),
  });
