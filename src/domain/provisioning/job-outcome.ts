// How a finished job reads: SUCCEEDED when every account succeeded; otherwise FAILED, with a
// reason that names the accounts that failed and why (the first few, the rest counted).

import type { JobStatus, JobTarget } from './provisioning-job.js';

const SHOWN = 5;

export function jobOutcome(targets: readonly JobTarget[]): { status: Exclude<JobStatus, 'IN_PROGRESS'>; failureReason?: string } {
  const failed = targets.filter((t) => t.status === 'FAILED');
  if (failed.length === 0) return { status: 'SUCCEEDED' };
  if (targets.length === 1) return { status: 'FAILED', failureReason: failed[0]!.failureReason ?? 'Provisioning failed.' };
  const shown = failed.slice(0, SHOWN).map((t) => t.failureReason ?? `Account ${t.accountId} failed.`);
  const more = failed.length > SHOWN ? ` (and ${failed.length - SHOWN} more accounts)` : '';
  return {
    status: 'FAILED',
    failureReason: `Provisioning failed in ${failed.length} of ${targets.length} accounts${more}: ${shown.join(' ')}`,
  };
}
