// The background worker that carries out provisioning jobs on this node: it takes a job at once
// when a request in this process has queued one, and otherwise polls, so jobs queued by other
// nodes (or left by a node that died, once their lease expires) are found too. Stopping lets
// the batch in hand commit and gives the job back.

import type { Services } from '../domain/services.js';
import { ProvisioningRunner } from '../domain/provisioning/provisioning-runner.js';

export interface ProvisioningWorkerOptions {
  /** The home region (role paths outside us-east-1 carry it). */
  readonly region: string;
  /** How often to look for jobs queued elsewhere; 1 s by default. */
  readonly pollMs?: number;
  /** How long a claim holds without renewal; 10 s by default. */
  readonly leaseMs?: number;
  /** Accounts per batch transaction; 100 by default. */
  readonly batchSize?: number;
  readonly logger?: { error(obj: unknown, msg?: string): void };
}

export class ProvisioningWorker {
  private readonly runner: ProvisioningRunner;
  private readonly pollMs: number;
  private running = false;
  private loop: Promise<void> | undefined;
  private woken = false;
  private wakeUp: (() => void) | undefined;
  private unsubscribe: (() => void) | undefined;

  constructor(private readonly services: Services, private readonly options: ProvisioningWorkerOptions) {
    this.pollMs = options.pollMs ?? 1000;
    this.runner = new ProvisioningRunner(services.ports, {
      homeRegion: options.region,
      leaseMs: options.leaseMs ?? 10_000,
      batchSize: options.batchSize ?? 100,
      onError: (error, what) => options.logger?.error({ err: error }, what),
      stopping: () => !this.running,
    });
  }

  get workerId(): string {
    return this.runner.workerId;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.unsubscribe = this.services.ssoAdmin.onJobQueued(() => this.wake());
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.unsubscribe?.();
    this.wake();
    await this.loop;
  }

  private wake(): void {
    this.woken = true;
    this.wakeUp?.();
  }

  private async run(): Promise<void> {
    while (this.running) {
      let worked = false;
      try {
        worked = await this.runner.runOnce();
      } catch (error) {
        this.options.logger?.error({ err: error }, 'provisioning worker');
      }
      if (!worked && this.running) await this.pause();
    }
  }

  /** Until the poll interval passes or a job is queued here (one queued meanwhile counts). */
  private pause(): Promise<void> {
    if (this.woken) {
      this.woken = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakeUp = undefined;
        this.woken = false;
        resolve();
      };
      const timer = setTimeout(done, this.pollMs);
      this.wakeUp = done;
    });
  }
}
