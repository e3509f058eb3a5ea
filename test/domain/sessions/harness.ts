// A migrated SQLite store with an instance, the real services (directory included) on a
// ManualClock, and a user with a password.

import { randomBytes } from 'node:crypto';
import { ManualClock } from '../../../src/lib/clock.js';
import { KeyRing } from '../../../src/lib/key-ring.js';
import { cryptoRandom } from '../../../src/lib/random.js';
import { createServices, type Services } from '../../../src/domain/services.js';
import type { KyselyStore } from '../../../src/store/kysely-store.js';
import { sqliteBackend } from '../../support/backends.js';

export const IDENTITY_STORE_ID = 'd-0123456789';
export const PASSWORD = 'quartz-meadow-lantern-4417';

export interface SessionsHarness {
  readonly store: KyselyStore;
  readonly services: Services;
  readonly clock: ManualClock;
  user(userName: string, options?: { oneTime?: boolean }): Promise<string>;
  dispose(): Promise<void>;
}

export const openSessionsHarness = async (): Promise<SessionsHarness> => {
  const { store, dispose } = await sqliteBackend.open();
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
  await services.directory.updateSettings({ mfaMode: 'off' });
  return {
    store,
    services,
    clock,
    async user(userName, options = {}) {
      const u = await services.identityStore.createUser(IDENTITY_STORE_ID, { UserName: userName, DisplayName: userName, Name: { GivenName: 'G', FamilyName: 'F' } });
      await services.directory.setPassword(u.userId, PASSWORD, options);
      return u.userId;
    },
    dispose,
  };
};
