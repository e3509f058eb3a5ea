// The portal's script and styles, read once from the files beside this module and served by
// Gatehouse itself: nothing is fetched from another origin.

import { readFileSync } from 'node:fs';

export interface PortalAsset {
  readonly contentType: string;
  readonly body: string;
}

const read = (name: string) => readFileSync(new URL(`./${name}`, import.meta.url), 'utf8');

export const PORTAL_ASSETS: Readonly<Record<string, PortalAsset>> = {
  'portal.js': { contentType: 'text/javascript; charset=utf-8', body: read('portal.js') },
  'portal.css': { contentType: 'text/css; charset=utf-8', body: read('portal.css') },
};
