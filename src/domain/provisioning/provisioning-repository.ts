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
   * Claims the oldest unfinished job that is not leased (or whose lease expired) and that no
   * older unfinished job must precede (same account; same permission set for whole-set jobs).
   * PostgreSQL: `FOR UPDATE SKIP LOCKED`; SQLite: inside the immediate write transaction.
   */
  claimJob(claim: ClaimRequest): Promise<(ProvisioningJob & { readonly attempts: number }) | undefined>;
  /** Extends the lease while `workerId` holds it; false when it holds it no longer. */
  renewLease(requestId: string, claim: ClaimRequest): Promise<boolean>;
  /** Gives the job up (lease cleared) without finishing it. */
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
