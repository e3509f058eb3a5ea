// One claimed job worked through its pending accounts in batches, each batch one transaction
// that renews the lease, locks its accounts (sorted), applies the job there, records each
// account's result and, after the last, the job's. A batch that fails as a whole is retried
// one account at a time, so one bad account cannot fail its neighbours.

import type { Repositories } from '../store.js';
import type { Instance } from '../instance/instance-repository.js';
import { isGatehouseError } from '../../lib/errors.js';
import type { ProvisioningJob, TargetResult } from './provisioning-job.js';
import { applyTarget } from './apply-target.js';
import { claimOf, contextOf, finishIfDone, type RunEnv } from './run-env.js';

type Outcome = 'more' | 'finished' | 'lease-lost';

/** A batch transaction: lease renewed (or the batch given up), accounts locked, results recorded. */
function inBatch(env: RunEnv, job: ProvisioningJob, accounts: readonly string[], work: (tx: Repositories) => Promise<TargetResult[]>): Promise<Outcome> {
  return env.ports.store.transaction(async (tx) => {
    if ((await tx.ssoAdmin.renewLeases([job.requestId], claimOf(env))) === 0) return 'lease-lost';
    await tx.ssoAdmin.lockAccounts([...accounts].sort());
    await tx.ssoAdmin.completeTargets(job.requestId, await work(tx));
    return (await finishIfDone(env, tx, job.requestId)) ? 'finished' : 'more';
  });
}

/** One account in its own transaction, retried a little; a last failure is recorded as such. */
async function single(env: RunEnv, instance: Instance, job: ProvisioningJob, accountId: string): Promise<Outcome> {
  let last: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await inBatch(env, job, [accountId], async (tx) => [await applyTarget(contextOf(env, tx, instance), job, accountId)]);
    } catch (e) {
      last = e;
      env.onError?.(e, `provisioning ${job.requestId} in ${accountId}`);
      if (isGatehouseError(e)) break;
    }
  }
  const failureReason = isGatehouseError(last)
    ? `Account ${accountId}: ${last.message}`
    : `An internal error stopped provisioning in account ${accountId}. Provision the permission set again to retry.`;
  return inBatch(env, job, [accountId], async () => [{ accountId, status: 'FAILED', failureReason }]);
}

async function batch(env: RunEnv, instance: Instance, job: ProvisioningJob, accounts: readonly string[]): Promise<Outcome> {
  try {
    return await inBatch(env, job, accounts, async (tx) => {
      const ctx = contextOf(env, tx, instance);
      const results: TargetResult[] = [];
      for (const accountId of accounts) results.push(await applyTarget(ctx, job, accountId));
      return results;
    });
  } catch (e) {
    env.onError?.(e, `provisioning batch of ${job.requestId}`);
    let outcome: Outcome = 'more';
    for (const accountId of accounts) {
      outcome = await single(env, instance, job, accountId);
      if (outcome === 'lease-lost') break;
    }
    return outcome;
  }
}

export async function carryOutJob(env: RunEnv, instance: Instance, job: ProvisioningJob): Promise<void> {
  const repo = env.ports.store.ssoAdmin;
  for (;;) {
    if (env.stopping?.()) return repo.releaseJob(job.requestId, env.workerId);
    const accounts = await repo.pendingTargets(job.requestId, env.batchSize);
    if (accounts.length === 0) {
      // Only after a crash between a last batch and its job's outcome; record the outcome now.
      await env.ports.store.transaction((tx) => finishIfDone(env, tx, job.requestId));
      return;
    }
    if ((await batch(env, instance, job, accounts)) !== 'more') return;
  }
}
