// The storage contract for the instance and IAM users and keys, on every back end.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BACKENDS } from '../support/backends.js';
import type { KyselyStore } from '../../src/store/kysely-store.js';

for (const backend of BACKENDS) {
  describe(`core storage contract (${backend.name})`, () => {
    let store: KyselyStore;
    let dispose: () => Promise<void>;
    before(async () => ({ store, dispose } = await backend.open()));
    after(() => dispose());

    const user = { accountId: '111122223333', userName: 'alice', userId: 'AIDAEXAMPLE1', path: '/', arn: 'arn:aws:iam::111122223333:user/alice', createdAt: 1_700_000_000_123 };

    test('IAM users round-trip, with millisecond times as numbers', async () => {
      await store.iam.createUser(user);
      assert.deepEqual(await store.iam.getUser('111122223333', 'alice'), user);
      assert.equal(await store.iam.getUser('111122223333', 'bob'), undefined);
    });

    test('a second user with the same name in the account is a Conflict', async () => {
      await assert.rejects(store.iam.createUser({ ...user, userId: 'AIDAEXAMPLE2' }), { code: 'Conflict' });
    });

    test('access keys round-trip', async () => {
      const key = { accessKeyId: 'AKIAEXAMPLE', accountId: '111122223333', userName: 'alice', secretSealed: 'gh1.k.x', status: 'Active' as const, createdAt: 5 };
      await store.iam.createAccessKey(key);
      assert.deepEqual(await store.iam.getAccessKey('AKIAEXAMPLE'), key);
    });

    test('a failed transaction leaves nothing behind', async () => {
      await assert.rejects(
        store.transaction(async (tx) => {
          await tx.iam.createUser({ ...user, userName: 'carol', userId: 'AIDAEXAMPLE3' });
          throw new Error('boom');
        }),
        /boom/,
      );
      assert.equal(await store.iam.getUser('111122223333', 'carol'), undefined);
    });

    test('there is at most one instance', async () => {
      const instance = { instanceArn: 'arn:aws:sso:::instance/ssoins-1', identityStoreId: 'd-1', ownerAccountId: '111122223333', name: 'G', status: 'ACTIVE' as const, createdAt: 1, adminUserArn: user.arn };
      await store.instance.create(instance);
      assert.deepEqual(await store.instance.get(), instance);
      await assert.rejects(store.instance.create({ ...instance, instanceArn: 'arn:aws:sso:::instance/ssoins-2', identityStoreId: 'd-2' }), { code: 'Conflict' });
    });

    test('ping answers while the database is reachable', async () => {
      await store.ping();
    });
  });
}
