// The answer to GET /start/assets/{name}: the smallest representation the client accepts, or a
// 304 when it holds that one already. Browsers revalidate each time (no-cache): a 304 costs a
// round trip but no bytes, and a deploy is seen at once.

import { chooseRepresentation, notModified, type CompressedAsset } from './compressed-asset.js';

export interface AssetResponse {
  readonly status: 200 | 304;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: Buffer;
}

export function assetResponse(asset: CompressedAsset, acceptEncoding: string | undefined, ifNoneMatch: string | undefined): AssetResponse {
  const chosen = chooseRepresentation(asset, acceptEncoding);
  const headers: Record<string, string> = {
    'content-type': asset.contentType,
    'cache-control': 'no-cache',
    etag: chosen.etag,
    // Caches must keep one copy per coding.
    vary: 'Accept-Encoding',
    'x-content-type-options': 'nosniff',
  };
  if (notModified(ifNoneMatch, chosen.etag)) return { status: 304, headers };
  if (chosen.coding !== 'identity') headers['content-encoding'] = chosen.coding;
  return { status: 200, headers, body: chosen.body };
}
