// The persistence port of provisioning: jobs and their targets, the claim and lease that let
// any node carry a job out, per-account locks, and what is provisioned where.

import type { JobKind, JobStatus, JobTarget, ProvisionedPermissionSet, ProvisioningJob, TargetResult } from './provisioning-job.js';

export interface ClaimRequest {
  readonly workerId: string;
  readonly now: number;
  readonly leaseUntil: number;
}

export interface ProvisioningRepository {
  /** The job and one PENDING target per account, written together. */
  insertJob(job: ProvisioningJob, accountIds: readonly string[]): Promise<void>;
  getJob(requestId: string): Promise<ProvisioningJob | undefined>;
  /** The instance's jobs of these kinds (in any status, or in `status`), oldest first. */
  listJobs(instanceArn: string, kinds: readonly JobKind[], status?: JobStatus): Promise<ProvisioningJob[]>;
  /** Unfinished jobs for the permission set (of `kind`, and for `accountId`, when given). */
  listUnfinishedJobs(permissionSetArn: string, kind?: JobKind, accountId?: string): Promise<ProvisioningJob[]>;

  /**
   * Claims up to `limit` of the oldest unfinished jobs that are not leased (or whose lease
   * expired) and that no older unfinished job must precede (same account; same permission set
   * where either is a whole-set job) — so no two claimed jobs touch the same role.
   * PostgreSQL: `FOR UPDATE SKIP LOCKED`; SQLite: inside the immediate write transaction.
   */
  claimJobs(claim: ClaimRequest, limit: number): Promise<(ProvisioningJob & { readonly attempts: number })[]>;
  /** Extends the leases `workerId` still holds; returns how many it holds. */
  renewLeases(requestIds: readonly string[], claim: ClaimRequest): Promise<number>;
  /** Gives the job back (lease cleared, the claim not counted as an attempt) without finishing it. */
  releaseJob(requestId: string, workerId: string): Promise<void>;
  pendingTargets(requestId: string, limit: number): Promise<string[]>;
  listTargets(requestId: string): Promise<JobTarget[]>;
  completeTargets(requestId: string, results: readonly TargetResult[]): Promise<void>;
  finishJob(requestId: string, status: Exclude<JobStatus, 'IN_PROGRESS'>, failureReason: string | undefined, now: number): Promise<void>;

  /** Locks the accounts (in the given, sorted order) until the transaction ends. */
  lockAccounts(accountIds: readonly string[]): Promise<void>;

  getProvisioned(permissionSetArn: string, accountId: string): Promise<ProvisionedPermissionSet | undefined>;
  putProvisioned(value: ProvisionedPermissionSet): Promise<void>;
  deleteProvisioned(permissionSetArn: string, accountId: string): Promise<void>;
  listProvisionedForPermissionSet(permissionSetArn: string): Promise<ProvisionedPermissionSet[]>;
  listProvisionedForAccount(instanceArn: string, accountId: string): Promise<ProvisionedPermissionSet[]>;
}
