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

/** Opens (creating) the database file in WAL mode with a busy timeout. */
export const createSqliteDialect = (file: string): SqliteDialect => {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 10000');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  return new ImmediateSqliteDialect({ database: db });
};
