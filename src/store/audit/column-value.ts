// What a filter column holds for a name. PostgreSQL refuses NUL in text and a value longer than
// the column, and an event must never be lost to the name it carries (a sign-in's user name is
// whatever was typed): such a name is kept as a digest, and looked up by the same digest, so it
// still matches itself exactly and nothing else (44 characters: it fits every column). The
// record keeps the name as it was.

import { createHash } from 'node:crypto';

export const columnValue = (value: string, max: number): string =>
  value.length <= max && !value.includes('\u0000') ? value : `#${createHash('sha256').update(value, 'utf8').digest('base64url')}`;
