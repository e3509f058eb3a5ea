// SigV4 for one request against one service: shape, scope, then signature and caller.

import type { Clock } from '../../lib/clock.js';
import { parseSignature, type SignatureParams } from '../sigv4/parse-signature.js';
import type { ResolveCredentials, ResolvedCaller } from '../sigv4/resolve-credentials.js';
import type { SignableRequest } from '../sigv4/signable-request.js';
import type { SigningKeyCache } from '../sigv4/signing-key-cache.js';
import { verifyScope } from '../sigv4/verify-scope.js';
import { verifySignature } from '../sigv4/verify-signature.js';

export interface Authenticator {
  readonly region: string;
  readonly clock: Clock;
  readonly resolveCredentials: ResolveCredentials;
  readonly keys: SigningKeyCache;
}

export interface Authenticated {
  readonly caller: ResolvedCaller;
  readonly signature: SignatureParams;
}

export const authenticate = async (
  auth: Authenticator,
  req: SignableRequest,
  signingName: string,
  parsed: SignatureParams = parseSignature(req),
): Promise<Authenticated> => {
  verifyScope(parsed, signingName, auth.region);
  const caller = await verifySignature(req, parsed, {
    now: auth.clock.now(),
    resolveCredentials: auth.resolveCredentials,
    keys: auth.keys,
  });
  return { caller, signature: parsed };
};
