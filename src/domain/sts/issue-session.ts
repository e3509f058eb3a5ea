// Mints the credentials of a new role session: an `ASIA…` key id, a 40-character secret, and
// the session sealed into its token.

import type { KeyRing } from '../../lib/key-ring.js';
import type { Random } from '../../lib/random.js';
import { newSecretAccessKey, newTemporaryAccessKeyId } from '../../lib/ids.js';
import type { RoleSession } from './role-session.js';
import { sealSession } from './session-token.js';

export type SessionDraft = Omit<RoleSession, 'kind' | 'accessKeyId' | 'secretAccessKey'>;

export interface IssuedSession {
  readonly session: RoleSession;
  readonly sessionToken: string;
}

export const issueSession = (ports: { readonly random: Random; readonly keyRing: KeyRing }, draft: SessionDraft): IssuedSession => {
  const session: RoleSession = {
    kind: 'role-session',
    accessKeyId: newTemporaryAccessKeyId(ports.random),
    secretAccessKey: newSecretAccessKey(ports.random),
    ...draft,
  };
  return { session, sessionToken: sealSession(ports.keyRing, session) };
};
