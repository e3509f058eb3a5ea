// A fresh migrated store with an instance, an identity store holding a few users, and the
// directory service over it on a ManualClock.

import type { ManualClock } from '../../../src/lib/clock.js';
import type { Services } from '../../../src/domain/services.js';
import type { KyselyStore } from '../../../src/store/kysely-store.js';
import { sqliteBackend, type Backend } from '../../support/backends.js';
import { openDomainFixture, TEST_IDENTITY_STORE_ID as IDENTITY_STORE_ID } from '../../support/domain-fixture.js';

export { IDENTITY_STORE_ID };

export interface DirectoryHarness {
  readonly store: KyselyStore;
  readonly services: Services;
  readonly clock: ManualClock;
  /** Creates an identity store user; returns its id. */
  user(userName: string): Promise<string>;
  dispose(): Promise<void>;
}

export const openDirectoryHarness = async (backend: Backend = sqliteBackend): Promise<DirectoryHarness> => {
  const { store, services, clock, dispose } = await openDomainFixture(backend, Date.UTC(2026, 10, 1, 12, 0, 0));
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
