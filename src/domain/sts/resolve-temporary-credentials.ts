// SigV4's credential lookup for `ASIA…` key ids: the session comes out of its sealed token, so
// no database read. The answers follow src/protocols/sigv4/resolve-credentials.ts: undefined for
// a missing, altered or mismatched token (the SigV4 layer answers InvalidClientTokenId /
// UnrecognizedClientException), and an 'Unauthenticated' error with reason 'ExpiredToken' for an
// expired one (ExpiredToken / ExpiredTokenException).

import { GatehouseError } from '../../lib/errors.js';
import type { Clock } from '../../lib/clock.js';
import type { KeyRing } from '../../lib/key-ring.js';
import type { Principal } from '../principal.js';
import { sessionUserId, type RoleSession } from './role-session.js';
import { openSession } from './session-token.js';
import { attachSession } from './session-of-principal.js';

export interface ResolvedSession {
  readonly principal: Principal;
  readonly secretAccessKey: string;
  readonly session: RoleSession;
}

/** Same spelling as the SigV4 layer's EXPIRED_TOKEN_REASON (the domain cannot import it). */
export const EXPIRED_TOKEN = 'ExpiredToken';

export const expiredToken = () =>
  new GatehouseError('Unauthenticated', 'The security token included in the request is expired', {
    resource: 'Token',
    reason: EXPIRED_TOKEN,
  });

export const sessionPrincipal = (s: RoleSession): Principal => ({
  kind: 'assumed-role',
  arn: s.assumedRoleArn,
  accountId: s.accountId,
  userId: sessionUserId(s),
  accessKeyId: s.accessKeyId,
  name: s.roleName,
});

export const resolveTemporaryCredentials = async (
  deps: { readonly keyRing: KeyRing; readonly clock: Clock },
  accessKeyId: string,
  sessionToken: string | undefined,
): Promise<ResolvedSession | undefined> => {
  if (sessionToken === undefined || sessionToken === '') return undefined;
  const session = openSession(deps.keyRing, sessionToken);
  // A token is bound to its access key id: a valid token under another key id is refused.
  if (!session || session.accessKeyId !== accessKeyId) return undefined;
  if (deps.clock.now() >= session.expiresAt) throw expiredToken();
  const principal = sessionPrincipal(session);
  attachSession(principal, session);
  return { principal, secretAccessKey: session.secretAccessKey, session };
};
