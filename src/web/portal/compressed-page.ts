// A page compressed for the one response (a thousand accounts are ~700 KB of HTML, ~40 KB
// compressed). Only pages that reflect nothing from the request may be compressed: a secret (the
// CSRF token) beside attacker-chosen text in a compressed body leaks through its length (BREACH),
// so the caller decides, and sends a page that echoes input (/start?q=) as it is.

import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { acceptedCodings } from './compressed-asset.js';

export interface EncodedPage {
  readonly body: Buffer | string;
  readonly headers: Readonly<Record<string, string>>;
}

/** Below this, compressing saves less than it costs. */
const MIN_BYTES = 1024;

export function encodePage(html: string, acceptEncoding: string | undefined): EncodedPage {
  const vary = { vary: 'Accept-Encoding' };
  if (Buffer.byteLength(html) < MIN_BYTES) return { body: html, headers: vary };
  const accepted = acceptedCodings(acceptEncoding);
  // Quality 5: most of brotli's gain at a few milliseconds for the largest page.
  if (accepted.has('br')) {
    return { body: brotliCompressSync(html, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }), headers: { ...vary, 'content-encoding': 'br' } };
  }
  if (accepted.has('gzip')) return { body: gzipSync(html, { level: 6 }), headers: { ...vary, 'content-encoding': 'gzip' } };
  return { body: html, headers: vary };
}
