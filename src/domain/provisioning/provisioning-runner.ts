// Carries out provisioning jobs: claim one (with a lease), then work through its pending
// accounts in batches, each batch one transaction that renews the lease, locks its accounts,
// applies the job there, records each account's result and, after the last, the job's. A
// crash loses at most an uncommitted batch; the lease expires and any node takes the job up
// again where it stood. A batch that fails as a whole is retried one account at a time, so one
// bad account cannot fail its neighbours.

import type { Ports } from '../ports.js';
import type { Repositories } from '../store.js';
import type { Instance } from '../instance/instance-repository.js';
import { isGatehouseError } from '../../lib/errors.js';
import { randomHex } from '../../lib/random.js';
import type { ProvisioningJob, TargetResult } from './provisioning-job.js';
import type { ClaimRequest } from './provisioning-repository.js';
import type { ProvisioningContext } from './provisioning-context.js';
import { applyTarget } from './apply-target.js';
import { jobOutcome } from './job-outcome.js';

export interface RunnerOptions {
  /** The home region: it shapes the path of provisioned roles. */
  readonly homeRegion: string;
  readonly workerId?: string;
  readonly leaseMs?: number;
  readonly batchSize?: number;
  /** A job claimed more often than this (a crash each time) fails instead of blocking its account. */
  readonly maxAttempts?: number;
  readonly onError?: (error: unknown, what: string) => void;
  /** Checked between batches: true gives the job back so another run finishes it. */
  readonly stopping?: () => boolean;
}

type BatchOutcome = 'done' | 'lease-lost';

export class ProvisioningRunner {
  readonly workerId: string;
  private readonly leaseMs: number;
  private readonly batchSize: number;
  private readonly maxAttempts: number;
  private instance: Instance | undefined;

  constructor(private readonly ports: Ports, private readonly options: RunnerOptions) {
    this.workerId = options.workerId ?? `worker-${randomHex(ports.random, 12)}`;
    this.leaseMs = options.leaseMs ?? 10_000;
    this.batchSize = options.batchSize ?? 100;
    this.maxAttempts = options.maxAttempts ?? 5;
  }

  /** Claims one job and carries it out; false when no job was ready. */
  async runOnce(): Promise<boolean> {
    const job = await this.ports.store.transaction((tx) => tx.ssoAdmin.claimJob(this.claim()));
    if (!job) return false;
    if (job.attempts > this.maxAttempts) {
      await this.giveUp(job);
      return true;
    }
    await this.carryOut(job);
    return true;
  }

  /** Runs jobs until none is ready; returns how many were taken up. */
  async runUntilIdle(): Promise<number> {
    let n = 0;
    while (await this.runOnce()) n += 1;
    return n;
  }

  private claim(): ClaimRequest {
    const now = this.ports.clock.now();
    return { workerId: this.workerId, now, leaseUntil: now + this.leaseMs };
  }

  private async carryOut(job: ProvisioningJob): Promise<void> {
    const instance = (this.instance ??= await this.ports.store.instance.get());
    if (!instance) throw new Error('provisioning needs the instance');
    for (;;) {
      if (this.options.stopping?.()) return this.ports.store.ssoAdmin.releaseJob(job.requestId, this.workerId);
      const accounts = await this.ports.store.ssoAdmin.pendingTargets(job.requestId, this.batchSize);
      if (accounts.length === 0) return void (await this.ports.store.transaction((tx) => this.finishIfDone(tx, job)));
      if ((await this.batch(job, instance, accounts)) === 'lease-lost') return;
    }
  }

  private context(tx: Repositories, instance: Instance): ProvisioningContext {
    const { clock, random } = this.ports;
    return { repos: tx, instance, now: clock.now(), random, homeRegion: this.options.homeRegion, permissionSets: new Map() };
  }

  private async batch(job: ProvisioningJob, instance: Instance, accounts: readonly string[]): Promise<BatchOutcome> {
    try {
      return await this.inBatch(job, accounts, async (tx) => {
        const ctx = this.context(tx, instance);
        const results: TargetResult[] = [];
        for (const accountId of accounts) results.push(await applyTarget(ctx, job, accountId));
        return results;
      });
    } catch (e) {
      this.options.onError?.(e, `provisioning batch of ${job.requestId}`);
      for (const accountId of accounts) {
        if ((await this.single(job, instance, accountId)) === 'lease-lost') return 'lease-lost';
      }
      return 'done';
    }
  }

  /** One account in its own transaction, retried a little; a last failure is recorded as such. */
  private async single(job: ProvisioningJob, instance: Instance, accountId: string): Promise<BatchOutcome> {
    let last: unknown;
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        return await this.inBatch(job, [accountId], async (tx) => [await applyTarget(this.context(tx, instance), job, accountId)]);
      } catch (e) {
        last = e;
        this.options.onError?.(e, `provisioning ${job.requestId} in ${accountId}`);
        if (isGatehouseError(e)) break;
      }
    }
    const failureReason = isGatehouseError(last)
      ? `Account ${accountId}: ${last.message}`
      : `An internal error stopped provisioning in account ${accountId}. Provision the permission set again to retry.`;
    return this.inBatch(job, [accountId], async () => [{ accountId, status: 'FAILED', failureReason }]);
  }

  /** A batch transaction: lease renewed (or given up), accounts locked, results recorded. */
  private inBatch(
    job: ProvisioningJob,
    accounts: readonly string[],
    work: (tx: Repositories) => Promise<TargetResult[]>,
  ): Promise<BatchOutcome> {
    return this.ports.store.transaction(async (tx) => {
      if (!(await tx.ssoAdmin.renewLease(job.requestId, this.claim()))) return 'lease-lost';
      await tx.ssoAdmin.lockAccounts([...accounts].sort());
      await tx.ssoAdmin.completeTargets(job.requestId, await work(tx));
      await this.finishIfDone(tx, job);
      return 'done';
    });
  }

  private async finishIfDone(tx: Repositories, job: ProvisioningJob): Promise<void> {
    if ((await tx.ssoAdmin.pendingTargets(job.requestId, 1)).length > 0) return;
    const { status, failureReason } = jobOutcome(await tx.ssoAdmin.listTargets(job.requestId));
    await tx.ssoAdmin.finishJob(job.requestId, status, failureReason, this.ports.clock.now());
  }

  private async giveUp(job: ProvisioningJob): Promise<void> {
    const reason = `Provisioning stopped ${this.maxAttempts} times before it could finish; provision the permission set again to retry.`;
    await this.ports.store.transaction(async (tx) => {
      const pending = await tx.ssoAdmin.pendingTargets(job.requestId, Number.MAX_SAFE_INTEGER);
      await tx.ssoAdmin.completeTargets(job.requestId, pending.map((accountId) => ({ accountId, status: 'FAILED', failureReason: reason })));
      await this.finishIfDone(tx, job);
    });
  }
}
