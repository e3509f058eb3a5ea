// The SigV4 canonical request, exactly as AWS defines it for services other than S3: the path
// normalized and each segment URI-encoded once more, the query sorted and re-encoded, the signed
// headers lower-cased with values trimmed and inner whitespace collapsed.

import { uriDecode, uriEncode } from './uri-encode.js';

/** Normalizes `.`/`..`/empty segments (as the SDKs do) and encodes each segment. */
export const canonicalPath = (path: string): string => {
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

const normalizeValue = (v: string) => v.replace(/[ \t\r\n]+/g, ' ').trim();

/** `name:value\n` for each signed header, in the order the client listed them. */
export const canonicalHeaders = (
  headers: ReadonlyArray<readonly [string, string]>,
  signed: readonly string[],
): string => {
  const values = new Map<string, string[]>();
  for (const name of signed) values.set(name, []);
  for (const [name, value] of headers) values.get(name.toLowerCase())?.push(normalizeValue(value));
  let out = '';
  for (const name of signed) out += `${name}:${values.get(name)!.join(',')}\n`;
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
