// The console repository over Kysely, one code path for SQLite and PostgreSQL. A sign-in token
// is claimed by inserting its row: the primary key refuses a second claim on any node.

import type { Kysely } from 'kysely';
import type { ConsoleRepository, ConsoleSignin } from '../../domain/console/console-repository.js';
import { isUniqueViolation } from '../driver-errors.js';
import type { ConsoleTables } from './tables.js';

export class KyselyConsoleRepository implements ConsoleRepository {
  private readonly db: Kysely<ConsoleTables>;

  constructor(db: Kysely<any>) {
    this.db = db as Kysely<ConsoleTables>;
  }

  async claimSignin(s: ConsoleSignin): Promise<boolean> {
    try {
      await this.db
        .insertInto('console_signin')
        .values({ signin_id: s.id, created_at: s.createdAt, expires_at: s.expiresAt, ended_at: s.endedAt ?? null })
        .execute();
      return true;
    } catch (e) {
      if (isUniqueViolation(e)) return false;
      throw e;
    }
  }

  async getSignin(id: string): Promise<ConsoleSignin | undefined> {
    const row = await this.db.selectFrom('console_signin').selectAll().where('signin_id', '=', id).executeTakeFirst();
    if (!row) return undefined;
    // PostgreSQL's bigint arrives as a string.
    return {
      id: row.signin_id,
      createdAt: Number(row.created_at),
      expiresAt: Number(row.expires_at),
      ...(row.ended_at === null ? {} : { endedAt: Number(row.ended_at) }),
    };
  }

  async endSignin(id: string, at: number): Promise<void> {
    await this.db.updateTable('console_signin').set({ ended_at: at }).where('signin_id', '=', id).where('ended_at', 'is', null).execute();
  }

  async deleteExpired(before: number): Promise<number> {
    const result = await this.db.deleteFrom('console_signin').where('expires_at', '<', before).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
