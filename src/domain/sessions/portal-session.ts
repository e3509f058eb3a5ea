// A portal session: a browser's sign-in, from the first page to sign-out. It exists before the
// user is known (so every form, even the first, carries a session-bound CSRF token) and moves
// through the sign-in steps; only an `active` session stands for the user.

export type SignInStage = 'identify' | 'password' | 'mfa' | 'mfa-setup' | 'change-password' | 'active';

export interface PortalSession {
  /** UUID: what administrators see and end. Never a credential. */
  readonly sessionId: string;
  /** SHA-256 of the cookie's token: the token itself is never stored. */
  readonly tokenHash: string;
  readonly stage: SignInStage;
  readonly userId?: string;
  readonly userName?: string;
  /** The TOTP enrollment under way (stage `mfa-setup`). */
  readonly mfaEnrollmentId?: string;
  /** The password was a one-time password: a new one is due before `active`. */
  readonly mustChangePassword?: boolean;
  /** Wrong device user codes entered in this session (RFC 8628 §5.1: bound the guesses). */
  readonly userCodeFailures: number;
  readonly createdAt: number;
  /** When the sign-in completed (stage `active`). */
  readonly authenticatedAt?: number;
  /** Epoch ms: a short sign-in window before `active`, the instance's session duration after. */
  readonly expiresAt: number;
  /** Set when the session was signed out or ended by an administrator. */
  readonly endedAt?: number;
}

/** The fields a sign-in step may change. */
export type SessionPatch = Partial<Pick<PortalSession, 'stage' | 'userId' | 'userName' | 'mfaEnrollmentId' | 'mustChangePassword' | 'authenticatedAt' | 'expiresAt'>>;

export const isLive = (s: PortalSession, now: number): boolean => s.endedAt === undefined && now < s.expiresAt;
