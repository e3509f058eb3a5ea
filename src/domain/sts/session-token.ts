// The session token: the RoleSession as JSON, sealed with the key ring (AES-256-GCM) under a
// fixed context, so a token cannot be forged, altered, or passed off as another sealed secret.
// The key ring's key ids let tokens outlive a key rotation.

import type { KeyRing } from '../../lib/key-ring.js';
import type { RoleSession } from './role-session.js';

export const SESSION_TOKEN_CONTEXT = 'sts-session';
const VERSION = 1;

export const sealSession = (keyRing: KeyRing, session: RoleSession): string =>
  keyRing.seal(JSON.stringify({ v: VERSION, ...session }), SESSION_TOKEN_CONTEXT);

const isString = (v: unknown): v is string => typeof v === 'string';

/**
 * base64url has more than one spelling of the same bytes (the unused bits of the last
 * character, a dangling extra character); only the one we write is a token, so that a token
 * differs from another in any character only if it is another token.
 */
const isCanonical = (token: string): boolean => {
  const data = token.split('.')[2] ?? '';
  return Buffer.from(data, 'base64url').toString('base64url') === data;
};

/** The session, or undefined when the token was not sealed by us, was altered, or is malformed. */
export const openSession = (keyRing: KeyRing, token: string): RoleSession | undefined => {
  if (!isCanonical(token)) return undefined;
  let payload: Record<string, unknown>;
  try {
    payload = JSON.parse(keyRing.openString(token, SESSION_TOKEN_CONTEXT)) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  // Authenticated, so these checks guard against our own older formats, not attackers.
  if (payload?.v !== VERSION || payload.kind !== 'role-session') return undefined;
  if (![payload.accessKeyId, payload.secretAccessKey, payload.accountId, payload.assumedRoleArn].every(isString)) return undefined;
  if (typeof payload.issuedAt !== 'number' || typeof payload.expiresAt !== 'number') return undefined;
  const { v: _version, ...session } = payload;
  return session as unknown as RoleSession;
};
