// The console's script and styles, read once from the files beside this module and served by
// Gatehouse itself at /console/assets/: nothing is fetched from another origin.

import { readFileSync } from 'node:fs';

export interface ConsoleAsset {
  readonly contentType: string;
  readonly body: string;
}

const read = (name: string) => readFileSync(new URL(`./${name}`, import.meta.url), 'utf8');

export const CONSOLE_ASSETS: Readonly<Record<string, ConsoleAsset>> = {
  'console.js': { contentType: 'text/javascript; charset=utf-8', body: read('console.js') },
  'console.css': { contentType: 'text/css; charset=utf-8', body: read('console.css') },
};
