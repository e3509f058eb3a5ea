// Randomness is a port: the domain asks for it, the composition root supplies crypto.

import { randomBytes, randomUUID } from 'node:crypto';

export interface Random {
  bytes(n: number): Buffer;
  uuid(): string;
}

export const cryptoRandom: Random = {
  bytes: (n) => randomBytes(n),
  uuid: () => randomUUID(),
};

/** `n` random digits. */
export const randomDigits = (random: Random, n: number): string =>
  Array.from(random.bytes(n), (b) => String(b % 10)).join('');

/** `n` random lower-case hex characters. */
export const randomHex = (random: Random, n: number): string =>
  random.bytes(Math.ceil(n / 2)).toString('hex').slice(0, n);

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** `n` random characters from `alphabet` (default: upper-case base32), without modulo bias. */
export const randomChars = (random: Random, n: number, alphabet = BASE32): string => {
  const limit = 256 - (256 % alphabet.length);
  let out = '';
  while (out.length < n) {
    for (const b of random.bytes(n * 2)) {
      if (b < limit && out.length < n) out += alphabet[b % alphabet.length];
    }
  }
  return out;
};
