// SQLite through better-sqlite3, with write transactions that start as `BEGIN IMMEDIATE`:
// a deferred transaction that later needs the write lock can fail with SQLITE_BUSY even with a
// busy timeout, an immediate one waits for the lock up front.

import Database from 'better-sqlite3';
import { CompiledQuery, SqliteAdapter, SqliteDialect, SqliteDriver, type DatabaseConnection, type DialectAdapter, type Driver } from 'kysely';

class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

// SQLite's DDL is transactional. Saying so makes Kysely's migrator run each migration inside the
// immediate transaction, so processes migrating one file together cannot run a migration twice.
class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  constructor(private readonly config: ConstructorParameters<typeof SqliteDialect>[0]) {
    super(config);
  }
  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.config);
  }
  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter();
  }
}

const STATEMENT_CACHE_SIZE = 500;

/**
 * Kysely prepares every query anew; preparing costs more than running a small query. Queries
 * are built from a fixed set of shapes, so a bounded cache of prepared statements serves them.
 */
const withStatementCache = (db: Database.Database): Database.Database => {
  const cache = new Map<string, Database.Statement>();
  const prepare = (source: string): Database.Statement => {
    let stmt = cache.get(source);
    if (stmt === undefined) {
      stmt = db.prepare(source);
      if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
      cache.set(source, stmt);
    }
    return stmt;
  };
  return new Proxy(db, {
    get: (target, key) => {
      if (key === 'prepare') return prepare;
      const value = Reflect.get(target, key, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
};

/** Opens (creating) the database file in WAL mode with a busy timeout. */
export const createSqliteDialect = (file: string): SqliteDialect => {
  const db = withStatementCache(new Database(file));
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 10000');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  return new ImmediateSqliteDialect({ database: db });
};
