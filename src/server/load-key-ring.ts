// The key ring that seals secrets at rest: from GATEHOUSE_MASTER_KEY, or a key file generated
// (0600) under the data directory on first start.

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { KeyRing, parseKeyRingSpec } from '../lib/key-ring.js';

export const MASTER_KEY_FILE = 'master.key';

export const loadKeyRing = (masterKey: string | undefined, dataDir: string): { keyRing: KeyRing; source: string } => {
  if (masterKey) return { keyRing: new KeyRing(parseKeyRingSpec(masterKey)), source: 'GATEHOUSE_MASTER_KEY' };
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = join(dataDir, MASTER_KEY_FILE);
  if (!existsSync(file)) {
    writeFileSync(file, `k1:${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  }
  return { keyRing: new KeyRing(parseKeyRingSpec(readFileSync(file, 'utf8').trim())), source: file };
};
