// A migrated SQLite store with an instance, the real services (directory included) on a
// ManualClock, and a user with a password.

import type { ManualClock } from '../../../src/lib/clock.js';
import type { Services } from '../../../src/domain/services.js';
import type { KyselyStore } from '../../../src/store/kysely-store.js';
import { openDomainFixture, TEST_IDENTITY_STORE_ID as IDENTITY_STORE_ID } from '../../support/domain-fixture.js';

export { IDENTITY_STORE_ID };
export const PASSWORD = 'quartz-meadow-lantern-4417';

export interface SessionsHarness {
  readonly store: KyselyStore;
  readonly services: Services;
  readonly clock: ManualClock;
  user(userName: string, options?: { oneTime?: boolean }): Promise<string>;
  dispose(): Promise<void>;
}

export const openSessionsHarness = async (): Promise<SessionsHarness> => {
  const { store, services, clock, dispose } = await openDomainFixture(undefined, Date.UTC(2026, 10, 1, 12, 0, 0));
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
