// The sso-admin repository over Kysely: one code path for SQLite and PostgreSQL. Takes the
// application's database or a transaction; touches only sso-admin's own tables.

import type { Kysely } from 'kysely';
import type { SsoAdminRepository } from '../../domain/permission-sets/sso-admin-repository.js';
import type { PermissionSet } from '../../domain/permission-sets/permission-set.js';
import type { AccessControlAttributeConfiguration } from '../../domain/permission-sets/access-control-attributes.js';
import type { AccountAssignment, AssignmentKey, PrincipalRef } from '../../domain/assignments/account-assignment.js';
import type { ClaimRequest } from '../../domain/provisioning/provisioning-repository.js';
import type { JobKind, JobStatus, ProvisionedPermissionSet, ProvisioningJob, TargetResult } from '../../domain/provisioning/provisioning-job.js';
import type { SsoAdminTables } from './tables.js';
import * as ps from './permission-set-queries.js';
import * as assignments from './assignment-queries.js';
import * as jobs from './job-queries.js';
import * as provisioned from './provisioned-queries.js';

export class KyselySsoAdminRepository implements SsoAdminRepository {
  private readonly db: Kysely<SsoAdminTables>;

  constructor(db: Kysely<any>) {
    this.db = db as Kysely<SsoAdminTables>;
  }

  insertPermissionSet = (p: PermissionSet) => ps.insertPermissionSet(this.db, p);
  getPermissionSet = (arn: string, options: { forUpdate?: boolean } = {}) => ps.getPermissionSet(this.db, arn, options.forUpdate);
  listPermissionSets = (instanceArn: string) => ps.listPermissionSets(this.db, instanceArn);
  countPermissionSets = (instanceArn: string) => ps.countPermissionSets(this.db, instanceArn);
  updatePermissionSet = (p: PermissionSet) => ps.updatePermissionSet(this.db, p);
  deletePermissionSet = (arn: string) => ps.deletePermissionSet(this.db, arn);
  getAccessControlAttributes = (instanceArn: string) => ps.getAccessControlAttributes(this.db, instanceArn);
  putAccessControlAttributes = (c: AccessControlAttributeConfiguration) => ps.putAccessControlAttributes(this.db, c);
  deleteAccessControlAttributes = (instanceArn: string) => ps.deleteAccessControlAttributes(this.db, instanceArn);

  insertAssignment = (a: AccountAssignment) => assignments.insertAssignment(this.db, a);
  deleteAssignment = (k: AssignmentKey) => assignments.deleteAssignment(this.db, k);
  getAssignment = (k: AssignmentKey) => assignments.getAssignment(this.db, k);
  listAssignmentsForAccount = (arn: string, accountId: string) => assignments.listAssignmentsForAccount(this.db, arn, accountId);
  listAssignmentsForPrincipals = (instanceArn: string, principals: readonly PrincipalRef[]) =>
    assignments.listAssignmentsForPrincipals(this.db, instanceArn, principals);
  permissionSetHasAssignments = (arn: string) => assignments.permissionSetHasAssignments(this.db, arn);

  insertJob = (job: ProvisioningJob, accountIds: readonly string[]) => jobs.insertJob(this.db, job, accountIds);
  getJob = (requestId: string) => jobs.getJob(this.db, requestId);
  listJobs = (instanceArn: string, kinds: readonly JobKind[], status?: JobStatus) => jobs.listJobs(this.db, instanceArn, kinds, status);
  listUnfinishedJobs = (arn: string, kind?: JobKind, accountId?: string) => jobs.listUnfinishedJobs(this.db, arn, kind, accountId);
  claimJobs = (c: ClaimRequest, limit: number) => jobs.claimJobs(this.db, c, limit);
  renewLeases = (requestIds: readonly string[], c: ClaimRequest) => jobs.renewLeases(this.db, requestIds, c);
  releaseJob = (requestId: string, workerId: string) => jobs.releaseJob(this.db, requestId, workerId);
  pendingTargets = (requestId: string, limit: number) => jobs.pendingTargets(this.db, requestId, limit);
  listTargets = (requestId: string) => jobs.listTargets(this.db, requestId);
  completeTargets = (requestId: string, results: readonly TargetResult[]) => jobs.completeTargets(this.db, requestId, results);
  finishJob = (requestId: string, status: Exclude<JobStatus, 'IN_PROGRESS'>, reason: string | undefined, now: number) =>
    jobs.finishJob(this.db, requestId, status, reason, now);
  lockAccounts = (accountIds: readonly string[]) => jobs.lockAccounts(this.db, accountIds);

  getProvisioned = (arn: string, accountId: string) => provisioned.getProvisioned(this.db, arn, accountId);
  putProvisioned = (p: ProvisionedPermissionSet) => provisioned.putProvisioned(this.db, p);
  deleteProvisioned = (arn: string, accountId: string) => provisioned.deleteProvisioned(this.db, arn, accountId);
  listProvisionedForPermissionSet = (arn: string) => provisioned.listProvisionedForPermissionSet(this.db, arn);
  listProvisionedForAccount = (instanceArn: string, accountId: string) => provisioned.listProvisionedForAccount(this.db, instanceArn, accountId);
}
