// The cached sign-in, usable now: read from the AWS-format cache and, when its access token is
// expired or about to be, refreshed with its refresh token (CreateToken, grant refresh_token)
// and written back, as the SDKs' token provider does.

import { CreateTokenCommand } from '@aws-sdk/client-sso-oidc';
import { awsTimestamp, isExpiring, isRefreshable, readSsoToken, ssoCacheFilePath, ssoCacheId, writeSsoToken, type SsoCachedToken } from './sso-cache.js';
import { SignInRequired } from './sso-command-errors.js';
import { ssoOidcClient } from './sso-oidc-session.js';
import { withFileLock } from './sso-refresh-lock.js';
import { loginHint, type SsoTarget } from './sso-target.js';

/** The SDKs refresh five minutes early, so a token handed out is good for a while. */
export const REFRESH_WINDOW_MS = 5 * 60 * 1000;

export interface FreshToken {
  readonly token: SsoCachedToken;
  /** The id whose cache file holds it. */
  readonly cacheId: string;
}

/** The cached token for the target: under its session name, else under its start URL. */
export const findCachedToken = async (target: SsoTarget, env: NodeJS.ProcessEnv): Promise<FreshToken | undefined> => {
  const ids = [...new Set([ssoCacheId(target), target.startUrl])];
  for (const cacheId of ids) {
    const token = await readSsoToken(cacheId, env);
    if (token && token.startUrl === target.startUrl) return { token, cacheId };
  }
  return undefined;
};

const refresh = async (target: SsoTarget, token: SsoCachedToken, now: number): Promise<SsoCachedToken> => {
  const answer = await ssoOidcClient(target).send(
    new CreateTokenCommand({ clientId: token.clientId, clientSecret: token.clientSecret, grantType: 'refresh_token', refreshToken: token.refreshToken }),
  );
  if (!answer.accessToken || !answer.expiresIn) throw new Error('sso-oidc CreateToken answered without an access token or expiry');
  return { ...token, accessToken: answer.accessToken, expiresAt: awsTimestamp(now + answer.expiresIn * 1000), refreshToken: answer.refreshToken ?? token.refreshToken };
};

export const freshSsoToken = async (target: SsoTarget, env: NodeJS.ProcessEnv = process.env, now = Date.now()): Promise<FreshToken> => {
  const found = await findCachedToken(target, env);
  if (!found) throw new SignInRequired(`not signed in to ${target.startUrl}: run ${loginHint(target)}`);
  if (!isExpiring(found.token, now, REFRESH_WINDOW_MS)) return found;
  const expired = () => new SignInRequired(`the sign-in to ${target.startUrl} has expired: run ${loginHint(target)}`);
  if (!isRefreshable(found.token, now)) {
    if (isExpiring(found.token, now)) throw expired();
    return found;
  }
  return withFileLock(ssoCacheFilePath(found.cacheId, env), async () => {
    // Another process may have refreshed while this one waited for the lock.
    const current = (await readSsoToken(found.cacheId, env)) ?? found.token;
    if (!isExpiring(current, now, REFRESH_WINDOW_MS)) return { token: current, cacheId: found.cacheId };
    let token: SsoCachedToken;
    try {
      token = await refresh(target, current, now);
    } catch (e) {
      // The grant ended (signed out, disabled, session over): the old token may still have minutes left.
      if (!isExpiring(current, now)) return { token: current, cacheId: found.cacheId };
      if ((e as { $metadata?: unknown }).$metadata !== undefined) throw expired();
      throw e;
    }
    await writeSsoToken(found.cacheId, token, env);
    return { token, cacheId: found.cacheId };
  });
};
