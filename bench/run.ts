// `npm run bench`: every benchmark in one run, printed as a table. `npm run bench -- NAME` runs
// the ones whose file name contains NAME.

import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { formatResults, type BenchResult } from './result.js';

const here = dirname(fileURLToPath(import.meta.url));
const filter = process.argv[2];
const files = readdirSync(here)
  .filter((f) => f.endsWith('.ts') && !['run.ts', 'result.ts'].includes(f) && !f.startsWith('_'))
  .filter((f) => !filter || f.includes(filter))
  .sort();

for (const file of files) {
  const mod = (await import(join(here, file))) as { run?: () => Promise<BenchResult[]> };
  if (typeof mod.run !== 'function') continue;
  process.stdout.write(`\n# ${file}\n`);
  process.stdout.write(`${formatResults(await mod.run())}\n`);
}
