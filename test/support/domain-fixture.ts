// A fresh migrated store with an Identity Center instance (and so an identity store), the ports
// over it on a ManualClock, and every domain service: what domain tests start from.

import { randomBytes } from 'node:crypto';
import { ManualClock } from '../../src/lib/clock.js';
import { KeyRing } from '../../src/lib/key-ring.js';
import { cryptoRandom } from '../../src/lib/random.js';
import { createServices, type Services } from '../../src/domain/services.js';
import type { Ports } from '../../src/domain/ports.js';
import type { KyselyStore } from '../../src/store/kysely-store.js';
import { sqliteBackend, type Backend } from './backends.js';

export const TEST_IDENTITY_STORE_ID = 'd-0123456789';
export const TEST_INSTANCE_ARN = 'arn:aws:sso:::instance/ssoins-0123456789abcdef';
export const TEST_ACCOUNT_ID = '111122223333';

export interface DomainFixture {
  readonly store: KyselyStore;
  readonly ports: Ports;
  readonly services: Services;
  readonly clock: ManualClock;
  dispose(): Promise<void>;
}

export const openDomainFixture = async (backend: Backend = sqliteBackend, startAt?: number): Promise<DomainFixture> => {
  const { store, dispose } = await backend.open();
  await store.instance.create({
    instanceArn: TEST_INSTANCE_ARN,
    identityStoreId: TEST_IDENTITY_STORE_ID,
    ownerAccountId: TEST_ACCOUNT_ID,
    name: 'test',
    status: 'ACTIVE',
    createdAt: Date.UTC(2026, 0, 1),
    adminUserArn: `arn:aws:iam::${TEST_ACCOUNT_ID}:user/admin`,
  });
  const clock = new ManualClock(startAt);
  const ports: Ports = { store, clock, random: cryptoRandom, keyRing: new KeyRing([{ id: 'k1', key: randomBytes(32) }]) };
  return { store, ports, services: createServices(ports), clock, dispose };
};
