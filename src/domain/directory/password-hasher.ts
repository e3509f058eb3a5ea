// argon2id hashing through @node-rs/argon2 (native, off the event loop). The salt comes from the
// Random port; verification is the library's, which compares in constant time.

import { hash, verify, type Algorithm } from '@node-rs/argon2';
import type { Random } from '../../lib/random.js';
import { ARGON2_PARAMETERS, SALT_BYTES } from './password-parameters.js';

// The library's Algorithm is a const enum, which this project's module settings cannot read:
// 2 is Argon2id (0 is Argon2d, 1 Argon2i); the tests check the PHC string says argon2id.
const ARGON2ID = 2 as Algorithm;
const OPTIONS = { algorithm: ARGON2ID, ...ARGON2_PARAMETERS } as const;

/** A PHC string: `$argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>`. */
export const hashPassword = (normalized: string, random: Random): Promise<string> =>
  hash(normalized, { ...OPTIONS, salt: random.bytes(SALT_BYTES) });

/** False for a wrong password and for a hash that cannot be read (never throws for those). */
export const verifyPassword = async (phc: string, normalized: string): Promise<boolean> => {
  try {
    return await verify(phc, normalized);
  } catch {
    return false;
  }
};

let dummy: Promise<string> | undefined;

/**
 * A hash of nothing anyone knows, made once per process with the same parameters: unknown
 * users are checked against it so that their answer takes as long as a real user's.
 */
export const dummyHash = (random: Random): Promise<string> =>
  (dummy ??= hashPassword(random.bytes(32).toString('base64url'), random));
