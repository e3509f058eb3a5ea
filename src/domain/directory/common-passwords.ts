// The list of common passwords shipped with the project (common-passwords.txt, from
// @zxcvbn-ts/language-common, MIT). Read once, on first use; compared without regard to case,
// so `Password1` is refused along with `password1`.

import { readFileSync } from 'node:fs';

const LIST_FILE = new URL('./common-passwords.txt', import.meta.url);

let list: ReadonlySet<string> | undefined;

const load = (): ReadonlySet<string> =>
  new Set(
    readFileSync(LIST_FILE, 'utf8')
      .split('\n')
      .map((line) => line.replace(/\r$/, ''))
      .filter((line) => line !== '' && !line.startsWith('#'))
      .map((line) => line.normalize('NFKC').toLowerCase()),
  );

/** Every entry, normalized and lower-cased. */
export const commonPasswords = (): ReadonlySet<string> => (list ??= load());

/** Whether a normalized password is on the list. */
export const isCommonPassword = (normalized: string): boolean => commonPasswords().has(normalized.toLowerCase());
