// The role session behind a Principal. Principal (src/domain/principal.ts) has no place for
// session data, so the resolver keeps it alongside: the Principal object that SigV4 verification
// hands to authorization and handlers is the key, and the entry goes when the request does.

import type { Principal } from '../principal.js';
import type { RoleSession } from './role-session.js';

const sessions = new WeakMap<Principal, RoleSession>();

export const attachSession = (principal: Principal, session: RoleSession): void => {
  sessions.set(principal, session);
};

/** The caller's role session, when it signed with temporary credentials we issued. */
export const sessionOf = (principal: Principal): RoleSession | undefined => sessions.get(principal);
