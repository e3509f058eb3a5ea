// Which database a Kysely instance (or transaction) speaks, for the few statements that differ.

import { PostgresAdapter, type Kysely } from 'kysely';

export const isPostgres = (db: Kysely<any>): boolean => db.getExecutor().adapter instanceof PostgresAdapter;
