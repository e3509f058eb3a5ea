// Brute-force limits, as pure functions of a user's attempt state and the time. Failures count
// per user whatever the source address (a botnet gains nothing by spreading its tries):
// the first FREE_FAILURES cost nothing, each further one makes the next try wait twice as long
// (capped), and LOCK_AFTER consecutive failures lock the user for LOCK_MS. Success resets.

export const FREE_FAILURES = 5;
export const LOCK_AFTER = 30;
export const LOCK_MS = 15 * 60 * 1000;
/** The longest wait between tries before the lock (5 minutes). */
export const MAX_DELAY_SECONDS = 300;

export interface AttemptState {
  readonly failedAttempts: number;
  /** Tries before this time (epoch ms) are refused unchecked. */
  readonly retryAt?: number;
  /** Tries before this time are refused unchecked; the count restarts after it. */
  readonly lockedUntil?: number;
}

export const CLEAN_STATE: AttemptState = { failedAttempts: 0 };

export interface Refusal {
  readonly locked: boolean;
  readonly retryAfterSeconds: number;
}

const secondsUntil = (t: number, now: number) => Math.max(1, Math.ceil((t - now) / 1000));

/** Whether a try must be refused now without looking at the password, and for how long. */
export const refusal = (s: AttemptState, now: number): Refusal | undefined => {
  if (s.lockedUntil !== undefined && s.lockedUntil > now) return { locked: true, retryAfterSeconds: secondsUntil(s.lockedUntil, now) };
  if (s.retryAt !== undefined && s.retryAt > now) return { locked: false, retryAfterSeconds: secondsUntil(s.retryAt, now) };
  return undefined;
};

/** The wait after the `n`th consecutive failure: 1 s after the 5th, doubling, capped. */
export const delaySeconds = (n: number): number =>
  n < FREE_FAILURES ? 0 : Math.min(2 ** (n - FREE_FAILURES), MAX_DELAY_SECONDS);

/** The state after one more failure at `now`. */
export const afterFailure = (s: AttemptState, now: number): AttemptState => {
  // A lock that has run out starts the count again, so the user has their free tries back.
  const previous = s.lockedUntil !== undefined && s.lockedUntil <= now ? 0 : s.failedAttempts;
  const n = previous + 1;
  if (n >= LOCK_AFTER) return { failedAttempts: n, lockedUntil: now + LOCK_MS };
  const delay = delaySeconds(n);
  return delay > 0 ? { failedAttempts: n, retryAt: now + delay * 1000 } : { failedAttempts: n };
};

/** What a failed try answers, given the state it left behind. */
export const failureAnswer = (s: AttemptState, now: number): { reason: 'invalid' | 'locked'; retryAfterSeconds?: number } => {
  const r = refusal(s, now);
  if (!r) return { reason: 'invalid' };
  return { reason: r.locked ? 'locked' : 'invalid', retryAfterSeconds: r.retryAfterSeconds };
};
