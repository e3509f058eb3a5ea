// The bearer token the portal API receives: valid while it has not expired, its family has not
// been revoked, and the portal session it is bound to still stands for an active user.

import { GatehouseError } from '../../lib/errors.js';
import { hashToken } from '../sessions/bearer-token.js';
import type { PortalSession } from '../sessions/portal-session.js';
import type { TokenFamily } from './oidc-model.js';
import type { OidcContext } from './oidc-context.js';

export interface AccessGrant {
  readonly session: PortalSession;
  readonly family: TokenFamily;
}

const unauthorized = () => new GatehouseError('Unauthenticated', 'Session token not found or invalid', { resource: 'AccessToken' });

export async function resolveAccessToken(ctx: OidcContext, accessToken: string | undefined): Promise<AccessGrant> {
  if (!accessToken || accessToken.length > 512) throw unauthorized();
  const grant = await ctx.repo.getTokenGrant(hashToken(accessToken));
  if (!grant || grant.token.kind !== 'access' || ctx.now >= grant.token.expiresAt || grant.family.revokedAt !== undefined) throw unauthorized();
  const { session, family } = grant;
  if (!(await ctx.sessions.stillSignedIn(session, grant.userActive))) throw unauthorized();
  return { session, family };
}
