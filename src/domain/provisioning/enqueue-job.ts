// A new job, written (with one target per account) in the caller's transaction: committed with
// the request it serves, before the call returns. A job with no account to serve is finished
// at once.

import type { SsoContext } from '../permission-sets/sso-context.js';
import type { JobKind, ProvisioningJob, ProvisionTargetType } from './provisioning-job.js';

export interface JobRequest {
  readonly kind: JobKind;
  readonly permissionSetArn: string;
  readonly principalType?: 'USER' | 'GROUP';
  readonly principalId?: string;
  readonly targetType: ProvisionTargetType;
  readonly targetId?: string;
}

export async function enqueueJob(ctx: SsoContext, request: JobRequest, accountIds: readonly string[]): Promise<ProvisioningJob> {
  const job: ProvisioningJob = {
    requestId: ctx.random.uuid(),
    instanceArn: ctx.instance.instanceArn,
    status: accountIds.length === 0 ? 'SUCCEEDED' : 'IN_PROGRESS',
    createdAt: ctx.now,
    ...request,
  };
  await ctx.repos.ssoAdmin.insertJob(job, accountIds);
  return job;
}
