// A fresh migrated store with an initialized organization, and the service over it.

import { randomBytes } from 'node:crypto';
import { ManualClock } from '../../../src/lib/clock.js';
import { KeyRing } from '../../../src/lib/key-ring.js';
import { cryptoRandom } from '../../../src/lib/random.js';
import { OrganizationsService } from '../../../src/domain/organizations/organizations-service.js';
import type { Ports } from '../../../src/domain/ports.js';
import type { KyselyStore } from '../../../src/store/kysely-store.js';
import type { Backend } from '../../support/backends.js';

export interface Harness {
  readonly store: KyselyStore;
  readonly service: OrganizationsService;
  readonly clock: ManualClock;
  readonly org: { organizationId: string; organizationArn: string; managementAccountId: string; rootId: string };
  dispose(): Promise<void>;
}

export const openHarness = async (backend: Backend, options: { initialize?: boolean } = {}): Promise<Harness> => {
  const { store, dispose } = await backend.open();
  const clock = new ManualClock();
  const ports: Ports = { store, clock, random: cryptoRandom, keyRing: new KeyRing([{ id: 'k1', key: randomBytes(32) }]) };
  const service = new OrganizationsService(ports);
  const org = options.initialize === false
    ? { organizationId: '', organizationArn: '', managementAccountId: '', rootId: '' }
    : await store.transaction((tx) =>
      service.initialize(tx, { managementAccountName: 'Management', managementAccountEmail: 'mgmt@example.com' }));
  return { store, service, clock, org, dispose };
};

let counter = 0;
/** A new member account under the root (or `parentId`), through CreateAccount. */
export const newAccount = async (h: Harness, parentId?: string): Promise<string> => {
  counter += 1;
  const status = await h.service.createAccount({ email: `acct${counter}-${Date.now()}@example.com`, accountName: `Account ${counter}` });
  if (!status.accountId) throw new Error(`CreateAccount failed: ${status.failureReason}`);
  if (parentId) await h.service.moveAccount({ accountId: status.accountId, sourceParentId: h.org.rootId, destinationParentId: parentId });
  return status.accountId;
};

/** An assert.rejects check: a GatehouseError of `code` whose details include `details`. */
export const isError = (code: string, details: Record<string, unknown> = {}) => (e: any) => {
  if (e?.name !== 'GatehouseError' || e.code !== code) throw e;
  for (const [k, v] of Object.entries(details)) {
    if (e.details?.[k] !== v) throw new Error(`expected details.${k} = ${String(v)}, got ${String(e.details?.[k])}: ${e.message}`);
  }
  return true;
};

export const SCP = (effect: 'Allow' | 'Deny', action: string) =>
  JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: effect, Action: action, Resource: '*' }] });
