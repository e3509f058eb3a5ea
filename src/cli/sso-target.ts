// Which Gatehouse, which session: the start URL, the sso region, and the sso-session name (if
// any) that names the token cache file. The same rules serve login, credentials and configure,
// so a token one of them caches is the token the others find.

import { configSections } from './aws-config-file.js';
import { readSsoToken } from './sso-cache.js';

export interface SsoTarget {
  readonly startUrl: string;
  /** Where sso-oidc and the portal API are: the start URL's origin (one port serves all). */
  readonly origin: string;
  readonly region: string;
  /** Set when an `[sso-session]` names the cache file; else the start URL does. */
  readonly sessionName?: string;
}

export interface SsoTargetOptions {
  readonly startUrl?: string;
  readonly ssoSession?: string;
  readonly region?: string;
}

export class SsoTargetError extends Error {}

const defaultRegion = (env: NodeJS.ProcessEnv) => env.AWS_REGION || env.AWS_DEFAULT_REGION || 'us-east-1';

/** As the admin commands: GATEHOUSE_ENDPOINT, else a local server. */
export const defaultStartUrl = (env: NodeJS.ProcessEnv): string => `${(env.GATEHOUSE_ENDPOINT || 'http://127.0.0.1:8080').replace(/\/+$/, '')}/start`;

export const originOf = (startUrl: string): string => {
  let url: URL;
  try {
    url = new URL(startUrl);
  } catch {
    throw new SsoTargetError(`not a URL: ${startUrl}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new SsoTargetError(`the start URL must be http or https: ${startUrl}`);
  return url.origin;
};

/**
 * Resolves the target from the flags and the config file. An `--sso-session` is looked up in the
 * config (then in its cached token); a bare start URL adopts the config's sso-session for that
 * URL when there is one, since that is the cache file the SDKs read for its profiles.
 */
export const resolveSsoTarget = async (options: SsoTargetOptions, configText: string, env: NodeJS.ProcessEnv = process.env): Promise<SsoTarget> => {
  const sessions = new Map([...configSections(configText)].flatMap(([name, values]) => (name.startsWith('sso-session ') ? [[name.slice(12), values] as const] : [])));
  if (options.ssoSession !== undefined) {
    const name = options.ssoSession;
    if (!/^[\w+=,.@-]+$/.test(name)) throw new SsoTargetError(`not a valid sso-session name: ${name}`);
    const section = sessions.get(name);
    const cached = section ? undefined : await readSsoToken(name, env);
    const startUrl = options.startUrl ?? section?.sso_start_url ?? cached?.startUrl;
    if (!startUrl) throw new SsoTargetError(`no sso-session '${name}' in the config file: give --start-url`);
    const region = options.region ?? section?.sso_region ?? cached?.region ?? defaultRegion(env);
    return { startUrl, origin: originOf(startUrl), region, sessionName: name };
  }
  const startUrl = options.startUrl ?? defaultStartUrl(env);
  const origin = originOf(startUrl);
  const match = [...sessions].find(([, values]) => values.sso_start_url === startUrl);
  if (match) return { startUrl, origin, region: options.region ?? match[1].sso_region ?? defaultRegion(env), sessionName: match[0] };
  return { startUrl, origin, region: options.region ?? defaultRegion(env) };
};

/** The command that signs in to this target, for error messages. */
export const loginHint = (target: SsoTarget): string =>
  `gatehouse login --start-url ${target.startUrl}${target.sessionName ? ` --sso-session ${target.sessionName}` : ''}`;
