// What an administrator (and the sign-in work) can learn about a user's sign-in state.

export interface SignInStatus {
  readonly userId: string;
  readonly userName: string;
  readonly disabled: boolean;
  readonly disabledAt?: number;
  readonly hasPassword: boolean;
  readonly mustChangePassword: boolean;
  readonly passwordChangedAt?: number;
  /** Consecutive failures of password or MFA code. */
  readonly failedAttempts: number;
  /** While in the future: tries are refused until then (epoch ms). */
  readonly retryAt?: number;
  /** While in the future: the user is locked until then (epoch ms). */
  readonly lockedUntil?: number;
  readonly mfaDeviceCount: number;
  /**
   * Bumped by every password set or change, disable and enable: a session that recorded an
   * older value was issued before the change and should end.
   */
  readonly statusVersion: number;
}
