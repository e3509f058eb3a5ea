// Migration 004 on fixture data, on every back end: users written under migration 001 get their
// case-folded name key (so they are found regardless of case and stay unique), no boundary, no
// tags; keys get empty last-used data.

import { describe, test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kysely } from 'kysely';
import { createSqliteDialect } from '../../src/store/sqlite-dialect.js';
import { createPostgresDialect } from '../../src/store/postgres-dialect.js';
import { migration001Core } from '../../src/store/core/migration-001-core.js';
import { migration004Iam } from '../../src/store/iam/migration-004-iam.js';
import { KyselyIamRepository } from '../../src/store/iam/iam-repository.js';
import { createTestSchema, TEST_DATABASE_URL } from '../support/backends.js';

const openers = {
  async sqlite() {
    const dir = mkdtempSync(join(tmpdir(), 'gatehouse-iam-mig-'));
    const db = new Kysely<any>({ dialect: createSqliteDialect(join(dir, 'm.db')) });
    return { db, dispose: async () => (await db.destroy(), rmSync(dir, { recursive: true, force: true })) };
  },
  async postgres() {
    const { schema, drop } = await createTestSchema();
    const db = new Kysely<any>({ dialect: createPostgresDialect(TEST_DATABASE_URL, { schema, maxConnections: 2 }) });
    return { db, dispose: async () => (await db.destroy(), await drop()) };
  },
};

for (const name of ['sqlite', 'postgres'] as const) {
  describe(`iam migration 004 on fixture data (${name})`, () => {
    const disposers: (() => Promise<unknown>)[] = [];
    after(async () => {
      for (const d of disposers) await d();
    });

    test('users and keys from migration 001 keep working after 004', async () => {
      const { db, dispose } = await openers[name]();
      disposers.push(dispose);
      await migration001Core.up(db);
      const A = '111122223333';
      await db.insertInto('iam_user').values({ account_id: A, user_name: 'Admin', user_id: 'AIDAFIXTURE1', path: '/', arn: `arn:aws:iam::${A}:user/Admin`, created_at: 1 }).execute();
      await db.insertInto('iam_user').values({ account_id: A, user_name: 'ops', user_id: 'AIDAFIXTURE2', path: '/x/', arn: `arn:aws:iam::${A}:user/x/ops`, created_at: 2 }).execute();
      await db.insertInto('iam_access_key').values({ access_key_id: 'AKIAFIXTURE', account_id: A, user_name: 'Admin', secret_sealed: 's', status: 'Active', created_at: 3 }).execute();
      await migration004Iam.up(db);
      const repo = new KyselyIamRepository(db);
      assert.deepEqual(await repo.getUser(A, 'admin'), { accountId: A, userName: 'Admin', userId: 'AIDAFIXTURE1', path: '/', arn: `arn:aws:iam::${A}:user/Admin`, createdAt: 1 });
      assert.deepEqual((await repo.listUsers(A)).map((u) => u.userName), ['Admin', 'ops']);
      await assert.rejects(repo.createUser({ accountId: A, userName: 'ADMIN', userId: 'AIDAFIXTURE3', path: '/', arn: 'x', createdAt: 4 }), { code: 'Conflict' });
      assert.deepEqual(await repo.getAccessKey('AKIAFIXTURE'), { accessKeyId: 'AKIAFIXTURE', accountId: A, userName: 'Admin', secretSealed: 's', status: 'Active', createdAt: 3 });
      assert.deepEqual(await repo.listRoles(A), []);
    });
  });
}
