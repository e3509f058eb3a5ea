// The persistence port of portal sessions.

import type { PortalSession, SessionPatch } from './portal-session.js';

export interface SessionRepository {
  insertSession(session: PortalSession): Promise<void>;
  getSession(sessionId: string): Promise<PortalSession | undefined>;
  getSessionByTokenHash(tokenHash: string): Promise<PortalSession | undefined>;
  /** Applies `patch`; with `tokenHash`, also replaces the token (rotation). */
  updateSession(sessionId: string, patch: SessionPatch, tokenHash?: string): Promise<void>;
  /** Adds one wrong user code and returns the new count. */
  addUserCodeFailure(sessionId: string): Promise<number>;
  /** The user's sessions that are not ended, newest first (expired ones included). */
  listUserSessions(userId: string): Promise<PortalSession[]>;
  /** Ends the session if it is not ended; false when there was nothing to end. */
  endSession(sessionId: string, at: number): Promise<boolean>;
  /** Ends every session of the user; returns how many. */
  endUserSessions(userId: string, at: number): Promise<number>;
}
