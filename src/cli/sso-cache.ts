// The SSO token cache, in the AWS CLI's own format, so the AWS CLI (botocore's SSOTokenLoader)
// and the SDKs (@aws-sdk/token-providers, @smithy/core's getSSOTokenFilepath) read what
// `gatehouse login` writes: `~/.aws/sso/cache/<sha1 hex>.json`, where the hashed id is the
// sso-session name when one is used, else the start URL.

import { createHash } from 'node:crypto';
import { readFile, unlink } from 'node:fs/promises';
import { writeFileAtomic } from './write-file-atomic.js';
import { homedir } from 'node:os';
import { join, sep } from 'node:path';

/** One cache file. Field names and formats are the AWS CLI's. */
export interface SsoCachedToken {
  readonly startUrl: string;
  readonly region: string;
  readonly accessToken: string;
  /** ISO 8601 UTC, whole seconds: `2026-11-28T12:00:00Z`. */
  readonly expiresAt: string;
  // Refreshable sessions (sso-session profiles) also keep the client registration.
  readonly clientId?: string;
  readonly clientSecret?: string;
  readonly registrationExpiresAt?: string;
  readonly refreshToken?: string;
}

/** The home folder as the SDKs find it: HOME, then USERPROFILE, then HOMEDRIVE+HOMEPATH. */
export const awsHomeDir = (env: NodeJS.ProcessEnv = process.env): string => {
  if (env.HOME) return env.HOME;
  if (env.USERPROFILE) return env.USERPROFILE;
  if (env.HOMEPATH) return `${env.HOMEDRIVE ?? `C:${sep}`}${env.HOMEPATH}`;
  return homedir();
};

/** What the cache file is named after: the session name when there is one (as botocore does). */
export const ssoCacheId = (target: { readonly sessionName?: string; readonly startUrl: string }): string => target.sessionName ?? target.startUrl;

export const ssoCacheFilePath = (id: string, env: NodeJS.ProcessEnv = process.env): string =>
  join(awsHomeDir(env), '.aws', 'sso', 'cache', `${createHash('sha1').update(id).digest('hex')}.json`);

/** `2026-11-28T12:00:00Z`: botocore writes whole seconds, and every reader accepts them. */
export const awsTimestamp = (epochMs: number): string => new Date(Math.floor(epochMs / 1000) * 1000).toISOString().replace('.000Z', 'Z');

const isString = (v: unknown): v is string => typeof v === 'string' && v !== '';

/** The cached token under `id`, or undefined when there is none or it is not a usable token. */
export const readSsoToken = async (id: string, env: NodeJS.ProcessEnv = process.env): Promise<SsoCachedToken | undefined> => {
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(await readFile(ssoCacheFilePath(id, env), 'utf8')) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  if (!json || typeof json !== 'object' || !isString(json.accessToken) || !isString(json.expiresAt) || Number.isNaN(Date.parse(json.expiresAt))) return undefined;
  return json as unknown as SsoCachedToken;
};

/** Writes the token under `id`: owner-only (it is a bearer token), atomically (a reader never sees half a file). */
export const writeSsoToken = async (id: string, token: SsoCachedToken, env: NodeJS.ProcessEnv = process.env): Promise<string> => {
  const path = ssoCacheFilePath(id, env);
  await writeFileAtomic(path, `${JSON.stringify(token, null, 2)}\n`, 0o600);
  return path;
};

export const removeSsoToken = async (id: string, env: NodeJS.ProcessEnv = process.env): Promise<void> => {
  await unlink(ssoCacheFilePath(id, env)).catch(() => {});
};

/** Whether the access token is past its expiry, or will be within `windowMs` (the SDKs refresh 5 minutes early). */
export const isExpiring = (token: SsoCachedToken, now: number, windowMs = 0): boolean => Date.parse(token.expiresAt) - now <= windowMs;

export const isRefreshable = (token: SsoCachedToken, now: number): boolean =>
  isString(token.refreshToken) &&
  isString(token.clientId) &&
  isString(token.clientSecret) &&
  (token.registrationExpiresAt === undefined || Date.parse(token.registrationExpiresAt) > now);
