// Provisioning jobs and their targets: insert with the request, claim with a lease, complete.

import { sql, type Kysely } from 'kysely';
import type { ClaimRequest } from '../../domain/provisioning/provisioning-repository.js';
import type { JobKind, JobStatus, JobTarget, ProvisioningJob, TargetResult } from '../../domain/provisioning/provisioning-job.js';
import type { SsoAdminTables } from './tables.js';
import { jobFromRow } from './rows.js';
import { isPostgres } from './dialect-of.js';

type Db = Kysely<SsoAdminTables>;

const CHUNK = 500;
const chunks = <T>(items: readonly T[]): T[][] =>
  Array.from({ length: Math.ceil(items.length / CHUNK) }, (_, i) => items.slice(i * CHUNK, (i + 1) * CHUNK));

export async function insertJob(db: Db, job: ProvisioningJob, accountIds: readonly string[]): Promise<void> {
  await db
    .insertInto('sso_job')
    .values({
      request_id: job.requestId,
      instance_arn: job.instanceArn,
      kind: job.kind,
      status: job.status,
      failure_reason: job.failureReason ?? null,
      permission_set_arn: job.permissionSetArn,
      principal_type: job.principalType ?? null,
      principal_id: job.principalId ?? null,
      target_type: job.targetType,
      target_id: job.targetId ?? null,
      lane_account: job.targetType === 'AWS_ACCOUNT' ? job.targetId ?? null : null,
      created_at: job.createdAt,
      updated_at: job.createdAt,
      claimed_by: null,
      lease_until: null,
      attempts: 0,
    })
    .execute();
  for (const part of chunks(accountIds)) {
    await db
      .insertInto('sso_job_target')
      .values(part.map((account_id) => ({ request_id: job.requestId, account_id, status: 'PENDING', failure_reason: null })))
      .execute();
  }
}

export async function getJob(db: Db, requestId: string): Promise<ProvisioningJob | undefined> {
  const row = await db.selectFrom('sso_job').selectAll().where('request_id', '=', requestId).executeTakeFirst();
  return row && jobFromRow(row);
}

export async function listJobs(db: Db, instanceArn: string, kinds: readonly JobKind[], status?: JobStatus): Promise<ProvisioningJob[]> {
  let q = db.selectFrom('sso_job').selectAll().where('instance_arn', '=', instanceArn).where('kind', 'in', [...kinds]);
  if (status) q = q.where('status', '=', status);
  return (await q.orderBy('seq').execute()).map(jobFromRow);
}

export async function listUnfinishedJobs(db: Db, permissionSetArn: string, kind?: JobKind, accountId?: string): Promise<ProvisioningJob[]> {
  let q = db.selectFrom('sso_job').selectAll().where('permission_set_arn', '=', permissionSetArn).where('status', '=', 'IN_PROGRESS');
  if (kind) q = q.where('kind', '=', kind);
  if (accountId) q = q.where('lane_account', '=', accountId);
  return (await q.orderBy('seq').execute()).map(jobFromRow);
}

/**
 * The oldest unleased unfinished job with no older unfinished job ahead of it: one on the same
 * account, or, where either is a whole-permission-set job, one on the same permission set.
 */
export async function claimJobs(db: Db, c: ClaimRequest, limit: number): Promise<(ProvisioningJob & { attempts: number })[]> {
  let q = db
    .selectFrom('sso_job as j')
    .selectAll('j')
    .where('j.status', '=', 'IN_PROGRESS')
    .where((eb) => eb.or([eb('j.lease_until', 'is', null), eb('j.lease_until', '<', c.now)]))
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('sso_job as o')
            .select('o.seq')
            .where('o.status', '=', 'IN_PROGRESS')
            .whereRef('o.seq', '<', 'j.seq')
            .where((x) =>
              x.or([
                x('o.lane_account', '=', x.ref('j.lane_account')),
                x.and([
                  x('o.permission_set_arn', '=', x.ref('j.permission_set_arn')),
                  x.or([x('o.lane_account', 'is', null), x('j.lane_account', 'is', null)]),
                ]),
              ]),
            ),
        ),
      ),
    )
    .orderBy('j.seq')
    .limit(limit);
  if (isPostgres(db)) q = q.forUpdate().skipLocked();
  const rows = await q.execute();
  if (rows.length === 0) return [];
  await db
    .updateTable('sso_job')
    .set({ claimed_by: c.workerId, lease_until: c.leaseUntil, updated_at: c.now, attempts: sql`attempts + 1` })
    .where('seq', 'in', rows.map((r) => r.seq))
    .execute();
  return rows.map((row) => ({ ...jobFromRow(row), attempts: Number(row.attempts) + 1 }));
}

