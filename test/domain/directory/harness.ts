// A fresh migrated store with an instance, an identity store holding a few users, and the
// directory service over it on a ManualClock.

import { randomBytes } from 'node:crypto';
import { ManualClock } from '../../../src/lib/clock.js';
import { KeyRing } from '../../../src/lib/key-ring.js';
import { cryptoRandom } from '../../../src/lib/random.js';
import { createServices, type Services } from '../../../src/domain/services.js';
import type { KyselyStore } from '../../../src/store/kysely-store.js';
import { sqliteBackend, type Backend } from '../../support/backends.js';

export const IDENTITY_STORE_ID = 'd-0123456789';

export interface DirectoryHarness {
  readonly store: KyselyStore;
  readonly services: Services;
  readonly clock: ManualClock;
  /** Creates an identity store user; returns its id. */
  user(userName: string): Promise<string>;
  dispose(): Promise<void>;
}

export const openDirectoryHarness = async (backend: Backend = sqliteBackend): Promise<DirectoryHarness> => {
  const { store, dispose } = await backend.open();
  await store.instance.create({
    instanceArn: 'arn:aws:sso:::instance/ssoins-0123456789abcdef',
    identityStoreId: IDENTITY_STORE_ID,
    ownerAccountId: '111122223333',
    name: 'test',
    status: 'ACTIVE',
    createdAt: Date.UTC(2026, 0, 1),
    adminUserArn: 'arn:aws:iam::111122223333:user/admin',
  });
  const clock = new ManualClock(Date.UTC(2026, 10, 1, 12, 0, 0));
  const services = createServices({ store, clock, random: cryptoRandom, keyRing: new KeyRing([{ id: 'k1', key: randomBytes(32) }]) });
  return {
    store,
    services,
    clock,
    async user(userName) {
      const u = await services.identityStore.createUser(IDENTITY_STORE_ID, {
        UserName: userName,
        DisplayName: userName,
        Name: { GivenName: 'Given', FamilyName: 'Family' },
      });
      return u.userId;
    },
    dispose,
  };
};

/** A password no list has: long, odd, and fixed so failures are reproducible. */
export const GOOD_PASSWORD = 'correct horse battery staple 7';
