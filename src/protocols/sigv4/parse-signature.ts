// Reads the signature information from a request: the Authorization header, or the presigned
// query parameters. Only the shape is checked here; verify-signature.ts checks the meaning.

import { formatAmzDate, parseAmzDate, parseHttpDate } from './amz-date.js';
import { BoundedMemo } from './bounded-memo.js';
import { SigV4Failure } from './sigv4-failure.js';
import type { SignableRequest } from './signable-request.js';
import { signingHeaders, type SigningHeaders } from './signing-headers.js';
import { uriDecode } from './uri-encode.js';

export interface SignatureParams {
  readonly presigned: boolean;
  readonly accessKeyId: string;
  /** Credential scope parts. */
  readonly scopeDate: string;
  readonly region: string;
  readonly service: string;
  /** `scopeDate/region/service/aws4_request`, as it goes into the string to sign. */
  readonly credentialScope: string;
  readonly signedHeaders: readonly string[];
  readonly signature: string;
  /** The signing time as written (`X-Amz-Date`, basic ISO 8601) and in ms. */
  readonly amzDate: string;
  readonly time: number;
  /** Presigned only: seconds the URL is valid. */
  readonly expires?: number;
  readonly sessionToken: string | undefined;
  /** The client's declared payload hash, if any. */
  readonly contentSha256: string | undefined;
}

const ALGORITHM = 'AWS4-HMAC-SHA256';
const MAX_EXPIRES = 604800;

const incomplete = (message: string) => new SigV4Failure('incomplete-signature', message);

/** Query parameters by name (first occurrence), decoded. */
const queryParams = (query: string): Map<string, string> => {
  const out = new Map<string, string>();
  for (const part of query.split('&')) {
    const eq = part.indexOf('=');
    const key = uriDecode(eq < 0 ? part : part.slice(0, eq));
    if (!out.has(key)) out.set(key, eq < 0 ? '' : uriDecode(part.slice(eq + 1)));
  }
  return out;
};

interface Scope {
  readonly accessKeyId: string;
  readonly scopeDate: string;
  readonly region: string;
  readonly service: string;
  readonly credentialScope: string;
}

// Both parses below are pure and their inputs repeat (one scope per caller and day, one header
// list per SDK), so they are memoized: String#split on a slice of a header costs more than the
// HMAC the benchmark compares with (bench/sigv4.ts).
const scopes = new BoundedMemo((credential: string): Scope => {
  const parts = credential.split('/');
  if (parts.length !== 5 || parts.some((p) => p === '')) {
    throw incomplete(`Credential should be scoped to a valid region, not '${parts[2] ?? ''}'.`);
  }
  if (parts[4] !== 'aws4_request') {
    throw incomplete(`Credential should be scoped with a valid terminator: 'aws4_request', not '${parts[4]}'.`);
  }
  const [accessKeyId, scopeDate, region, service] = parts as [string, string, string, string];
  return Object.freeze({ accessKeyId, scopeDate, region, service, credentialScope: credential.slice(accessKeyId.length + 1) });
});

