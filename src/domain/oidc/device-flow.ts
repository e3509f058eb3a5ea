// The device authorization grant (RFC 8628): the device asks for a code pair, the person signs
// in on /device and approves the user code, the device polls CreateToken. Pending is answered
// at once (the CLI polls once before it shows the code); polling faster than the interval is
// slow_down.

import { isGatehouseError } from '../../lib/errors.js';
import { hashToken, newBearerToken } from '../sessions/bearer-token.js';
import type { PortalSession } from '../sessions/portal-session.js';
import { allowsGrant, authenticateClient } from './client-auth.js';
import { oauthError } from './oidc-errors.js';
import { DEVICE_CODE_GRANT, type DeviceAuthorization, type OidcClient } from './oidc-model.js';
import type { OidcContext } from './oidc-context.js';
import { newUserCode } from './user-code.js';
import { grantableScopes } from './scopes.js';
import { issueTokens, newFamily, type TokenGrant } from './token-issuer.js';

export const DEVICE_CODE_LIFETIME_MS = 10 * 60 * 1000;
export const POLL_INTERVAL_SECONDS = 1;
/** RFC 8628 §5.1 bounds guesses: wrong codes a session may enter before /device refuses it. */
export const MAX_USER_CODE_FAILURES = 5;

export interface StartedDeviceAuthorization {
  readonly deviceCode: string;
  /** Without the dash. */
  readonly userCode: string;
  readonly expiresIn: number;
  readonly interval: number;
}

export async function startDeviceAuthorization(ctx: OidcContext, clientId: string, clientSecret: string, startUrl: string): Promise<StartedDeviceAuthorization> {
  const client = await authenticateClient(ctx, clientId, clientSecret);
  if (!allowsGrant(client, DEVICE_CODE_GRANT, true)) throw oauthError('unauthorized_client', 'The client is not registered for the device grant.');
  if (!/^https?:\/\/\S+$/.test(startUrl)) throw oauthError('invalid_request', 'startUrl must be a URL.');
  const deviceCode = newBearerToken(ctx.random);
  for (let attempt = 0; ; attempt++) {
    const device: DeviceAuthorization = {
      deviceCodeHash: hashToken(deviceCode),
      userCode: newUserCode(ctx.random),
      clientId: client.clientId,
      scopes: grantableScopes(client.scopes, []),
      status: 'pending',
      intervalSeconds: POLL_INTERVAL_SECONDS,
      createdAt: ctx.now,
      expiresAt: ctx.now + DEVICE_CODE_LIFETIME_MS,
    };
    try {
      await ctx.repo.insertDevice(device);
      return { deviceCode, userCode: device.userCode, expiresIn: DEVICE_CODE_LIFETIME_MS / 1000, interval: POLL_INTERVAL_SECONDS };
    } catch (e) {
      // A user code in use already: draw another.
      if (!(isGatehouseError(e) && e.code === 'Conflict') || attempt >= 5) throw e;
    }
  }
}

/** The pending authorization behind a user code, with its client, for the /device page. */
export async function findPendingDevice(ctx: OidcContext, userCode: string): Promise<{ device: DeviceAuthorization; client: OidcClient } | undefined> {
  const device = await ctx.repo.getDeviceByUserCode(userCode);
  if (!device || device.status !== 'pending' || ctx.now >= device.expiresAt) return undefined;
  const client = await ctx.repo.getClient(device.clientId);
  return client ? { device, client } : undefined;
}

/** The person's answer on /device; false when the code was no longer pending. */
export async function decideDevice(ctx: OidcContext, device: DeviceAuthorization, session: PortalSession, allow: boolean): Promise<boolean> {
  if (ctx.now >= device.expiresAt) return false;
  return ctx.repo.setDeviceStatus(device.deviceCodeHash, 'pending', allow ? 'approved' : 'denied', session.sessionId);
}

export async function redeemDeviceCode(ctx: OidcContext, client: OidcClient, deviceCode: string | undefined): Promise<TokenGrant> {
  if (!allowsGrant(client, DEVICE_CODE_GRANT, true)) throw oauthError('unauthorized_client', 'The client is not registered for the device grant.');
  if (!deviceCode) throw oauthError('invalid_request', 'deviceCode is required.');
  const hash = hashToken(deviceCode);
  const device = await ctx.repo.getDevice(hash);
  if (!device || device.clientId !== client.clientId) throw oauthError('invalid_grant', 'Invalid device code provided');
  if (ctx.now >= device.expiresAt) throw oauthError('expired_token', 'The device code has expired.');
  const previous = await ctx.repo.touchDevice(hash, ctx.now);
  if (previous !== undefined && ctx.now - previous < device.intervalSeconds * 1000) {
    throw oauthError('slow_down', 'Client is polling too quickly.');
  }
  switch (device.status) {
    case 'pending':
      throw oauthError('authorization_pending', 'Authorization is still pending.');
    case 'denied':
      throw oauthError('access_denied', 'The user denied the authorization request.');
    case 'consumed':
      throw oauthError('invalid_grant', 'The device code has been used already.');
  }
  if (!(await ctx.repo.setDeviceStatus(hash, 'approved', 'consumed'))) throw oauthError('invalid_grant', 'The device code has been used already.');
  const session = device.sessionId === undefined ? undefined : await ctx.sessions.isSignedIn(device.sessionId);
  if (!session) throw oauthError('access_denied', 'The sign-in session that approved this code has ended.');
  return issueTokens(ctx, client, await newFamily(ctx, client, session, device.scopes), session);
}

