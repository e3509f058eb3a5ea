// A fresh migrated store with an initialized installation (organization, instance, identity
// store), every service over it, and a provisioning runner the test drives by hand.

import { randomBytes } from 'node:crypto';
import { ManualClock } from '../../../src/lib/clock.js';
import { KeyRing } from '../../../src/lib/key-ring.js';
import { cryptoRandom } from '../../../src/lib/random.js';
import { createServices, type Services } from '../../../src/domain/services.js';
import type { Ports } from '../../../src/domain/ports.js';
import type { Instance } from '../../../src/domain/instance/instance-repository.js';
import { initializeInstallation } from '../../../src/domain/bootstrap/initialize-installation.js';
import { ProvisioningRunner } from '../../../src/domain/provisioning/provisioning-runner.js';
import type { SsoAdminService } from '../../../src/domain/permission-sets/sso-admin-service.js';
import type { KyselyStore } from '../../../src/store/kysely-store.js';
import type { Backend } from '../../support/backends.js';

export interface SsoHarness {
  readonly store: KyselyStore;
  readonly services: Services;
  readonly sso: SsoAdminService;
  readonly clock: ManualClock;
  readonly instance: Instance;
  /** The instance ARN, as every operation takes it. */
  readonly i: string;
  readonly runner: ProvisioningRunner;
  newAccount(): Promise<string>;
  newUser(name: string): Promise<string>;
  newGroup(name: string, members?: readonly string[]): Promise<string>;
  /** Runs every ready job to its end. */
  drain(): Promise<number>;
  dispose(): Promise<void>;
}

let serial = 0;

export async function openSsoHarness(backend: Backend, options: { region?: string } = {}): Promise<SsoHarness> {
  const { store, dispose } = await backend.open();
  const clock = new ManualClock(Date.UTC(2026, 0, 1));
  const ports: Ports = { store, clock, random: cryptoRandom, keyRing: new KeyRing([{ id: 'k1', key: randomBytes(32) }]) };
  const services = createServices(ports);
  const { instance } = await initializeInstallation(services);
  const runner = new ProvisioningRunner(ports, { homeRegion: options.region ?? 'us-east-1', batchSize: 25 });
  const storeId = instance.identityStoreId;
  return {
    store,
    services,
    sso: services.ssoAdmin,
    clock,
    instance,
    i: instance.instanceArn,
    runner,
    async newAccount() {
      serial += 1;
      const account = await store.transaction((tx) =>
        services.organizations.createAccountDirect(tx, { name: `Account ${serial}`, email: `a${serial}-${process.pid}@example.com` }));
      return account.id;
    },
    async newUser(name) {
      const u = await services.identityStore.createUser(storeId, { UserName: name, DisplayName: name, Name: { GivenName: 'G', FamilyName: 'F' } } as any);
      return u.userId;
    },
    async newGroup(name, members = []) {
      const g = await services.identityStore.createGroup(storeId, { DisplayName: name } as any);
      for (const userId of members) await services.identityStore.createGroupMembership(storeId, g.groupId, { UserId: userId });
      return g.groupId;
    },
    drain: () => runner.runUntilIdle(),
    dispose,
  };
}

export const doc = (action = 's3:GetObject') =>
  JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: action, Resource: '*' }] });

/** An assert.rejects check: a GatehouseError of `code` (and `resource`, when given). */
export const isError = (code: string, resource?: string, message?: RegExp) => (e: any) => {
  if (e?.name !== 'GatehouseError' || e.code !== code) throw e;
  if (resource !== undefined && e.details?.resource !== resource) throw new Error(`expected resource ${resource}, got ${e.details?.resource}: ${e.message}`);
  if (message && !message.test(e.message)) throw new Error(`message ${e.message} does not match ${message}`);
  return true;
};
