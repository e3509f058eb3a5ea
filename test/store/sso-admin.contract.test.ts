// The storage contract for sso-admin on every back end: permission sets round-trip, names are
// unique per instance, assignments insert once, and the job queue keeps its promises — jobs
// on one account (or one permission set, for whole-set jobs) come out in request order, a
// lease hides a job until it expires, and concurrent claimers never get the same job.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BACKENDS } from '../support/backends.js';
import type { KyselyStore } from '../../src/store/kysely-store.js';
import type { PermissionSet } from '../../src/domain/permission-sets/permission-set.js';
import type { ProvisioningJob } from '../../src/domain/provisioning/provisioning-job.js';

const I = 'arn:aws:sso:::instance/ssoins-0123456789abcdef';
const psArn = (n: number) => `arn:aws:sso:::permissionSet/ssoins-0123456789abcdef/ps-${String(n).padStart(16, '0')}`;
const A = '111111111111';
const B = '222222222222';

const permissionSet = (n: number, name: string): PermissionSet => ({
  instanceArn: I,
  permissionSetArn: psArn(n),
  name,
  description: undefined,
  sessionDuration: 'PT1H',
  relayState: 'https://example.com/',
  createdAt: 1_700_000_000_000,
  managedPolicyArns: ['arn:aws:iam::aws:policy/ReadOnlyAccess'],
  customerManagedPolicies: [{ name: 'Team', path: '/t/' }],
  inlinePolicy: '{"Statement":[]}',
  permissionsBoundary: { kind: 'customer-managed', reference: { name: 'Cap', path: '/' } },
  revision: 3,
  roleSuffix: '0123456789abcdef',
  tags: [{ key: 'k', value: 'v' }],
});

let seq = 0;
const job = (ps: number, account: string | undefined): ProvisioningJob => ({
  requestId: `00000000-0000-4000-8000-${String(++seq).padStart(12, '0')}`,
  instanceArn: I,
  kind: account ? 'CREATE_ASSIGNMENT' : 'PROVISION',
  status: 'IN_PROGRESS',
  permissionSetArn: psArn(ps),
  ...(account ? { principalType: 'GROUP' as const, principalId: 'g', targetId: account } : {}),
  targetType: account ? 'AWS_ACCOUNT' : 'ALL_PROVISIONED_ACCOUNTS',
  createdAt: seq,
});

