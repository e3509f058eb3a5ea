// Device user codes (RFC 8628 §6.1): eight letters from an alphabet without vowels (no words)
// and without look-alikes, about 34.6 bits, shown as XXXX-XXXX; typed in any case, with or
// without the dash or spaces.

import { randomChars, type Random } from '../../lib/random.js';

export const USER_CODE_ALPHABET = 'BCDFGHJKLMNPQRSTVWXZ';
export const USER_CODE_LENGTH = 8;

export const newUserCode = (random: Random): string => randomChars(random, USER_CODE_LENGTH, USER_CODE_ALPHABET);

export const formatUserCode = (code: string): string => `${code.slice(0, 4)}-${code.slice(4)}`;

/** The stored form of what a person typed, or undefined when it cannot be a user code. */
export const normalizeUserCode = (typed: string): string | undefined => {
  const code = typed.toUpperCase().replace(/[\s-]/g, '');
  if (code.length !== USER_CODE_LENGTH) return undefined;
  return [...code].every((c) => USER_CODE_ALPHABET.includes(c)) ? code : undefined;
};
