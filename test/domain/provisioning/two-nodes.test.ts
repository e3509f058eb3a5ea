// Two nodes on one PostgreSQL database provisioning at once: requests for the same accounts
// arrive at both, both workers claim jobs (SKIP LOCKED), per-account locks serialize them, and
// every account ends with exactly what it should have: nothing duplicated, nothing lost.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import {
  SSOAdminClient,
  CreateAccountAssignmentCommand,
  DeleteAccountAssignmentCommand,
  UpdatePermissionSetCommand,
  ProvisionPermissionSetCommand,
  DescribeAccountAssignmentDeletionStatusCommand,
} from '@aws-sdk/client-sso-admin';
import { spawnServer, urlWithSchema, type SpawnedServer } from '../../support/spawn-server.js';
import { createTestSchema, TEST_DATABASE_URL } from '../../support/backends.js';
import { clientFor, instanceOf, newAccounts, newGroup, newPermissionSet, settleCreation, settleProvisioning } from './spawned-setup.js';

const ACCOUNTS = 40;
let nodes: SpawnedServer[] = [];
let schema: { schema: string; drop(): Promise<void> };
const dirs: string[] = [];

before(async () => {
  schema = await createTestSchema();
  const masterKey = randomBytes(32).toString('base64');
  const databaseUrl = urlWithSchema(TEST_DATABASE_URL, schema.schema);
  const env = { GATEHOUSE_PROVISIONING_BATCH_SIZE: '5', GATEHOUSE_PROVISIONING_POLL_MS: '100' };
  nodes = [];
  for (let n = 0; n < 2; n++) {
    const dataDir = mkdtempSync(join(tmpdir(), 'gatehouse-node-'));
    dirs.push(dataDir);
    nodes.push(await spawnServer({ dataDir, databaseUrl, masterKey, env }));
  }
});

after(async () => {
  await Promise.all(nodes.map((n) => n.stop()));
  await schema.drop();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const query = async <T>(sql: string): Promise<T[]> => {
  const c = new pg.Client({ connectionString: TEST_DATABASE_URL, options: `-c search_path=${schema.schema}` });
  await c.connect();
  try {
    return (await c.query(sql)).rows as T[];
  } finally {
    await c.end();
  }
};

test('two nodes provisioning the same accounts at once: nothing duplicated, nothing lost', { timeout: 180_000 }, async () => {
  const [a, b] = nodes.map((n) => n.url) as [string, string];
  const { InstanceArn, IdentityStoreId } = await instanceOf(a);
  const group = await newGroup(a, IdentityStoreId, 'Both');
  const ps = [await newPermissionSet(a, InstanceArn, 'FromA'), await newPermissionSet(b, InstanceArn, 'FromB')];
  const accounts = await newAccounts(a, ACCOUNTS, 'twonodes');

  // Each permission set assigned on every account, the requests split over both nodes.
  const requests = await Promise.all(ps.flatMap((PermissionSetArn, k) => accounts.map(async (TargetId, n) => {
    const url = (n + k) % 2 === 0 ? a : b;
    const r = await clientFor(SSOAdminClient, url).send(new CreateAccountAssignmentCommand({
      InstanceArn, PermissionSetArn, PrincipalType: 'GROUP', PrincipalId: group, TargetType: 'AWS_ACCOUNT', TargetId,
    }));
    return { url, id: r.AccountAssignmentCreationStatus!.RequestId! };
  })));
  for (const r of requests) {
    const s = await settleCreation(r.url, InstanceArn, r.id);
    assert.equal(s.Status, 'SUCCEEDED', s.FailureReason);
  }

  // Both permission sets changed and provisioned everywhere at once, one from each node.
  for (const PermissionSetArn of ps) await clientFor(SSOAdminClient, a).send(new UpdatePermissionSetCommand({ InstanceArn, PermissionSetArn, Description: 'v2' }));
  const jobs = await Promise.all(ps.map(async (PermissionSetArn, k) => {
    const url = k === 0 ? a : b;
    const r = await clientFor(SSOAdminClient, url).send(new ProvisionPermissionSetCommand({ InstanceArn, PermissionSetArn, TargetType: 'ALL_PROVISIONED_ACCOUNTS' }));
    return { url, id: r.PermissionSetProvisioningStatus!.RequestId! };
  }));
  for (const j of jobs) assert.equal((await settleProvisioning(j.url, InstanceArn, j.id)).Status, 'SUCCEEDED');

  const perAccount = async (sql: string, expected: number) => {
    const rows = await query<{ account_id: string; n: string }>(sql);
    assert.equal(rows.length, ACCOUNTS, sql);
    assert.ok(rows.every((r) => Number(r.n) === expected), `${sql}: ${JSON.stringify(rows.find((r) => Number(r.n) !== expected))}`);
  };
  await perAccount(`select account_id, count(*) as n from iam_role where role_name like 'AWSReservedSSO_%' and description = 'v2' group by account_id`, 2);
  await perAccount(`select account_id, count(*) as n from iam_role where role_name = 'AWSServiceRoleForSSO' group by account_id`, 1);
  await perAccount(`select account_id, count(*) as n from iam_saml_provider group by account_id`, 1);
  await perAccount(`select account_id, count(*) as n from iam_policy_attachment where principal_name like 'AWSReservedSSO_%' group by account_id`, 2);
  await perAccount(`select account_id, count(*) as n from sso_provisioned group by account_id`, 2);
  await perAccount(`select account_id, count(*) as n from sso_account_assignment group by account_id`, 2);
  assert.deepEqual(await query(`select status, count(*)::int as n from sso_job group by status`), [{ status: 'SUCCEEDED', n: 2 * ACCOUNTS + 2 }]);
  // Both nodes' workers did some of it (a finished job keeps the id of the worker that finished it).
  const workers = await query<{ n: number }>(`select count(distinct claimed_by)::int as n from sso_job`);
  assert.ok(workers[0]!.n >= 2, `jobs were finished by ${workers[0]!.n} worker(s)`);

  // And away again, from both nodes at once: every role deleted, the service-linked roles kept.
  const deletions = await Promise.all(ps.flatMap((PermissionSetArn, k) => accounts.map(async (TargetId, n) => {
    const url = (n + k) % 2 === 0 ? b : a;
    const r = await clientFor(SSOAdminClient, url).send(new DeleteAccountAssignmentCommand({
      InstanceArn, PermissionSetArn, PrincipalType: 'GROUP', PrincipalId: group, TargetType: 'AWS_ACCOUNT', TargetId,
    }));
    return { url, id: r.AccountAssignmentDeletionStatus!.RequestId! };
  })));
  for (const d of deletions) {
    for (let n = 0; ; n++) {
      const s = (await clientFor(SSOAdminClient, d.url).send(new DescribeAccountAssignmentDeletionStatusCommand({
        InstanceArn, AccountAssignmentDeletionRequestId: d.id,
      }))).AccountAssignmentDeletionStatus!;
      if (s.Status !== 'IN_PROGRESS') {
        assert.equal(s.Status, 'SUCCEEDED', s.FailureReason);
        break;
      }
      assert.ok(n < 600, 'deletion still in progress');
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  assert.deepEqual(await query(`select count(*)::int as n from iam_role where role_name like 'AWSReservedSSO_%'`), [{ n: 0 }]);
  assert.deepEqual(await query(`select count(*)::int as n from sso_provisioned`), [{ n: 0 }]);
  await perAccount(`select account_id, count(*) as n from iam_role where role_name = 'AWSServiceRoleForSSO' group by account_id`, 1);
});
