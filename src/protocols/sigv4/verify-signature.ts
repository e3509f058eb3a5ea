// Checks a parsed signature: time window, caller, payload hash, then the HMAC itself, compared
// in constant time. Scope region and service are checked by the router, which knows the
// endpoint's service (verify-scope.ts).

import { hash, timingSafeEqual } from 'node:crypto';
import { isGatehouseError } from '../../lib/errors.js';
import { formatAmzDate } from './amz-date.js';
import { canonicalRequest, stringToSign } from './canonical-request.js';
import type { SignatureParams } from './parse-signature.js';
import { EXPIRED_TOKEN_REASON, type ResolveCredentials, type ResolvedCaller } from './resolve-credentials.js';
import type { SignableRequest } from './signable-request.js';
import { SIGNATURE_MISMATCH_MESSAGE, SigV4Failure } from './sigv4-failure.js';
import type { SigningKeyCache } from './signing-key-cache.js';

export const MAX_CLOCK_SKEW_MS = 5 * 60 * 1000;
const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';

export interface VerifyContext {
  readonly now: number;
  readonly resolveCredentials: ResolveCredentials;
  readonly keys: SigningKeyCache;
}

export const checkRequestTime = (p: SignatureParams, now: number): void => {
  if (p.time > now + MAX_CLOCK_SKEW_MS) {
    throw new SigV4Failure(
      'signature-mismatch',
      `Signature not yet current: ${p.amzDate} is still later than ${formatAmzDate(now + MAX_CLOCK_SKEW_MS)} (${formatAmzDate(now)} + 5 min.)`,
    );
  }
  if (p.presigned) {
    if (now > p.time + p.expires! * 1000) throw new SigV4Failure('request-expired', 'Request has expired');
    return;
  }
  if (p.time < now - MAX_CLOCK_SKEW_MS) {
    throw new SigV4Failure(
      'signature-mismatch',
      `Signature expired: ${p.amzDate} is now earlier than ${formatAmzDate(now - MAX_CLOCK_SKEW_MS)} (${formatAmzDate(now)} - 5 min.)`,
    );
  }
};

const resolveCaller = async (p: SignatureParams, resolve: ResolveCredentials): Promise<ResolvedCaller> => {
  let caller: ResolvedCaller | undefined;
  try {
    caller = await resolve(p.accessKeyId, p.sessionToken);
  } catch (e) {
    if (!isGatehouseError(e) || e.code !== 'Unauthenticated') throw e;
    if (e.details.reason === EXPIRED_TOKEN_REASON) {
      throw new SigV4Failure('expired-token', 'The security token included in the request is expired');
    }
    throw new SigV4Failure('invalid-token', 'The security token included in the request is invalid.');
  }
  if (caller) return caller;
  const reason = p.sessionToken !== undefined || p.accessKeyId.startsWith('ASIA') ? 'invalid-token' : 'unknown-access-key';
  throw new SigV4Failure(reason, 'The security token included in the request is invalid.');
};

const payloadHash = (p: SignatureParams, body: Buffer): string => {
  const declared = p.contentSha256;
  if (declared === UNSIGNED_PAYLOAD) return declared;
  const actual = hash('sha256', body, 'hex');
  if (declared === undefined || declared === actual) return actual;
  if (!/^[0-9a-f]{64}$/.test(declared)) {
    throw new SigV4Failure('incomplete-signature', `x-amz-content-sha256 must be UNSIGNED-PAYLOAD or a SHA-256 hex digest.`);
  }
  throw new SigV4Failure('signature-mismatch', "The provided 'x-amz-content-sha256' header does not match what was computed.");
};

export const checkScopeDate = (p: SignatureParams): void => {
  if (p.scopeDate !== p.amzDate.slice(0, 8)) {
    throw new SigV4Failure(
      'signature-mismatch',
      `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${p.scopeDate}' != '${p.amzDate.slice(0, 8)}', from '${p.amzDate}'.`,
    );
  }
};

/** Recomputes the signature with the caller's secret and compares in constant time. */
export const checkSignature = (req: SignableRequest, p: SignatureParams, secretAccessKey: string, keys: SigningKeyCache): void => {
  const canonical = canonicalRequest({
    method: req.method,
    path: req.path,
    query: req.query,
    headers: req.headers,
    signedHeaders: p.signedHeaders,
    payloadHash: payloadHash(p, req.body),
    presigned: p.presigned,
  });
  const key = keys.get(secretAccessKey, p.scopeDate, p.region, p.service);
  EXPECTED.write(key.digestBinary(stringToSign(p.amzDate, p.credentialScope, hash('sha256', canonical, 'hex'))), 0, 'binary');
  if (!decodeSignature(p.signature) || !timingSafeEqual(EXPECTED, GIVEN)) throw new SigV4Failure('signature-mismatch', SIGNATURE_MISMATCH_MESSAGE);
};

// Scratch space for the comparison, reused: checkSignature is synchronous, so no two calls share it.
const EXPECTED = Buffer.alloc(32);
const GIVEN = Buffer.alloc(32);

/** A hex digit's value (either case), or -1. */
const hexDigit = (c: number): number => {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  const lower = c | 0x20; // 'A'-'F' and only they fold onto 'a'-'f'
  return lower >= 0x61 && lower <= 0x66 ? lower - 0x57 : -1;
};

/**
 * The given signature's 32 bytes into GIVEN; false unless it is exactly 64 hex digits. In plain
 * JavaScript: Buffer#write's argument handling costs more than the decoding (bench/sigv4.ts).
 * Branches depend only on the caller's own signature, never on the expected one.
 */
const decodeSignature = (signature: string): boolean => {
  if (signature.length !== 64) return false;
  for (let i = 0; i < 32; i++) {
    const high = hexDigit(signature.charCodeAt(2 * i));
    const low = hexDigit(signature.charCodeAt(2 * i + 1));
    if (high < 0 || low < 0) return false;
    GIVEN[i] = (high << 4) | low;
  }
  return true;
};

/** The caller behind a correctly signed request; throws SigV4Failure otherwise. */
export const verifySignature = async (
  req: SignableRequest,
  p: SignatureParams,
  ctx: VerifyContext,
): Promise<ResolvedCaller> => {
  checkScopeDate(p);
  checkRequestTime(p, ctx.now);
  const caller = await resolveCaller(p, ctx.resolveCredentials);
  checkSignature(req, p, caller.secretAccessKey, ctx.keys);
  return caller;
};
