// Enforces the brute-force limits on a stored user. A try is counted as a failure *before* the
// secret is checked (compare-and-set on the attempt sequence), and cleared on success: tries
// sent in parallel therefore cannot all pass the gate before any failure is written.

import type { Ports } from '../ports.js';
import { afterFailure, CLEAN_STATE, refusal, type AttemptState, type Refusal } from './attempt-policy.js';

export type Claim =
  | { readonly kind: 'refused'; readonly refusal: Refusal }
  /** The try may go ahead; `ifWrong` is the state already written should it fail. */
  | { readonly kind: 'claimed'; readonly ifWrong: AttemptState }
  | { readonly kind: 'no-record' };

/** Compare-and-set rounds before giving up under contention (then the caller is told to wait). */
const ROUNDS = 5;

export class AttemptGate {
  constructor(private readonly ports: Ports) {}

  async claim(userId: string): Promise<Claim> {
    const repo = this.ports.store.directory;
    for (let i = 0; i < ROUNDS; i++) {
      const record = await repo.getCredential(userId);
      if (!record) return { kind: 'no-record' };
      const now = this.ports.clock.now();
      const refused = refusal(record.attempts, now);
      if (refused) return { kind: 'refused', refusal: refused };
      const ifWrong = afterFailure(record.attempts, now);
      if (await repo.compareAndSetAttempts(userId, record.attemptSeq, ifWrong, now)) return { kind: 'claimed', ifWrong };
    }
    // Many tries at once for one user: that is an attack, not a person.
    return { kind: 'refused', refusal: { locked: false, retryAfterSeconds: 1 } };
  }

  /** A correct secret: the count starts again. */
  async succeed(userId: string): Promise<void> {
    const repo = this.ports.store.directory;
    for (let i = 0; i < ROUNDS; i++) {
      const record = await repo.getCredential(userId);
      if (!record || (record.attempts.failedAttempts === 0 && record.attempts.lockedUntil === undefined)) return;
      if (await repo.compareAndSetAttempts(userId, record.attemptSeq, CLEAN_STATE, this.ports.clock.now())) return;
    }
  }

  /** An administrator's unlock: clears the count, the wait and the lock. */
  unlock(userId: string): Promise<void> {
    return this.succeed(userId);
  }
}
