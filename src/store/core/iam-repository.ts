// TRANSITIONAL: the IAM repository now lives in src/store/iam/iam-repository.ts (with migration
// 004). Until kysely-store.ts imports it from there and migration 004 is wired (both together),
// this subclass keeps the four methods bootstrap and SigV4 use on migration 001's columns, so a
// server keeps starting. Delete this file once the import is switched.

import type { Kysely } from 'kysely';
import type { Database } from '../database.js';
import type { AccessKey, IamUser } from '../../domain/iam/iam-repository.js';
import { conflict } from '../../lib/errors.js';
import { isUniqueViolation } from '../driver-errors.js';
import { KyselyIamRepository as IamRepositoryV004 } from '../iam/iam-repository.js';

export class KyselyIamRepository extends IamRepositoryV004 {
  private readonly legacyDb: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    super(db);
    this.legacyDb = db;
  }

  override async createUser(u: IamUser): Promise<void> {
    try {
      await this.legacyDb
        .insertInto('iam_user')
        .values({
          account_id: u.accountId,
          user_name: u.userName,
          user_id: u.userId,
          path: u.path,
          arn: u.arn,
          created_at: u.createdAt,
        })
        .execute();
    } catch (e) {
      if (isUniqueViolation(e)) throw conflict(`User with name ${u.userName} already exists.`, { resource: 'User' });
      throw e;
    }
  }

  override async getUser(accountId: string, userName: string): Promise<IamUser | undefined> {
    const row = await this.legacyDb
      .selectFrom('iam_user')
      .selectAll()
      .where('account_id', '=', accountId)
      .where('user_name', '=', userName)
      .executeTakeFirst();
    return row && {
      accountId: row.account_id,
      userName: row.user_name,
      userId: row.user_id,
      path: row.path,
      arn: row.arn,
      createdAt: row.created_at,
    };
  }

  override async createAccessKey(k: AccessKey): Promise<void> {
    await this.legacyDb
      .insertInto('iam_access_key')
      .values({
        access_key_id: k.accessKeyId,
        account_id: k.accountId,
        user_name: k.userName,
        secret_sealed: k.secretSealed,
        status: k.status,
        created_at: k.createdAt,
      })
      .execute();
  }

  override async getAccessKey(accessKeyId: string): Promise<AccessKey | undefined> {
    const row = await this.legacyDb
      .selectFrom('iam_access_key')
      .selectAll()
      .where('access_key_id', '=', accessKeyId)
      .executeTakeFirst();
    return row && {
      accessKeyId: row.access_key_id,
      accountId: row.account_id,
      userName: row.user_name,
      secretSealed: row.secret_sealed,
      status: row.status as AccessKey['status'],
      createdAt: row.created_at,
    };
  }
}
