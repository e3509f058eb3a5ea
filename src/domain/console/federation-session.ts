// The `Session` parameter of the federation endpoint's getSigninToken, as AWS defines it: JSON
// with the temporary credentials as `sessionId` (access key id), `sessionKey` (secret access
// key) and `sessionToken`. Every problem names the parameter.

import { invalid } from '../../lib/errors.js';

export interface FederationSession {
  readonly sessionId: string;
  readonly sessionKey: string;
  readonly sessionToken: string;
}

/** Far beyond any real token; bounds the work of parsing what a stranger sends. */
const MAX_LENGTH = 16_384;

export const parseFederationSession = (text: string | undefined): FederationSession => {
  if (text === undefined || text === '') throw invalid('Session', 'The Session parameter is required: JSON with sessionId, sessionKey and sessionToken.');
  if (text.length > MAX_LENGTH) throw invalid('Session', 'The Session parameter is too long.');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw invalid('Session', 'The Session parameter is not valid JSON.');
  }
  const o = (value ?? {}) as Record<string, unknown>;
  for (const key of ['sessionId', 'sessionKey', 'sessionToken'] as const) {
    if (typeof o[key] !== 'string' || o[key] === '') throw invalid('Session', `The Session parameter lacks ${key}.`);
  }
  return { sessionId: o.sessionId as string, sessionKey: o.sessionKey as string, sessionToken: o.sessionToken as string };
};
