// Provisioning one permission set (one AWS managed and one inline policy) to 1,000 accounts on
// SQLite, wall time from the request to every account SUCCEEDED. Two ways in: 1,000
// CreateAccountAssignment requests (first time: service-linked role, SAML provider and role in
// each account), and one ProvisionPermissionSet to all provisioned accounts after a change.
// Baselines from the same run: the same roles made the naive way, each IAM call its own
// transaction (measured on 100 roles, times 10), and 1,000 bare rows in one transaction.
// `node --import tsx bench/provisioning.ts` runs it alone.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { sql } from 'kysely';
import { openStore } from '../src/store/open-store.js';
import { createServices, type Services } from '../src/domain/services.js';
import { initializeInstallation } from '../src/domain/bootstrap/initialize-installation.js';
import { ProvisioningRunner } from '../src/domain/provisioning/provisioning-runner.js';
import { systemClock } from '../src/lib/clock.js';
import { cryptoRandom } from '../src/lib/random.js';
import { KeyRing } from '../src/lib/key-ring.js';
import { PROVISIONER } from '../src/domain/iam/protection.js';
import { formatResults, type BenchResult } from './result.js';

const ACCOUNTS = 1000;
const NAIVE_SAMPLE = 100;
const POLICY = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] });
const TRUST = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Federated: 'arn:aws:iam::111122223333:saml-provider/X' }, Action: 'sts:AssumeRoleWithSAML' }] });

const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

async function setUp(dir: string) {
  const store = await openStore({ dataDir: dir });
  const services = createServices({ store, clock: systemClock, random: cryptoRandom, keyRing: new KeyRing([{ id: 'k', key: randomBytes(32) }]) });
  const { instance } = await initializeInstallation(services);
  const accounts = await store.transaction(async (tx) => {
    const ids: string[] = [];
    for (let n = 0; n < ACCOUNTS; n++) ids.push((await services.organizations.createAccountDirect(tx, { name: `A${n}`, email: `a${n}@bench.invalid` })).id);
    return ids;
  });
  const group = await services.identityStore.createGroup(instance.identityStoreId, { DisplayName: 'Everyone' } as any);
  return { store, services, instance, accounts, groupId: group.groupId };
}

/** One role the naive way: create, attach, put inline, each IAM call its own transaction. */
async function naiveRoles(services: Services, accounts: readonly string[]): Promise<number> {
  const start = process.hrtime.bigint();
  for (const a of accounts) {
    await services.iam.createRole(a, { roleName: 'Naive', path: '/aws-reserved/sso.amazonaws.com/', assumeRolePolicyDocument: TRUST, maxSessionDuration: 43200 }, PROVISIONER);
    await services.iam.attachRolePolicy(a, 'Naive', 'arn:aws:iam::aws:policy/ReadOnlyAccess', PROVISIONER);
    await services.iam.putRolePolicy(a, 'Naive', 'AwsSSOInlinePolicy', POLICY, PROVISIONER);
  }
  return ms(start);
}

async function bareRows(services: Services): Promise<number> {
  const db = (services.ports.store as unknown as { db: import('kysely').Kysely<any> }).db;
  await sql`create table bench_bare (id integer primary key, account_id varchar(12), name varchar(64))`.execute(db);
  const start = process.hrtime.bigint();
  await db.transaction().execute(async (tx) => {
    for (let n = 0; n < ACCOUNTS; n++) await tx.insertInto('bench_bare').values({ id: n, account_id: String(n).padStart(12, '1'), name: `r${n}` }).execute();
  });
  return ms(start);
}

export async function run(): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'gatehouse-bench-provisioning-'));
  const { store, services, instance, accounts, groupId } = await setUp(dir);
  try {
    const sso = services.ssoAdmin;
    const i = instance.instanceArn;
    const runner = new ProvisioningRunner(services.ports, { homeRegion: 'us-east-1' });
    const ps = await sso.createPermissionSet(i, { name: 'Bench', description: 'v1' });
    await sso.attachManagedPolicy(i, ps.permissionSetArn, 'arn:aws:iam::aws:policy/ReadOnlyAccess');
    await sso.putInlinePolicy(i, ps.permissionSetArn, POLICY);

    let start = process.hrtime.bigint();
    for (const targetId of accounts) {
      await sso.createAccountAssignment(i, { permissionSetArn: ps.permissionSetArn, principalType: 'GROUP', principalId: groupId, targetType: 'AWS_ACCOUNT', targetId });
    }
    const requests = ms(start);
    start = process.hrtime.bigint();
    await runner.runUntilIdle();
    const firstTime = ms(start);
    const failed = (await sso.listAssignmentCreations(i, 'FAILED')).items.length;
    if (failed > 0) throw new Error(`${failed} assignments failed`);

    await sso.updatePermissionSet(i, ps.permissionSetArn, { description: 'v2' });
    start = process.hrtime.bigint();
    const job = await sso.provisionPermissionSet(i, ps.permissionSetArn, 'ALL_PROVISIONED_ACCOUNTS');
    await runner.runUntilIdle();
    const reprovision = ms(start);
    if ((await sso.describeProvisioning(i, job.requestId)).status !== 'SUCCEEDED') throw new Error('provisioning failed');

    const naive = ((await naiveRoles(services, accounts.slice(0, NAIVE_SAMPLE))) * ACCOUNTS) / NAIVE_SAMPLE;
    const bare = await bareRows(services);
    const goal = 'under 2 s wall';
    return [
      { name: `baseline: 1,000 roles, one IAM call per transaction (x${ACCOUNTS / NAIVE_SAMPLE})`, value: naive, unit: 'ms' },
      { name: 'baseline: 1,000 bare rows in one transaction', value: bare, unit: 'ms' },
      { name: 'ProvisionPermissionSet to 1,000 accounts → SUCCEEDED', value: reprovision, unit: 'ms', ratio: { against: 'naive per-call roles', value: reprovision / naive, goal: '< 1x, under 2 s wall' } },
      { name: '  same, against bare rows', value: reprovision, unit: 'ms', ratio: { against: 'bare rows', value: reprovision / bare } },
      { name: '1,000 CreateAccountAssignment calls (queued, committed)', value: requests, unit: 'ms' },
      { name: '  then until all SUCCEEDED (1,000 new roles, SAML, SLR)', value: firstTime, unit: 'ms', ratio: { against: 'naive per-call roles', value: firstTime / naive, goal: 'under 2 s wall' } },
      { name: '  first call to all SUCCEEDED', value: requests + firstTime, unit: 'ms' },
    ];
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.stdout.write(`${formatResults(await run())}\n`);
}
