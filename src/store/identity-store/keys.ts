// Index keys of the attributes that compare without regard to case: the SHA-256 (hex) of the
// value, Unicode-normalized (NFC) and lower-cased. Fixed width, so a 1024-character group
// display name indexes on PostgreSQL (btree rows are limited) as on SQLite.

import { createHash } from 'node:crypto';

export const foldedKey = (value: string): string =>
  createHash('sha256').update(value.normalize('NFC').toLowerCase(), 'utf8').digest('hex');
