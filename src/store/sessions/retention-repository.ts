// Retention over Kysely: each purge deletes by primary keys that a limited select chose, since
// SQLite has no DELETE ... LIMIT. On PostgreSQL the select skips rows another node's sweep has
// locked, so two nodes sweeping at once neither wait on nor deadlock each other.

import type { Kysely, SelectQueryBuilder } from 'kysely';
import type { PurgeKind, RetentionRepository } from '../../domain/retention/retention-repository.js';
import { isPostgres } from '../sso-admin/dialect-of.js';
import type { SessionsTables } from './tables.js';

type Db = Kysely<SessionsTables>;
type Keys = SelectQueryBuilder<SessionsTables, any, { key: string }>;

interface Purge {
  readonly table: keyof SessionsTables;
  readonly key: string;
  /** The keys of the rows to delete. */
  readonly select: (db: Db, before: number) => Keys;
}

const PURGES: Readonly<Record<PurgeKind, Purge>> = {
  sessions: {
    table: 'portal_session',
    key: 'session_id',
    select: (db, before) =>
      db
        .selectFrom('portal_session')
        .select('session_id as key')
        .where((eb) => eb.or([eb('ended_at', '<', before), eb('expires_at', '<', before)])),
  },
  deviceAuthorizations: {
    table: 'oidc_device',
    key: 'device_code_hash',
    select: (db, before) => db.selectFrom('oidc_device').select('device_code_hash as key').where('expires_at', '<', before),
  },
  authorizationCodes: {
    table: 'oidc_code',
    key: 'code_hash',
    select: (db, before) => db.selectFrom('oidc_code').select('code_hash as key').where('expires_at', '<', before),
  },
  tokens: {
    table: 'oidc_token',
    key: 'token_hash',
    select: (db, before) =>
      db
        .selectFrom('oidc_token as t')
        .select('t.token_hash as key')
        .where((eb) =>
          eb.or([
            eb('t.expires_at', '<', before),
            eb.not(eb.exists(eb.selectFrom('oidc_token_family as f').select('f.family_id').whereRef('f.family_id', '=', 't.family_id'))),
          ]),
        ),
  },
  tokenFamilies: {
    table: 'oidc_token_family',
    key: 'family_id',
    select: (db, before) =>
      db
        .selectFrom('oidc_token_family as f')
        .select('f.family_id as key')
        .where('f.created_at', '<', before)
        .where((eb) => eb.not(eb.exists(eb.selectFrom('portal_session as s').select('s.session_id').whereRef('s.session_id', '=', 'f.session_id'))))
        .where((eb) => eb.not(eb.exists(eb.selectFrom('oidc_token as t').select('t.token_hash').whereRef('t.family_id', '=', 'f.family_id')))),
  },
  clients: {
    table: 'oidc_client',
    key: 'client_id',
    select: (db, before) => db.selectFrom('oidc_client').select('client_id as key').where('expires_at', '<', before),
  },
};

export class KyselyRetentionRepository implements RetentionRepository {
  private readonly db: Db;

  constructor(db: Kysely<any>) {
    this.db = db as Db;
  }

  async purge(kind: PurgeKind, before: number, limit: number): Promise<number> {
    const { table, key, select } = PURGES[kind];
    let keys = select(this.db, before).limit(limit);
    if (isPostgres(this.db)) keys = keys.forUpdate().skipLocked();
    const db = this.db as Kysely<any>;
    const result = await db.deleteFrom(table).where(key, 'in', keys).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
