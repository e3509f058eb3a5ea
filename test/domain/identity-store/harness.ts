// A fresh migrated store with an instance (and so an identity store), and the service over it.

import type { ManualClock } from '../../../src/lib/clock.js';
import type { IdentityStoreService } from '../../../src/domain/identity-store/identity-store-service.js';
import type { KyselyStore } from '../../../src/store/kysely-store.js';
import type { Backend } from '../../support/backends.js';
import { openDomainFixture, TEST_IDENTITY_STORE_ID } from '../../support/domain-fixture.js';
import assert from 'node:assert/strict';

export interface Harness {
  readonly store: KyselyStore;
  readonly service: IdentityStoreService;
  readonly clock: ManualClock;
  readonly storeId: string;
  dispose(): Promise<void>;
}

export const IDENTITY_STORE_ID = TEST_IDENTITY_STORE_ID;

export const openHarness = async (backend: Backend): Promise<Harness> => {
  const { store, services, clock, dispose } = await openDomainFixture(backend);
  return { store, service: services.identityStore, clock, storeId: IDENTITY_STORE_ID, dispose };
};

/** A CreateUser profile with the attributes Identity Store requires. */
export const userInput = (userName: string, extra: Record<string, unknown> = {}) => ({
  UserName: userName,
  DisplayName: `Display ${userName}`,
  Name: { GivenName: 'Given', FamilyName: 'Family' },
  ...extra,
});

/** Counts the rows of the identity store tables (to show a failed call wrote nothing). */
export const rowCounts = async (store: KyselyStore) => {
  const count = async (t: 'identity_store_user' | 'identity_store_group' | 'identity_store_external_id' | 'identity_store_membership') =>
    Number((await store.db.selectFrom(t).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  return {
    users: await count('identity_store_user'),
    groups: await count('identity_store_group'),
    externalIds: await count('identity_store_external_id'),
    memberships: await count('identity_store_membership'),
  };
};

/** An assert.rejects check: a GatehouseError of `code` whose details include `details`. */
export const isError = (code: string, details: Record<string, unknown> = {}) => (e: any) => {
  assert.equal(e?.code, code, `expected ${code}, got ${e?.code}: ${e?.message}`);
  for (const [k, v] of Object.entries(details)) assert.equal(e.details?.[k], v, `details.${k}`);
  return true;
};
