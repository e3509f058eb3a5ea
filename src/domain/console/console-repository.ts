// Console sign-ins as the database keeps them: one row per sign-in token redeemed, keyed by the
// SHA-256 of the token's id. Inserting the row is what makes a sign-in token single-use (a
// second insert conflicts on any node), and its end time is what signing out of the console sets.

export interface ConsoleSignin {
  /** SHA-256 hex of the sign-in token's random id. */
  readonly id: string;
  readonly createdAt: number;
  /** When the role session behind it expires (epoch ms): the row is useless after. */
  readonly expiresAt: number;
  readonly endedAt?: number;
}

export interface ConsoleRepository {
  /** Records a redeemed sign-in token; false when it was redeemed before. */
  claimSignin(signin: ConsoleSignin): Promise<boolean>;
  getSignin(id: string): Promise<ConsoleSignin | undefined>;
  /** Ends a console session (sign-out); a no-op when it already ended. */
  endSignin(id: string, at: number): Promise<void>;
  /** Forgets sign-ins whose role session expired before `before`; returns how many. */
  deleteExpired(before: number): Promise<number>;
}