const signedHeaderLists = new BoundedMemo((list: string): readonly string[] => {
  const names = list.split(';');
  if (!names.includes('host')) throw incomplete("'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
  // Fresh flat copies rather than slices of this request's header: each name is compared with
  // every header name on every request (canonical-request.ts), and flat strings compare faster.
  return Object.freeze(JSON.parse(JSON.stringify(names)) as string[]);
});

const printable = (c: number) => c > 0x20 && c < 0x7f;

/** `Name=value` from the Authorization header's comma-separated list (from `from` on), trimmed; `field` is `Name=`. */
const authField = (auth: string, field: string, from: number): string | undefined => {
  const at = auth.indexOf(field, from);
  if (at < 0) return undefined;
  const start = at + field.length;
  const end = auth.indexOf(',', start);
  const raw = end < 0 ? auth.slice(start) : auth.slice(start, end);
  // SDKs write `, ` between fields; only a value with whitespace at an end needs trimming.
  const value = raw.length > 0 && printable(raw.charCodeAt(0)) && printable(raw.charCodeAt(raw.length - 1)) ? raw : raw.trim();
  return value === '' ? undefined : value;
};

const fromHeader = (found: SigningHeaders, auth: string): SignatureParams => {
  const space = auth.indexOf(' ');
  const algorithm = space < 0 ? auth : auth.slice(0, space);
  // The fields follow the algorithm; none when there is no space.
  const from = space < 0 ? auth.length : space + 1;
  const credential = authField(auth, 'Credential=', from);
  const signedHeaders = authField(auth, 'SignedHeaders=', from);
  const signature = authField(auth, 'Signature=', from);
  const amzDate = found.amzDate;
  const httpDate = amzDate === undefined ? found.date : undefined;
  if (algorithm !== ALGORITHM || !credential || !signedHeaders || !signature || (amzDate ?? httpDate) === undefined) {
    const missing = Object.entries({ Credential: credential, Signature: signature, SignedHeaders: signedHeaders })
      .filter(([, v]) => !v)
      .map(([f]) => `Authorization header requires '${f}' parameter.`);
    if ((amzDate ?? httpDate) === undefined) {
      missing.push("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
    }
    throw incomplete(`${missing.join(' ')}${missing.length ? ' ' : ''}Authorization=${algorithm}`);
  }
  const time = amzDate !== undefined ? parseAmzDate(amzDate) : parseHttpDate(httpDate!);
  if (time === undefined) throw incomplete(`Date must be in ISO-8601 'basic format'. Got '${amzDate ?? httpDate}'.`);
  const scope = scopes.get(credential);
  return {
    presigned: false,
    accessKeyId: scope.accessKeyId,
    scopeDate: scope.scopeDate,
    region: scope.region,
    service: scope.service,
    credentialScope: scope.credentialScope,
    signedHeaders: signedHeaderLists.get(signedHeaders),
    signature,
    amzDate: amzDate ?? formatAmzDate(time),
    time,
    sessionToken: found.securityToken,
    contentSha256: found.contentSha256,
  };
};

const fromQuery = (q: Map<string, string>): SignatureParams => {
  const required = ['X-Amz-Algorithm', 'X-Amz-Credential', 'X-Amz-Signature', 'X-Amz-SignedHeaders', 'X-Amz-Date', 'X-Amz-Expires'];
  const missing = required.filter((p) => !q.get(p));
  if (missing.length) {
    throw incomplete(missing.map((p) => `AWS query-string parameters must include '${p}'.`).join(' ') + ' Re-examine the query-string parameters.');
  }
  if (q.get('X-Amz-Algorithm') !== ALGORITHM) throw incomplete(`Unsupported AWS 'algorithm': '${q.get('X-Amz-Algorithm')}'.`);
  const amzDate = q.get('X-Amz-Date')!;
  const time = parseAmzDate(amzDate);
  if (time === undefined) throw incomplete(`Date must be in ISO-8601 'basic format'. Got '${amzDate}'.`);
  const expiresText = q.get('X-Amz-Expires')!;
  const expires = /^\d{1,7}$/.test(expiresText) ? Number(expiresText) : NaN;
  if (!(expires >= 1 && expires <= MAX_EXPIRES)) {
    throw incomplete(`X-Amz-Expires must be an integer between 1 and ${MAX_EXPIRES} (seven days).`);
  }
  const token = q.get('X-Amz-Security-Token');
  const sha = q.get('X-Amz-Content-Sha256');
  return {
    presigned: true,
    ...scopes.get(q.get('X-Amz-Credential')!),
    signedHeaders: signedHeaderLists.get(q.get('X-Amz-SignedHeaders')!),
    signature: q.get('X-Amz-Signature')!,
    amzDate,
    time,
    expires,
    sessionToken: token,
    contentSha256: sha,
  };
};

/** The request's signature information; throws SigV4Failure when absent or malformed. */
export const parseSignature = (req: SignableRequest): SignatureParams => {
  const found = signingHeaders(req);
  const auth = found.authorization;
  const q = req.query.includes('X-Amz-') ? queryParams(req.query) : new Map<string, string>();
  const presigned = q.has('X-Amz-Algorithm') || q.has('X-Amz-Signature') || q.has('X-Amz-Credential');
  if (auth !== undefined && presigned) {
    throw incomplete('Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter or the Authorization header should be specified.');
  }
  if (auth !== undefined) return fromHeader(found, auth);
  if (presigned) return fromQuery(q);
  throw new SigV4Failure('missing-authentication', 'Request is missing Authentication Token');
};
