// Describe… and List…Status of the three kinds of request: a job is found only by the
// operations of its own kind. Lists filter by Status and page by request order.

import type { SsoContext } from '../permission-sets/sso-context.js';
import { resourceNotFound, validation } from '../permission-sets/errors.js';
import { paginate, type Page, type PageRequest } from '../permission-sets/page.js';
import type { JobKind, JobStatus, ProvisioningJob } from './provisioning-job.js';

const STATUSES: readonly JobStatus[] = ['IN_PROGRESS', 'SUCCEEDED', 'FAILED'];
const WHAT: Record<JobKind, string> = {
  CREATE_ASSIGNMENT: 'account assignment creation request',
  DELETE_ASSIGNMENT: 'account assignment deletion request',
  PROVISION: 'permission set provisioning request',
};

export async function describeJob(ctx: SsoContext, kind: JobKind, requestId: string): Promise<ProvisioningJob> {
  const job = await ctx.repos.ssoAdmin.getJob(requestId);
  if (!job || job.kind !== kind || job.instanceArn !== ctx.instance.instanceArn) {
    throw resourceNotFound('Request', `The ${WHAT[kind]} ${requestId} does not exist.`);
  }
  return job;
}

export async function listJobs(ctx: SsoContext, kind: JobKind, status: string | undefined, page: PageRequest): Promise<Page<ProvisioningJob>> {
  if (status !== undefined && !STATUSES.includes(status as JobStatus)) throw validation('Filter', 'Status must be IN_PROGRESS, SUCCEEDED or FAILED.');
  const jobs = await ctx.repos.ssoAdmin.listJobs(ctx.instance.instanceArn, [kind], status as JobStatus | undefined);
  // Oldest first: the creation time, then the request id, keeps the order stable across pages.
  const key = (j: ProvisioningJob) => `${String(j.createdAt).padStart(15, '0')}|${j.requestId}`;
  return paginate(jobs, key, `jobs:${kind}:${status ?? ''}`, page);
}
