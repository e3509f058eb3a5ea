// A store for IAM's tests: a migrated back end (migration 004 applied if the migration list
// lacks it) whose IAM repository is src/store/iam's, inside transactions too.

import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { GatehouseError } from '../../../src/lib/errors.js';
import { sql, type Kysely } from 'kysely';
import type { Backend } from '../../support/backends.js';
import type { Repositories, Store } from '../../../src/domain/store.js';
import type { Ports } from '../../../src/domain/ports.js';
import { KyselyIamRepository } from '../../../src/store/iam/iam-repository.js';
import { migration004Iam } from '../../../src/store/iam/migration-004-iam.js';
import { ManualClock } from '../../../src/lib/clock.js';
import { cryptoRandom } from '../../../src/lib/random.js';
import { KeyRing } from '../../../src/lib/key-ring.js';
import { IamService } from '../../../src/domain/iam/iam-service.js';

async function ensureIamTables(db: Kysely<any>): Promise<void> {
  try {
    await sql`select 1 from iam_role where 1 = 0`.execute(db);
  } catch {
    await migration004Iam.up(db);
  }
}

export interface IamTestStore {
  readonly store: Store;
  readonly db: Kysely<any>;
  dispose(): Promise<void>;
}

export async function openIamStore(backend: Backend): Promise<IamTestStore> {
  const { store: base, dispose } = await backend.open();
  await ensureIamTables(base.db);
  // Every repository of the store (whatever areas it has), with src/store/iam's for IAM.
  const others = { ...base } as unknown as Repositories;
  const store = {
    ...others,
    iam: new KyselyIamRepository(base.db),
    transaction: <T>(fn: (tx: Repositories) => Promise<T>) =>
      base.db.transaction().execute((tx) => fn({ ...others, iam: new KyselyIamRepository(tx) })),
    ping: () => base.ping(),
    close: () => base.close(),
  } as Store;
  return { store, db: base.db, dispose };
}

export interface IamFixture {
  readonly iam: IamService;
  readonly ports: Ports;
  readonly clock: ManualClock;
  readonly store: Store;
  dispose(): Promise<void>;
}

export async function iamFixture(backend: Backend): Promise<IamFixture> {
  const { store, dispose } = await openIamStore(backend);
  const clock = new ManualClock(Date.UTC(2026, 0, 1));
  const ports: Ports = { store, clock, random: cryptoRandom, keyRing: new KeyRing([{ id: 'k1', key: randomBytes(32) }]) };
  return { iam: new IamService(ports), ports, clock, store, dispose };
}

export const TRUST = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
});

export const doc = (action = 's3:GetObject', resource = '*') =>
  JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: action, Resource: resource }] });

export const ACCOUNT = '111122223333';
export const OTHER_ACCOUNT = '444455556666';

export interface ExpectedError {
  readonly code?: string;
  readonly reason?: string;
  readonly resource?: string;
  readonly field?: string;
  readonly message?: string | RegExp;
}

/** Asserts `p` rejects with a GatehouseError matching `expected` (details fields flattened). */
export async function rejects(p: Promise<unknown>, expected: ExpectedError, label?: string): Promise<void> {
  await assert.rejects(p, (e: unknown) => {
    assert.ok(e instanceof GatehouseError, `${label ?? ''} expected a GatehouseError, got ${String(e)}`);
    if (expected.code !== undefined) assert.equal(e.code, expected.code, label);
    for (const k of ['reason', 'resource', 'field'] as const) {
      if (expected[k] !== undefined) assert.equal(e.details[k], expected[k], `${label ?? ''} details.${k}`);
    }
    if (typeof expected.message === 'string') assert.equal(e.message, expected.message, label);
    else if (expected.message) assert.match(e.message, expected.message, label);
    return true;
  }, label);
}