export async function renewLeases(db: Db, requestIds: readonly string[], c: ClaimRequest): Promise<number> {
  if (requestIds.length === 0) return 0;
  const r = await db
    .updateTable('sso_job')
    .set({ lease_until: c.leaseUntil, updated_at: c.now })
    .where('request_id', 'in', [...requestIds])
    .where('claimed_by', '=', c.workerId)
    .where('status', '=', 'IN_PROGRESS')
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function releaseJob(db: Db, requestId: string, workerId: string): Promise<void> {
  // Given back untried (or stopped cleanly): the claim does not count as an attempt.
  await db
    .updateTable('sso_job')
    .set({ lease_until: null, claimed_by: null, attempts: sql`attempts - 1` })
    .where('request_id', '=', requestId)
    .where('claimed_by', '=', workerId)
    .execute();
}

export async function pendingTargets(db: Db, requestId: string, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('sso_job_target')
    .select('account_id')
    .where('request_id', '=', requestId)
    .where('status', '=', 'PENDING')
    .orderBy('account_id')
    .limit(limit)
    .execute();
  return rows.map((r) => r.account_id);
}

export async function listTargets(db: Db, requestId: string): Promise<JobTarget[]> {
  const rows = await db.selectFrom('sso_job_target').selectAll().where('request_id', '=', requestId).orderBy('account_id').execute();
  return rows.map((r) => ({
    accountId: r.account_id,
    status: r.status as JobTarget['status'],
    ...(r.failure_reason !== null ? { failureReason: r.failure_reason } : {}),
  }));
}

export async function completeTargets(db: Db, requestId: string, results: readonly TargetResult[]): Promise<void> {
  const succeeded = results.filter((r) => r.status === 'SUCCEEDED').map((r) => r.accountId);
  for (const part of chunks(succeeded)) {
    await db.updateTable('sso_job_target').set({ status: 'SUCCEEDED' }).where('request_id', '=', requestId).where('account_id', 'in', part).execute();
  }
  for (const r of results) {
    if (r.status !== 'FAILED') continue;
    await db
      .updateTable('sso_job_target')
      .set({ status: 'FAILED', failure_reason: r.failureReason })
      .where('request_id', '=', requestId)
      .where('account_id', '=', r.accountId)
      .execute();
  }
}

export async function finishJob(db: Db, requestId: string, status: JobStatus, failureReason: string | undefined, now: number): Promise<void> {
  await db
    .updateTable('sso_job')
    // claimed_by stays: it tells which worker finished the job.
    .set({ status, failure_reason: failureReason ?? null, updated_at: now, lease_until: null })
    .where('request_id', '=', requestId)
    .execute();
}

/** PostgreSQL: row locks in sorted order (no deadlock); SQLite's write transaction is exclusive. */
export async function lockAccounts(db: Db, accountIds: readonly string[]): Promise<void> {
  if (!isPostgres(db) || accountIds.length === 0) return;
  const sorted = [...new Set(accountIds)].sort();
  await db.insertInto('sso_account_lock').values(sorted.map((account_id) => ({ account_id }))).onConflict((oc) => oc.doNothing()).execute();
  await db.selectFrom('sso_account_lock').select('account_id').where('account_id', 'in', sorted).orderBy('account_id').forUpdate().execute();
}
