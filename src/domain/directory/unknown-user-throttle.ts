// Unknown user names get the answers a real user would get, delays and lock included, so a
// series of tries does not tell an attacker which names exist. The state is kept in memory
// (bounded, oldest forgotten first) rather than in the database, which attackers could
// otherwise fill with names; it is per node, which only makes the imitation less exact.

import { afterFailure, failureAnswer, refusal, type AttemptState, type Refusal } from './attempt-policy.js';

const MAX_NAMES = 10_000;

export class UnknownUserThrottle {
  private readonly states = new Map<string, AttemptState>();

  /** A refusal when a real user in this state would be refused without a check. */
  refused(userName: string, now: number): Refusal | undefined {
    const s = this.states.get(userName.toLowerCase());
    return s ? refusal(s, now) : undefined;
  }

  /** Counts a failure (every try of an unknown name fails) and answers as for a real user. */
  fail(userName: string, now: number): { reason: 'invalid' | 'locked'; retryAfterSeconds?: number } {
    const key = userName.toLowerCase();
    const next = afterFailure(this.states.get(key) ?? { failedAttempts: 0 }, now);
    this.states.delete(key);
    if (this.states.size >= MAX_NAMES) this.states.delete(this.states.keys().next().value!);
    this.states.set(key, next);
    return failureAnswer(next, now);
  }
}
