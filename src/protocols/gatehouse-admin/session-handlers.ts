// Administrators list a user's access portal sessions and end them; ending a session also ends
// the tokens and role credentials issued through it.

import type { ServiceHandlers } from '../operation.js';
import { notFound } from '../../lib/errors.js';
import { userOf } from './handlers.js';

export const SESSION_ADMIN_HANDLERS: ServiceHandlers = {
  async ListUserSessions(input, { services: { directory, sessions } }) {
    const user = await userOf(directory, input);
    const live = await sessions.listUserSessions(user.userId);
    return {
      UserId: user.userId,
      Sessions: live.map((s) => ({
        SessionId: s.sessionId,
        CreatedAt: new Date(s.createdAt),
        ...(s.authenticatedAt !== undefined ? { AuthenticatedAt: new Date(s.authenticatedAt) } : {}),
        ExpiresAt: new Date(s.expiresAt),
      })),
    };
  },
  async EndUserSessions(input, { services: { directory, sessions } }) {
    const user = await userOf(directory, input);
    if (input.SessionId === undefined) return { UserId: user.userId, EndedSessions: await sessions.endUserSessions(user.userId) };
    const owned = (await sessions.listUserSessions(user.userId)).some((s) => s.sessionId === input.SessionId);
    if (!owned) throw notFound('Session', `The user has no live session ${input.SessionId}.`, { field: 'SessionId' });
    await sessions.endSession(input.SessionId);
    return { UserId: user.userId, EndedSessions: 1 };
  },
  async RevokeRoleSessions(input, { services: { sts, ports } }) {
    const at = ports.clock.now();
    await sts.revokeRoleSessions(input.AccountId, input.RoleName, at);
    return { RevokedBefore: new Date(at) };
  },
};
