// Portal sessions: started anonymous at the first sign-in page, walked through the sign-in steps
// (sign-in-steps.ts), rotated to a new token when the user is signed in, checked on every
// request (ended, expired, or the user disabled since: refused at once, on every node, because
// each check reads the database), and ended by sign-out or by an administrator.

import type { Ports } from '../ports.js';
import { GatehouseError } from '../../lib/errors.js';
import type { DirectoryCredentials } from '../directory/directory-credentials.js';
import { isLive, type PortalSession, type SessionPatch } from './portal-session.js';
import type { SessionRepository } from './session-repository.js';
import { hashToken, newBearerToken } from './bearer-token.js';
import { SIGN_IN_WINDOW_MS, sessionSeconds, type SessionDurationSetting } from './session-duration.js';

/** A session with the token the browser holds (never stored). */
export interface HeldSession {
  readonly session: PortalSession;
  readonly token: string;
}

export type DirectoryLookup = () => (DirectoryCredentials & SessionDurationSetting) | undefined;

export class SessionService {
  constructor(
    private readonly ports: Ports,
    private readonly directoryLookup: DirectoryLookup,
  ) {}

  get repo(): SessionRepository {
    return this.ports.store.sessions;
  }

  directory(): DirectoryCredentials & SessionDurationSetting {
    const d = this.directoryLookup();
    if (!d) throw new GatehouseError('InvalidState', 'Directory credentials are not configured.');
    return d;
  }

  now(): number {
    return this.ports.clock.now();
  }

  /** A new anonymous session at the start of sign-in. */
  async start(): Promise<HeldSession> {
    const token = newBearerToken(this.ports.random);
    const now = this.now();
    const session: PortalSession = {
      sessionId: this.ports.random.uuid(),
      tokenHash: hashToken(token),
      stage: 'identify',
      userCodeFailures: 0,
      createdAt: now,
      expiresAt: now + SIGN_IN_WINDOW_MS,
    };
    await this.repo.insertSession(session);
    return { session, token };
  }

  /** The live session behind a cookie token; a signed-in user who was disabled since is signed out. */
  async resolve(token: string | undefined): Promise<HeldSession | undefined> {
    if (!token || token.length > 200) return undefined;
    const session = await this.repo.getSessionByTokenHash(hashToken(token));
    if (!session || !isLive(session, this.now())) return undefined;
    if (session.userId !== undefined && !(await this.directory().isActive(session.userId))) {
      await this.repo.endSession(session.sessionId, this.now());
      return undefined;
    }
    return { session, token };
  }

  /** Whether the session still stands for its user: the check behind every token it issued. */
  async isSignedIn(sessionId: string): Promise<PortalSession | undefined> {
    const session = await this.repo.getSession(sessionId);
    return session && (await this.stillSignedIn(session)) ? session : undefined;
  }

  /**
   * The same check for a session already read; `userActive`, when given, is isActive's answer
   * read along with it (the portal API reads token, session and user state in one query).
   */
  async stillSignedIn(session: PortalSession, userActive?: boolean): Promise<boolean> {
    if (session.stage !== 'active' || !isLive(session, this.now()) || session.userId === undefined) return false;
    if (!(userActive ?? (await this.directory().isActive(session.userId)))) {
      await this.repo.endSession(session.sessionId, this.now());
      return false;
    }
    return true;
  }

  /** True when the session was ended or its user disabled (not merely run out). */
  async wasEnded(sessionId: string): Promise<boolean> {
    const session = await this.repo.getSession(sessionId);
    if (!session || session.endedAt !== undefined) return true;
    return session.userId !== undefined && !(await this.directory().isActive(session.userId));
  }

  async update(held: HeldSession, patch: SessionPatch): Promise<HeldSession> {
    await this.repo.updateSession(held.session.sessionId, patch);
    return { token: held.token, session: { ...held.session, ...patch } };
  }

  /** Signs the user in: a new token (the one used before sign-in dies) and the full duration. */
  async activate(held: HeldSession): Promise<HeldSession> {
    const token = newBearerToken(this.ports.random);
    const now = this.now();
    const patch: SessionPatch = {
      stage: 'active',
      mfaEnrollmentId: undefined,
      mustChangePassword: false,
      authenticatedAt: now,
      expiresAt: now + (await sessionSeconds(this.directory())) * 1000,
    };
    const tokenHash = hashToken(token);
    await this.repo.updateSession(held.session.sessionId, patch, tokenHash);
    return { token, session: { ...held.session, ...patch, tokenHash } };
  }

  /** Counts one wrong device user code; returns how many this session has entered. */
  addUserCodeFailure(sessionId: string): Promise<number> {
    return this.repo.addUserCodeFailure(sessionId);
  }

  // Administration (the directory's admin API may expose these).

  /** The user's sessions that have not been ended, newest first. */
  async listUserSessions(userId: string): Promise<PortalSession[]> {
    const now = this.now();
    return (await this.repo.listUserSessions(userId)).filter((s) => isLive(s, now));
  }

  /** Ends one session, and with it every token and role session issued through it. */
  endSession(sessionId: string): Promise<boolean> {
    return this.repo.endSession(sessionId, this.now());
  }

  endUserSessions(userId: string): Promise<number> {
    return this.repo.endUserSessions(userId, this.now());
  }
}
