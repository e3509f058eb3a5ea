// A fresh store, the organization initialized, an administrator in the management account with
// AdministratorAccess, and the services over it all.

import { randomBytes } from 'node:crypto';
import type { Backend } from '../../support/backends.js';
import type { Store } from '../../../src/domain/store.js';
import type { Ports } from '../../../src/domain/ports.js';
import type { Principal } from '../../../src/domain/principal.js';
import { createServices, type Services } from '../../../src/domain/services.js';
import { ManualClock } from '../../../src/lib/clock.js';
import { cryptoRandom } from '../../../src/lib/random.js';
import { KeyRing } from '../../../src/lib/key-ring.js';
import { StsService } from '../../../src/domain/sts/sts-service.js';
import { ensureAccountAccessRoles } from '../../../src/domain/organizations-iam/ensure-account-access-roles.js';

export const ADMINISTRATOR_ACCESS = 'arn:aws:iam::aws:policy/AdministratorAccess';

export interface StsHarness {
  readonly store: Store;
  readonly ports: Ports;
  readonly clock: ManualClock;
  readonly services: Services;
  readonly sts: StsService;
  readonly management: string;
  readonly rootId: string;
  /** The management account's administrator, as SigV4 would hand it over. */
  readonly admin: Principal;
  dispose(): Promise<void>;
}

export async function openStsHarness(backend: Backend): Promise<StsHarness> {
  const { store, dispose } = await backend.open();
  const clock = new ManualClock(Date.UTC(2026, 0, 1));
  const ports: Ports = { store, clock, random: cryptoRandom, keyRing: new KeyRing([{ id: 'k1', key: randomBytes(32) }]) };
  const services = createServices(ports);
  const org = await store.transaction((tx) =>
    services.organizations.initialize(tx, { managementAccountName: 'Management', managementAccountEmail: 'mgmt@example.com' }),
  );
  const management = org.managementAccountId;
  const admin = await userPrincipal(services, management, 'admin', [ADMINISTRATOR_ACCESS]);
  return { store, ports, clock, services, sts: services.sts, management, rootId: org.rootId, admin, dispose };
}

/** Creates an IAM user with the given managed policies; returns it as a verified principal. */
export async function userPrincipal(services: Services, accountId: string, userName: string, policyArns: readonly string[] = []): Promise<Principal> {
  const user = await services.iam.createIamUser(accountId, { userName });
  for (const arn of policyArns) await services.iam.attachUserPolicy(accountId, userName, arn);
  return { kind: 'iam-user', arn: user.arn, accountId, userId: user.userId, accessKeyId: 'AKIATESTTESTTESTTEST', name: userName };
}

let counter = 0;
/** A member account made by CreateAccount, with its OrganizationAccountAccessRole created. */
export async function memberAccount(h: StsHarness): Promise<string> {
  counter += 1;
  const status = await h.services.organizations.createAccount({ email: `sts${counter}-${Date.now()}@example.com`, accountName: `Member ${counter}` });
  if (!status.accountId) throw new Error(`CreateAccount failed: ${status.failureReason}`);
  await ensureAccountAccessRoles(h.services);
  return status.accountId;
}

export const trust = (principal: unknown, extra: Record<string, unknown> = {}, action: string | string[] = 'sts:AssumeRole') =>
  JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: principal, Action: action, ...extra }] });

export const allow = (action: string, resource = '*') =>
  JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: action, Resource: resource }] });

export const FACTS = { sourceIp: '127.0.0.1', secureTransport: true, region: 'us-east-1' } as const;

/** assert.rejects: a GatehouseError with this code (and these details). */
export const isError = (code: string, details: Record<string, unknown> = {}, message?: string | RegExp) => (e: any) => {
  if (e?.name !== 'GatehouseError' || e.code !== code) throw e;
  for (const [k, v] of Object.entries(details)) {
    if (e.details?.[k] !== v) throw new Error(`expected details.${k} = ${String(v)}, got ${String(e.details?.[k])}: ${e.message}`);
  }
  if (typeof message === 'string' && e.message !== message) throw new Error(`expected message ${message}, got ${e.message}`);
  if (message instanceof RegExp && !message.test(e.message)) throw new Error(`expected message ${message}, got ${e.message}`);
  return true;
};
