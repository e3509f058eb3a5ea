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

const printable = (c: number) => c > 0x20 && c < 0x7f;

/**
 * True when trimming and collapsing would leave `v` as it is: printable ASCII at both ends, no
 * tab, CR, LF or double space. indexOf runs natively; a RegExp test or a charCodeAt loop per
 * header costs more (bench/sigv4.ts).
 */
const alreadyNormal = (v: string): boolean =>
  v.length === 0 ||
  (printable(v.charCodeAt(0)) &&
    printable(v.charCodeAt(v.length - 1)) &&
    v.indexOf('  ') < 0 &&
    v.indexOf('\t') < 0 &&
    v.indexOf('\n') < 0 &&
    v.indexOf('\r') < 0);

const normalizeValue = (v: string) => (alreadyNormal(v) ? v : v.replace(/[ \t\r\n]+/g, ' ').trim());

/**
 * A signed-header list's derived forms. parse-signature.ts hands out the same frozen list for
 * the same header line, so the forms of the last list seen are usually the ones needed again;
 * a list that is not frozen could have changed, so its forms are derived afresh.
 */
interface ListForms {
  readonly list: readonly string[];
  readonly joined: string;
  /** `name:` for each name. */
  readonly prefixes: readonly string[];
}

let lastForms: ListForms | undefined;

const formsOf = (list: readonly string[]): ListForms => {
  if (lastForms !== undefined && lastForms.list === list && Object.isFrozen(list)) return lastForms;
  lastForms = { list, joined: list.join(';'), prefixes: list.map((name) => `${name}:`) };
  return lastForms;
};

/** `name:value\n` for each signed header, in the order the client listed them. */
export const canonicalHeaders = (
  headers: ReadonlyArray<readonly [string, string]>,
  signed: readonly string[],
): string => {
  // Plain loops, no intermediate maps: this runs on every request (see bench/sigv4.ts).
  const prefixes = formsOf(signed).prefixes;
  const count = headers.length;
  let out = '';
  for (let s = 0; s < signed.length; s++) {
    const name = signed[s]!;
    const length = name.length;
    let value: string | undefined;
    for (let h = 0; h < count; h++) {
      const pair = headers[h]!;
      const k = pair[0];
      if (k.length !== length || (k !== name && k.toLowerCase() !== name)) continue;
      const v = normalizeValue(pair[1]);
      value = value === undefined ? v : `${value},${v}`;
    }
    out += `${prefixes[s]}${value ?? ''}\n`;
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
  `${canonicalHeaders(p.headers, p.signedHeaders)}\n${formsOf(p.signedHeaders).joined}\n${p.payloadHash}`;

export const stringToSign = (amzDate: string, scope: string, canonicalRequestHash: string): string =>
  `AWS4-HMAC-SHA256\n${amzDate}\n${scope}\n${canonicalRequestHash}`;
