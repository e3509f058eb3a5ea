// How long ended and expired sign-in material is kept before a sweep deletes it. The grace keeps
// a recently ended session visible to an administrator and the clearer "expired" answers for a
// while; a missing row answers like an ended one afterwards.

import { MAX_SESSION_SECONDS as MAX_ROLE_SESSION_SECONDS } from '../permission-sets/permission-set-rules.js';
import type { PurgeKind } from './retention-repository.js';

export const DEFAULT_RETENTION_GRACE_MS = 24 * 3600 * 1000;

/**
 * Role credentials the portal issued last up to 12 hours and are refused once their portal
 * session is gone (portal-session-revocation.ts reads a missing session as ended). A session
 * that merely ran out must not take them early, so sessions are kept at least that long.
 */
export const MIN_SESSION_RETENTION_MS = MAX_ROLE_SESSION_SECONDS * 1000;

export type RetentionCutoffs = Readonly<Record<PurgeKind, number>>;

export const retentionCutoffs = (now: number, graceMs: number = DEFAULT_RETENTION_GRACE_MS): RetentionCutoffs => {
  const before = now - graceMs;
  return {
    sessions: now - Math.max(graceMs, MIN_SESSION_RETENTION_MS),
    deviceAuthorizations: before,
    authorizationCodes: before,
    tokens: before,
    tokenFamilies: before,
    clients: before,
  };
};
