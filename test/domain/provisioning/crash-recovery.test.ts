// A node killed with SIGKILL in the middle of provisioning leaves nothing half-done that a
// restart does not finish: 200 accounts, every one SUCCEEDED once, no duplicate anything.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import {
  SSOAdminClient,
  CreateAccountAssignmentCommand,
  UpdatePermissionSetCommand,
  ProvisionPermissionSetCommand,
  ListAccountsForProvisionedPermissionSetCommand,
  paginateListAccountsForProvisionedPermissionSet,
} from '@aws-sdk/client-sso-admin';
import { spawnServer, type SpawnedServer } from '../../support/spawn-server.js';
import { clientFor, instanceOf, newAccounts, newGroup, newPermissionSet, settleCreation, settleProvisioning } from './spawned-setup.js';

const ACCOUNTS = 200;
const dataDir = mkdtempSync(join(tmpdir(), 'gatehouse-crash-'));
const masterKey = randomBytes(32).toString('base64');
// Small batches make "in the middle" a long moment; a short lease makes the restart quick.
const env = { GATEHOUSE_PROVISIONING_BATCH_SIZE: '4', GATEHOUSE_PROVISIONING_LEASE_MS: '1500', GATEHOUSE_PROVISIONING_POLL_MS: '200' };
let node: SpawnedServer | undefined;

const start = async () => (node = await spawnServer({ dataDir, masterKey, env }));
const kill = async () => {
  await node!.stop('SIGKILL');
  node = undefined;
};

before(start);
after(async () => {
  await node?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Reads the database beside the server (WAL lets a reader in while it writes). */
const query = <T>(sql: string, ...params: unknown[]): T[] => {
  const db = new Database(join(dataDir, 'gatehouse.db'), { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
};

const targetCounts = (requestId: string) =>
  Object.fromEntries(query<{ status: string; n: number }>('select status, count(*) as n from sso_job_target where request_id = ? group by status', requestId)
    .map((r) => [r.status, r.n]));

test(`SIGKILL while provisioning to ${ACCOUNTS} accounts, then a restart: every account once`, { timeout: 240_000 }, async () => {
  const { InstanceArn, IdentityStoreId } = await instanceOf(node!.url);
  const group = await newGroup(node!.url, IdentityStoreId, 'Everyone');
  const PermissionSetArn = await newPermissionSet(node!.url, InstanceArn, 'Crashproof');
  const accounts = await newAccounts(node!.url, ACCOUNTS, 'crash');

  // 200 assignment requests, then the node dies with whatever is still queued.
  const sso = clientFor(SSOAdminClient, node!.url);
  const requests: string[] = [];
  for (const TargetId of accounts) {
    const r = await sso.send(new CreateAccountAssignmentCommand({
      InstanceArn, PermissionSetArn, PrincipalType: 'GROUP', PrincipalId: group, TargetType: 'AWS_ACCOUNT', TargetId,
    }));
    requests.push(r.AccountAssignmentCreationStatus!.RequestId!);
  }
  await kill();
  await start();
  for (const id of requests) assert.equal((await settleCreation(node!.url, InstanceArn, id)).Status, 'SUCCEEDED');

  // One job for all 200 accounts, killed part way through its batches.
  const sso2 = clientFor(SSOAdminClient, node!.url);
  await sso2.send(new UpdatePermissionSetCommand({ InstanceArn, PermissionSetArn, Description: 'v2' }));
  const { PermissionSetProvisioningStatus: p } = await sso2.send(new ProvisionPermissionSetCommand({ InstanceArn, PermissionSetArn, TargetType: 'ALL_PROVISIONED_ACCOUNTS' }));
  const requestId = p!.RequestId!;
  let seen: Record<string, number> = {};
  for (let n = 0; n < 2000 && !((seen.SUCCEEDED ?? 0) >= 8); n++) {
    seen = targetCounts(requestId);
    await new Promise((r) => setTimeout(r, 2));
  }
  await kill();
  const atKill = targetCounts(requestId);
  assert.ok((atKill.SUCCEEDED ?? 0) > 0 && (atKill.PENDING ?? 0) > 0, `killed in the middle: ${JSON.stringify(atKill)}`);

  await start();
  const done = await settleProvisioning(node!.url, InstanceArn, requestId);
  assert.equal(done.Status, 'SUCCEEDED', done.FailureReason);
  assert.deepEqual(targetCounts(requestId), { SUCCEEDED: ACCOUNTS });

  const current: string[] = [];
  for await (const page of paginateListAccountsForProvisionedPermissionSet({ client: clientFor(SSOAdminClient, node!.url) }, {
    InstanceArn, PermissionSetArn, ProvisioningStatus: 'LATEST_PERMISSION_SET_PROVISIONED',
  })) current.push(...(page.AccountIds ?? []));
  assert.deepEqual(current.sort(), [...accounts].sort());
  const drifted = await clientFor(SSOAdminClient, node!.url).send(new ListAccountsForProvisionedPermissionSetCommand({
    InstanceArn, PermissionSetArn, ProvisioningStatus: 'LATEST_PERMISSION_SET_NOT_PROVISIONED',
  }));
  assert.deepEqual(drifted.AccountIds, []);

  // Exactly one of everything per account: role, its policies, SAML provider, service-linked role.
  const once = (sql: string) => {
    const rows = query<{ account_id: string; n: number }>(sql);
    assert.equal(rows.length, ACCOUNTS, sql);
    assert.ok(rows.every((r) => r.n === 1), `${sql}: ${JSON.stringify(rows.find((r) => r.n !== 1))}`);
  };
  once(`select account_id, count(*) as n from iam_role where role_name like 'AWSReservedSSO_Crashproof_%' and description = 'v2' group by account_id`);
  once(`select account_id, count(*) as n from iam_role where role_name = 'AWSServiceRoleForSSO' group by account_id`);
  once(`select account_id, count(*) as n from iam_saml_provider group by account_id`);
  once(`select account_id, count(*) as n from iam_policy_attachment where principal_name like 'AWSReservedSSO_%' group by account_id`);
  once(`select account_id, count(*) as n from iam_inline_policy where principal_name like 'AWSReservedSSO_%' group by account_id`);
  once(`select account_id, count(*) as n from sso_account_assignment group by account_id`);
  assert.deepEqual(query(`select status, count(*) as n from sso_job group by status`), [{ status: 'SUCCEEDED', n: ACCOUNTS + 1 }]);
});
