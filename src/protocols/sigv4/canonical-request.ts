// The SigV4 canonical request, exactly as AWS defines it for services other than S3: the path
// normalized and each segment URI-encoded once more, the query sorted and re-encoded, the signed
// headers lower-cased with values trimmed and inner whitespace collapsed.

import { uriDecode, uriEncode } from './uri-encode.js';

/** Normalizes `.`/`..`/empty segments (as the SDKs do) and encodes each segment. */
export const canonicalPath = (path: string): string => {
  if (path === '/') return path;
  const segments: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(uriEncode(segment));
  }
  const trailing = segments.length > 0 && path.endsWith('/') ? '/' : '';
  return `/${segments.join('/')}${trailing}`;
};

/** Sorted `key=value` pairs, re-encoded; `X-Amz-Signature` left out for presigned requests. */
export const canonicalQuery = (query: string, omitSignature: boolean): string => {
  if (query === '') return '';
  const pairs: string[] = [];
  for (const part of query.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const key = uriDecode(eq < 0 ? part : part.slice(0, eq));
    if (omitSignature && key === 'X-Amz-Signature') continue;
    const value = eq < 0 ? '' : uriDecode(part.slice(eq + 1));
    pairs.push(`${uriEncode(key)}=${uriEncode(value)}`);
  }
  // Sorting the encoded `key=value` strings sorts by key, then value: `=` sorts before every
  // character an encoded key may contain.
  return pairs.sort(byCodeUnit).join('&');
};

const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

// Most header values have nothing to collapse; skip the regex replace for those.
const NEEDS_COLLAPSE = /[\t\r\n]| {2}/;
const normalizeValue = (v: string) => (NEEDS_COLLAPSE.test(v) ? v.replace(/[ \t\r\n]+/g, ' ') : v).trim();

/** `name:value\n` for each signed header, in the order the client listed them. */
export const canonicalHeaders = (
  headers: ReadonlyArray<readonly [string, string]>,
  signed: readonly string[],
): string => {
  // Plain loops, no intermediate maps: this runs on every request (see bench/sigv4.ts).
  let out = '';
  for (let s = 0; s < signed.length; s++) {
    const name = signed[s]!;
    let value: string | undefined;
    for (let h = 0; h < headers.length; h++) {
      const k = headers[h]![0];
      if (k.length !== name.length || (k !== name && k.toLowerCase() !== name)) continue;
      const v = normalizeValue(headers[h]![1]);
      value = value === undefined ? v : `${value},${v}`;
    }
    out += `${name}:${value ?? ''}\n`;
  }
  return out;
};

export interface CanonicalParts {
  readonly method: string;
  readonly path: string;
  readonly query: string;
  readonly headers: ReadonlyArray<readonly [string, string]>;
  readonly signedHeaders: readonly string[];
  readonly payloadHash: string;
  readonly presigned: boolean;
}

export const canonicalRequest = (p: CanonicalParts): string =>
  `${p.method}\n${canonicalPath(p.path)}\n${canonicalQuery(p.query, p.presigned)}\n` +
  `${canonicalHeaders(p.headers, p.signedHeaders)}\n${p.signedHeaders.join(';')}\n${p.payloadHash}`;

export const stringToSign = (amzDate: string, scope: string, canonicalRequestHash: string): string =>
  `AWS4-HMAC-SHA256\n${amzDate}\n${scope}\n${canonicalRequestHash}`;
