// The password rules in one place: argon2id with OWASP's minimum parameters (Password Storage
// Cheat Sheet: m=19 MiB, t=2, p=1), and NIST SP 800-63B's length limits.

/** argon2id cost parameters; memory in KiB. */
export const ARGON2_PARAMETERS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** Salt length in bytes (RFC 9106 recommends 16). */
export const SALT_BYTES = 16;

/** NIST: at least 8 characters (counted as code points after normalization). */
export const MIN_PASSWORD_LENGTH = 8;

/**
 * NIST asks for at least 64 to be accepted. We accept up to 256 and no more: argon2 pre-hashes
 * any length cheaply, but an upper bound keeps a sign-in request small and its cost known.
 */
export const MAX_PASSWORD_LENGTH = 256;
