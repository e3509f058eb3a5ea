// What a run of the worker needs everywhere: the ports, who it is, how it batches and leases,
// and the small steps every kind of run shares (the claim, the batch context, finishing a job).

import type { Ports } from '../ports.js';
import type { Repositories } from '../store.js';
import type { Instance } from '../instance/instance-repository.js';
import type { ClaimRequest } from './provisioning-repository.js';
import type { ProvisioningContext } from './provisioning-context.js';
import { jobOutcome } from './job-outcome.js';

export interface RunEnv {
  readonly ports: Ports;
  readonly workerId: string;
  readonly homeRegion: string;
  readonly batchSize: number;
  readonly leaseMs: number;
  readonly onError?: (error: unknown, what: string) => void;
  /** Checked between batches: true gives the job back so another run finishes it. */
  readonly stopping?: () => boolean;
}

export function claimOf(env: RunEnv): ClaimRequest {
  const now = env.ports.clock.now();
  return { workerId: env.workerId, now, leaseUntil: now + env.leaseMs };
}

export function contextOf(env: RunEnv, tx: Repositories, instance: Instance): ProvisioningContext {
  const { clock, random } = env.ports;
  return { repos: tx, instance, now: clock.now(), random, homeRegion: env.homeRegion, permissionSets: new Map() };
}

/** Records the job's outcome once no account is pending; true when it did. */
export async function finishIfDone(env: RunEnv, tx: Repositories, requestId: string): Promise<boolean> {
  if ((await tx.ssoAdmin.pendingTargets(requestId, 1)).length > 0) return false;
  const { status, failureReason } = jobOutcome(await tx.ssoAdmin.listTargets(requestId));
  await tx.ssoAdmin.finishJob(requestId, status, failureReason, env.ports.clock.now());
  return true;
}
