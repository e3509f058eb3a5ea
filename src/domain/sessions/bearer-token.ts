// Bearer secrets (session cookies, OAuth tokens and codes, client secrets): random, at least
// 128 bits, handed out once and kept only as SHA-256 hashes, so a database dump grants nothing.
// A plain hash suffices: the secrets are random, not guessable passwords.

import { createHash } from 'node:crypto';
import type { Random } from '../../lib/random.js';

/** 256 random bits, base64url. */
export const newBearerToken = (random: Random, bytes = 32): string => random.bytes(bytes).toString('base64url');

export const hashToken = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');
