// The console cookie's value: which sign-in it came from and the role session's credentials (by
// their session token), sealed under a context of its own. Every console request opens it and
// checks the role session again, so the cookie never outlives what it stands for.

import type { KeyRing } from '../../lib/key-ring.js';

export const CONSOLE_COOKIE_CONTEXT = 'console-session';
const VERSION = 1;

export interface ConsoleCookie {
  /** The sign-in token's id (its hash keys the console_signin row). */
  readonly signinId: string;
  readonly accessKeyId: string;
  readonly sessionToken: string;
}

export const sealConsoleCookie = (keyRing: KeyRing, c: ConsoleCookie): string =>
  keyRing.seal(JSON.stringify({ v: VERSION, i: c.signinId, k: c.accessKeyId, t: c.sessionToken }), CONSOLE_COOKIE_CONTEXT);

export const openConsoleCookie = (keyRing: KeyRing, value: string): ConsoleCookie | undefined => {
  let p: Record<string, unknown>;
  try {
    p = JSON.parse(keyRing.openString(value, CONSOLE_COOKIE_CONTEXT)) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  if (p?.v !== VERSION || typeof p.i !== 'string' || typeof p.k !== 'string' || typeof p.t !== 'string') return undefined;
  return { signinId: p.i, accessKeyId: p.k, sessionToken: p.t };
};
