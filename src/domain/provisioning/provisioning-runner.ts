// Carries out provisioning jobs. It claims up to a batch of ready jobs at once, each with a
// lease. Single-account jobs (assignments, provisioning to one account) are applied together,
// one transaction for the lot; a whole-permission-set job is worked through in batches of its
// accounts (job-batches.ts). A crash loses at most an uncommitted transaction; the leases
// expire and any node takes the jobs up again where they stood.

import type { Ports } from '../ports.js';
import type { Instance } from '../instance/instance-repository.js';
import { randomHex } from '../../lib/random.js';
import type { ProvisioningJob } from './provisioning-job.js';
import { applyTarget } from './apply-target.js';
import { carryOutJob } from './job-batches.js';
import { claimOf, contextOf, finishIfDone, type RunEnv } from './run-env.js';

export interface RunnerOptions {
  /** The home region: it shapes the path of provisioned roles. */
  readonly homeRegion: string;
  readonly workerId?: string;
  readonly leaseMs?: number;
  readonly batchSize?: number;
  /** A job claimed more often than this (a crash each time) fails instead of blocking its account. */
  readonly maxAttempts?: number;
  readonly onError?: (error: unknown, what: string) => void;
  readonly stopping?: () => boolean;
}

export class ProvisioningRunner {
  readonly workerId: string;
  private readonly env: RunEnv;
  private readonly maxAttempts: number;
  private instance: Instance | undefined;

  constructor(private readonly ports: Ports, options: RunnerOptions) {
    this.workerId = options.workerId ?? `worker-${randomHex(ports.random, 12)}`;
    this.maxAttempts = options.maxAttempts ?? 5;
    this.env = {
      ports,
      workerId: this.workerId,
      homeRegion: options.homeRegion,
      batchSize: options.batchSize ?? 100,
      leaseMs: options.leaseMs ?? 10_000,
      ...(options.onError ? { onError: options.onError } : {}),
      ...(options.stopping ? { stopping: options.stopping } : {}),
    };
  }

  /** Claims ready jobs and carries them out; false when none was ready. */
  async runOnce(): Promise<boolean> {
    const claim = claimOf(this.env);
    const jobs = await this.ports.store.transaction((tx) => tx.ssoAdmin.claimJobs(claim, this.env.batchSize));
    if (jobs.length === 0) return false;
    const instance = (this.instance ??= await this.ports.store.instance.get());
    if (!instance) throw new Error('provisioning needs the instance');
    for (const job of jobs.filter((j) => j.attempts > this.maxAttempts)) await this.giveUp(job);
    const live = jobs.filter((j) => j.attempts <= this.maxAttempts);
    const singles = live.filter((j) => j.targetType === 'AWS_ACCOUNT');
    const wholes = live.filter((j) => j.targetType !== 'AWS_ACCOUNT');
    if (singles.length > 0) await this.carryOutSingles(instance, singles);
    // One whole-permission-set job per run: the others go back rather than wait on a stale lease.
    if (wholes.length > 0) await carryOutJob(this.env, instance, wholes[0]!);
    for (const job of wholes.slice(1)) await this.ports.store.ssoAdmin.releaseJob(job.requestId, this.workerId);
    return true;
  }

  /** Runs jobs until none is ready; returns how many runs took some up. */
  async runUntilIdle(): Promise<number> {
    let n = 0;
    while (await this.runOnce()) n += 1;
    return n;
  }

  /** Ready single-account jobs never share an account: all of them in one transaction. */
  private async carryOutSingles(instance: Instance, jobs: readonly ProvisioningJob[]): Promise<void> {
    try {
      const held = await this.ports.store.transaction(async (tx) => {
        if ((await tx.ssoAdmin.renewLeases(jobs.map((j) => j.requestId), claimOf(this.env))) !== jobs.length) return false;
        await tx.ssoAdmin.lockAccounts(jobs.map((j) => j.targetId!).sort());
        const ctx = contextOf(this.env, tx, instance);
        for (const job of jobs) {
          const result = await applyTarget(ctx, job, job.targetId!);
          await tx.ssoAdmin.completeTargets(job.requestId, [result]);
          await tx.ssoAdmin.finishJob(job.requestId, result.status, result.status === 'FAILED' ? result.failureReason : undefined, ctx.now);
        }
        return true;
      });
      if (held) return;
    } catch (e) {
      this.env.onError?.(e, `provisioning ${jobs.length} single-account jobs together`);
    }
    // A lease lost or a failure among them: each on its own, so one cannot fail the others.
    for (const job of jobs) await carryOutJob(this.env, instance, job);
  }

  private async giveUp(job: ProvisioningJob): Promise<void> {
    const failureReason = `Provisioning stopped ${this.maxAttempts} times before it could finish; provision the permission set again to retry.`;
    await this.ports.store.transaction(async (tx) => {
      const pending = await tx.ssoAdmin.pendingTargets(job.requestId, Number.MAX_SAFE_INTEGER);
      await tx.ssoAdmin.completeTargets(job.requestId, pending.map((accountId) => ({ accountId, status: 'FAILED', failureReason })));
      await finishIfDone(this.env, tx, job.requestId);
    });
  }
}
