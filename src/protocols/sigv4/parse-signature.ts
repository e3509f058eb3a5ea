// Reads the signature information from a request: the Authorization header, or the presigned
// query parameters. Only the shape is checked here; verify-signature.ts checks the meaning.

import { formatAmzDate, parseAmzDate, parseHttpDate } from './amz-date.js';
import { SigV4Failure } from './sigv4-failure.js';
import { headerValue, type SignableRequest } from './signable-request.js';
import { uriDecode } from './uri-encode.js';

export interface SignatureParams {
  readonly presigned: boolean;
  readonly accessKeyId: string;
  /** Credential scope parts. */
  readonly scopeDate: string;
  readonly region: string;
  readonly service: string;
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

const parseScope = (credential: string) => {
  const parts = credential.split('/');
  if (parts.length !== 5 || parts.some((p) => p === '')) {
    throw incomplete(`Credential should be scoped to a valid region, not '${parts[2] ?? ''}'.`);
  }
  if (parts[4] !== 'aws4_request') {
    throw incomplete(`Credential should be scoped with a valid terminator: 'aws4_request', not '${parts[4]}'.`);
  }
  const [accessKeyId, scopeDate, region, service] = parts as [string, string, string, string];
  return { accessKeyId, scopeDate, region, service };
};

const parseSignedHeaders = (list: string): string[] => {
  const names = list.split(';');
  if (!names.includes('host')) throw incomplete("'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
  return names;
};

/** `Name=value` from the Authorization header's comma-separated list, trimmed. */
const authField = (auth: string, name: string): string | undefined => {
  const at = auth.indexOf(`${name}=`);
  if (at < 0) return undefined;
  const start = at + name.length + 1;
  const end = auth.indexOf(',', start);
  const value = (end < 0 ? auth.slice(start) : auth.slice(start, end)).trim();
  return value === '' ? undefined : value;
};

const fromHeader = (req: SignableRequest, auth: string): SignatureParams => {
  const space = auth.indexOf(' ');
  const algorithm = space < 0 ? auth : auth.slice(0, space);
  const rest = space < 0 ? '' : auth.slice(space + 1);
  const credential = authField(rest, 'Credential');
  const signedHeaders = authField(rest, 'SignedHeaders');
  const signature = authField(rest, 'Signature');
  const amzDate = headerValue(req, 'x-amz-date');
  const httpDate = amzDate === undefined ? headerValue(req, 'date') : undefined;
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
  const scope = parseScope(credential);
  return {
    presigned: false,
    accessKeyId: scope.accessKeyId,
    scopeDate: scope.scopeDate,
    region: scope.region,
    service: scope.service,
    signedHeaders: parseSignedHeaders(signedHeaders),
    signature,
    amzDate: amzDate ?? formatAmzDate(time),
    time,
    sessionToken: headerValue(req, 'x-amz-security-token'),
    contentSha256: headerValue(req, 'x-amz-content-sha256'),
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
    ...parseScope(q.get('X-Amz-Credential')!),
    signedHeaders: parseSignedHeaders(q.get('X-Amz-SignedHeaders')!),
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
  const auth = headerValue(req, 'authorization');
  const q = req.query.includes('X-Amz-') ? queryParams(req.query) : new Map<string, string>();
  const presigned = q.has('X-Amz-Algorithm') || q.has('X-Amz-Signature') || q.has('X-Amz-Credential');
  if (auth !== undefined && presigned) {
    throw incomplete('Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter or the Authorization header should be specified.');
  }
  if (auth !== undefined) return fromHeader(req, auth);
  if (presigned) return fromQuery(q);
  throw new SigV4Failure('missing-authentication', 'Request is missing Authentication Token');
};