for (const backend of BACKENDS) {
  describe(`sso-admin storage contract (${backend.name})`, () => {
    let store: KyselyStore;
    let dispose: () => Promise<void>;
    before(async () => ({ store, dispose } = await backend.open()));
    after(() => dispose());

    const claim = (workerId: string, now: number, limit = 10) =>
      store.transaction((tx) => tx.ssoAdmin.claimJobs({ workerId, now, leaseUntil: now + 1000 }, limit));
    const finish = (j: ProvisioningJob) => store.ssoAdmin.finishJob(j.requestId, 'SUCCEEDED', undefined, 0);

    test('permission sets round-trip; names are unique per instance', async () => {
      const ps = permissionSet(1, 'RoundTrip');
      await store.ssoAdmin.insertPermissionSet(ps);
      assert.deepEqual(await store.ssoAdmin.getPermissionSet(ps.permissionSetArn), ps);
      await assert.rejects(store.ssoAdmin.insertPermissionSet({ ...permissionSet(2, 'RoundTrip') }), { code: 'Conflict' });
      const { description: _d, inlinePolicy: _i, permissionsBoundary: _b, relayState: _r, ...rest } = ps;
      const bare = { ...rest, description: undefined, inlinePolicy: undefined, permissionsBoundary: undefined, relayState: undefined, revision: 4 };
      await store.ssoAdmin.updatePermissionSet(bare);
      assert.deepEqual(await store.transaction((tx) => tx.ssoAdmin.getPermissionSet(ps.permissionSetArn, { forUpdate: true })), bare);
      assert.equal(await store.ssoAdmin.countPermissionSets(I), 1);
    });

    test('an assignment inserts once', async () => {
      const a = { instanceArn: I, permissionSetArn: psArn(1), accountId: A, principalType: 'USER' as const, principalId: 'u', createdAt: 5 };
      assert.equal(await store.ssoAdmin.insertAssignment(a), true);
      assert.equal(await store.ssoAdmin.insertAssignment(a), false);
      assert.deepEqual(await store.ssoAdmin.listAssignmentsForAccount(psArn(1), A), [a]);
      assert.deepEqual(await store.ssoAdmin.listAssignmentsForPrincipals(I, [{ principalType: 'GROUP', principalId: 'u' }]), []);
      assert.equal(await store.ssoAdmin.deleteAssignment(a), true);
      assert.equal(await store.ssoAdmin.deleteAssignment(a), false);
    });

    test('jobs on one account, or one permission set as a whole, come out in request order', async () => {
      const j1 = job(10, A);
      const j2 = job(10, A); // same account: after j1
      const j3 = job(11, B); // independent
      const j4 = job(11, undefined); // whole set 11: after j3
      const j5 = job(11, A); // after j4 (same set, whole) and j1, j2 (same account)
      for (const j of [j1, j2, j3, j4, j5]) await store.ssoAdmin.insertJob(j, [j.targetId ?? A]);
      const first = await claim('w1', 100);
      assert.deepEqual(first.map((j) => j.requestId), [j1.requestId, j3.requestId]);
      assert.deepEqual(await claim('w2', 100), [], 'claimed jobs are leased; the rest wait behind them');
      await finish(j1);
      await finish(j3);
      assert.deepEqual((await claim('w2', 200)).map((j) => j.requestId), [j2.requestId, j4.requestId]);
      await finish(j2);
      assert.deepEqual(await claim('w3', 300), []);
      await finish(j4);
      assert.deepEqual((await claim('w3', 300)).map((j) => j.requestId), [j5.requestId]);
      await finish(j5);
    });

    test('a lease hides a job until it expires; then its holder cannot renew it', async () => {
      const j = job(20, B);
      await store.ssoAdmin.insertJob(j, [B]);
      const [c] = await claim('holder', 1000);
      assert.equal(c?.attempts, 1);
      assert.deepEqual(await claim('other', 1999), []);
      const [again] = await claim('other', 2001);
      assert.deepEqual([again?.requestId, again?.attempts], [j.requestId, 2]);
      assert.equal(await store.ssoAdmin.renewLeases([j.requestId], { workerId: 'holder', now: 2002, leaseUntil: 3000 }), 0);
      assert.equal(await store.ssoAdmin.renewLeases([j.requestId], { workerId: 'other', now: 2002, leaseUntil: 3000 }), 1);
      await store.ssoAdmin.completeTargets(j.requestId, [{ accountId: B, status: 'FAILED', failureReason: 'why' }]);
      assert.deepEqual(await store.ssoAdmin.listTargets(j.requestId), [{ accountId: B, status: 'FAILED', failureReason: 'why' }]);
      await finish(j);
    });

    test('a job given back is claimable at once, and that claim did not count', async () => {
      const j = job(25, B);
      await store.ssoAdmin.insertJob(j, [B]);
      assert.equal((await claim('w', 10_000))[0]?.attempts, 1);
      await store.ssoAdmin.releaseJob(j.requestId, 'w');
      assert.equal((await claim('w2', 10_000))[0]?.attempts, 1);
      await finish(j);
    });

    test('concurrent claimers never get the same job', async () => {
      const jobs = Array.from({ length: 20 }, (_, n) => job(30, String(300000000000 + n)));
      for (const j of jobs) await store.ssoAdmin.insertJob(j, [j.targetId!]);
      const claims = await Promise.all([0, 1, 2, 3].map((w) => claim(`c${w}`, 5000, 3)));
      const ids = claims.flat().map((j) => j.requestId);
      assert.equal(new Set(ids).size, ids.length);
      assert.ok(ids.length >= 3);
      for (const j of jobs) await finish(j);
    });

    test('what is provisioned where', async () => {
      const p = { instanceArn: I, permissionSetArn: psArn(40), accountId: A, revision: 1, roleName: 'R', provisionedAt: 1 };
      await store.ssoAdmin.putProvisioned(p);
      await store.ssoAdmin.putProvisioned({ ...p, revision: 2, provisionedAt: 2 });
      assert.deepEqual(await store.ssoAdmin.listProvisionedForPermissionSet(psArn(40)), [{ ...p, revision: 2, provisionedAt: 2 }]);
      assert.deepEqual((await store.ssoAdmin.listProvisionedForAccount(I, A)).map((x) => x.permissionSetArn), [psArn(40)]);
      await store.transaction((tx) => tx.ssoAdmin.lockAccounts([A, B]));
      await store.ssoAdmin.deleteProvisioned(psArn(40), A);
      assert.equal(await store.ssoAdmin.getProvisioned(psArn(40), A), undefined);
    });
  });
}
