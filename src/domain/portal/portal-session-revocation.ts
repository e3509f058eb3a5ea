// Beyond AWS: role credentials issued through the portal die with the portal session that got
// them. Ending the session (sign-out, an administrator) or disabling the user refuses them from
// the next request on, on every node: each request with such credentials reads the session.
// A session that merely ran out does not end its role sessions, which last their own duration.

import type { SessionService } from '../sessions/session-service.js';
import type { RoleSession } from '../sts/role-session.js';

export async function isRoleSessionRevoked(sessions: SessionService, session: RoleSession): Promise<boolean> {
  const id = session.portalSessionId;
  if (typeof id !== 'string') return false;
  return sessions.wasEnded(id);
}
