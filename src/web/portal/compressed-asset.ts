// A static file made ready to serve: its bytes, gzip and brotli versions computed once (assets
// change only on deploy), and a strong ETag per representation, so a browser revalidates with
// If-None-Match and gets a 304 instead of the bytes again.

import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export type ContentCoding = 'br' | 'gzip' | 'identity';

export interface Representation {
  readonly coding: ContentCoding;
  readonly body: Buffer;
  /** Strong, and different per coding: the bytes differ (RFC 9110 §8.8.3). */
  readonly etag: string;
}

export interface CompressedAsset {
  readonly contentType: string;
  /** Best first: brotli, gzip, then the file as it is. Codings that do not shrink it are left out. */
  readonly representations: readonly Representation[];
}

export function compressAsset(contentType: string, body: Buffer): CompressedAsset {
  const hash = createHash('sha256').update(body).digest('base64url').slice(0, 22);
  const br = brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } });
  const gzip = gzipSync(body, { level: 9 });
  const candidates: Representation[] = [
    { coding: 'br', body: br, etag: `"${hash}-br"` },
    { coding: 'gzip', body: gzip, etag: `"${hash}-gz"` },
  ];
  return {
    contentType,
    representations: [...candidates.filter((r) => r.body.length < body.length), { coding: 'identity', body, etag: `"${hash}"` }],
  };
}

/** The codings an Accept-Encoding header allows (q > 0); identity unless refused explicitly. */
export function acceptedCodings(header: string | undefined): Set<string> {
  const accepted = new Set<string>(['identity']);
  let star: boolean | undefined;
  for (const part of (header ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => /^\s*q\s*=\s*([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    const allowed = q === undefined || Number(q) > 0;
    if (name === '*') star = allowed;
    else if (allowed) accepted.add(name);
    else accepted.delete(name);
  }
  if (star) ['br', 'gzip'].forEach((c) => accepted.add(c));
  return accepted;
}

/** The representation to send for this Accept-Encoding: the smallest one the client takes. */
export function chooseRepresentation(asset: CompressedAsset, acceptEncoding: string | undefined): Representation {
  const accepted = acceptedCodings(acceptEncoding);
  return asset.representations.find((r) => accepted.has(r.coding)) ?? asset.representations[asset.representations.length - 1]!;
}

/** Whether If-None-Match names this representation (weak comparison, as RFC 9110 §13.1.2 says). */
export function notModified(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);
}
