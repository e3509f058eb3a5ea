// The portal's script and styles, read once from the files beside this module and served by
// Gatehouse itself: nothing is fetched from another origin. Each is compressed once at start.
// To add an asset, add a line to PORTAL_ASSET_FILES (its file path is relative to this folder).

import { readFileSync } from 'node:fs';
import { compressAsset, type CompressedAsset } from './compressed-asset.js';

export interface PortalAssetFile {
  /** The name in the URL: /start/assets/{name}. */
  readonly name: string;
  readonly contentType: string;
  /** The file, relative to this module's folder. */
  readonly file: string;
}

export const PORTAL_ASSET_FILES: readonly PortalAssetFile[] = [
  { name: 'portal.js', contentType: 'text/javascript; charset=utf-8', file: 'portal.js' },
  { name: 'portal.css', contentType: 'text/css; charset=utf-8', file: 'portal.css' },
  // The sign-in and Settings pages' styles and WebAuthn script, and the @simplewebauthn/browser bundle it calls.
  { name: 'gatehouse-forms.css', contentType: 'text/css; charset=utf-8', file: '../webauthn/gatehouse-forms.css' },
  { name: 'webauthn.js', contentType: 'text/javascript; charset=utf-8', file: '../webauthn/webauthn.js' },
  { name: 'simplewebauthn-browser.js', contentType: 'text/javascript; charset=utf-8', file: '../../../node_modules/@simplewebauthn/browser/dist/bundle/index.umd.min.js' },
];

const read = (file: string) => readFileSync(new URL(`./${file}`, import.meta.url));

export const PORTAL_ASSETS: ReadonlyMap<string, CompressedAsset> = new Map(
  PORTAL_ASSET_FILES.map((a) => [a.name, compressAsset(a.contentType, read(a.file))]),
);
