// Console sign-in the way AWS federation does it: temporary credentials buy a short-lived,
// single-use sign-in token (getSigninToken); redeeming it (login) opens a console session held
// in a sealed cookie. Every console request checks the role session again: expired, its role's
// sessions revoked, or its portal session ended, and the console ends with it.

import { createHash, timingSafeEqual } from 'node:crypto';
import { GatehouseError } from '../../lib/errors.js';
import type { Ports } from '../ports.js';
import type { StsService } from '../sts/sts-service.js';
import type { SessionService } from '../sessions/session-service.js';
import type { RoleSession } from '../sts/role-session.js';
import type { Principal } from '../principal.js';
import { isRoleSessionRevoked } from '../portal/portal-session-revocation.js';
import { parseFederationSession } from './federation-session.js';
import { openSigninToken, sealSigninToken } from './signin-token.js';
import { openConsoleCookie, sealConsoleCookie } from './console-cookie.js';

/** AWS's sign-in tokens last 15 minutes; ours too, and never past the credentials. */
export const SIGNIN_TOKEN_TTL_MS = 15 * 60 * 1000;

export interface ConsoleSession {
  readonly session: RoleSession;
  readonly principal: Principal;
  /** The sealed cookie value, as sent (CSRF tokens derive from it). */
  readonly cookie: string;
}

const unauthenticated = (message: string, reason: string) => new GatehouseError('Unauthenticated', message, { resource: 'Token', reason });

const sameSecret = (a: string, b: string): boolean => {
  const x = createHash('sha256').update(a).digest();
  const y = createHash('sha256').update(b).digest();
  return timingSafeEqual(x, y);
};

const signinRowId = (id: string) => createHash('sha256').update(id, 'utf8').digest('hex');

export class ConsoleService {
  constructor(
    private readonly ports: Ports,
    private readonly sts: StsService,
    private readonly sessions: SessionService,
  ) {}

  /** The role session behind credentials, or an error saying why they are refused. */
  private async liveSession(accessKeyId: string, sessionToken: string, secret?: string): Promise<{ session: RoleSession; principal: Principal }> {
    // Throws 'Unauthenticated' (ExpiredToken) for expired credentials.
    const resolved = await this.sts.resolveTemporaryCredentials(accessKeyId, sessionToken);
    if (!resolved || (secret !== undefined && !sameSecret(secret, resolved.secretAccessKey))) {
      throw unauthenticated('The security token included in the request is invalid.', 'InvalidClientTokenId');
    }
    if ((await this.sts.isRevoked(resolved.session)) || (await isRoleSessionRevoked(this.sessions, resolved.session))) {
      throw unauthenticated('The role session has been revoked or its portal session has ended.', 'Revoked');
    }
    return { session: resolved.session, principal: resolved.principal };
  }

  /** getSigninToken: `sessionJson` is the `Session` parameter. */
  async signinToken(sessionJson: string | undefined): Promise<{ signinToken: string; expiresAt: number }> {
    const creds = parseFederationSession(sessionJson);
    const { session } = await this.liveSession(creds.sessionId, creds.sessionToken, creds.sessionKey);
    const expiresAt = Math.min(this.ports.clock.now() + SIGNIN_TOKEN_TTL_MS, session.expiresAt);
    const id = this.ports.random.bytes(24).toString('base64url');
    const signinToken = sealSigninToken(this.ports.keyRing, { id, accessKeyId: creds.sessionId, sessionToken: creds.sessionToken, expiresAt });
    return { signinToken, expiresAt };
  }

  /** login: redeems a sign-in token once; answers the console cookie's value and its lifetime. */
  async login(signinToken: string | undefined): Promise<{ cookie: string; session: RoleSession }> {
    const claims = signinToken ? openSigninToken(this.ports.keyRing, signinToken) : undefined;
    if (!claims) throw unauthenticated('The sign-in token is not valid.', 'InvalidSigninToken');
    const now = this.ports.clock.now();
    if (now >= claims.expiresAt) throw unauthenticated('The sign-in token has expired. Get a new one.', 'ExpiredSigninToken');
    const { session } = await this.liveSession(claims.accessKeyId, claims.sessionToken);
    const claimed = await this.ports.store.console.claimSignin({ id: signinRowId(claims.id), createdAt: now, expiresAt: session.expiresAt });
    if (!claimed) throw unauthenticated('The sign-in token has already been used. Get a new one.', 'UsedSigninToken');
    // Rows of sessions long expired serve no purpose; sweeping here keeps the table small.
    await this.ports.store.console.deleteExpired(now - SIGNIN_TOKEN_TTL_MS);
    const cookie = sealConsoleCookie(this.ports.keyRing, { signinId: claims.id, accessKeyId: claims.accessKeyId, sessionToken: claims.sessionToken });
    return { cookie, session };
  }

  /** The console session behind a cookie, or undefined when there is none any more. */
  async resolve(cookie: string | undefined): Promise<ConsoleSession | undefined> {
    if (!cookie) return undefined;
    const c = openConsoleCookie(this.ports.keyRing, cookie);
    if (!c) return undefined;
    const row = await this.ports.store.console.getSignin(signinRowId(c.signinId));
    if (!row || row.endedAt !== undefined) return undefined;
    try {
      return { ...(await this.liveSession(c.accessKeyId, c.sessionToken)), cookie };
    } catch (e) {
      if (e instanceof GatehouseError && e.code === 'Unauthenticated') return undefined;
      throw e;
    }
  }

  /** Ends the console session of a cookie on every node (the role session itself lives on). */
  async signOut(cookie: string | undefined): Promise<void> {
    const c = cookie ? openConsoleCookie(this.ports.keyRing, cookie) : undefined;
    if (c) await this.ports.store.console.endSignin(signinRowId(c.signinId), this.ports.clock.now());
  }
}
