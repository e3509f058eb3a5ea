// Server configuration: command-line options first, then GATEHOUSE_* environment variables,
// then defaults.

import { parseArgs } from 'node:util';
import type { MfaMode } from '../domain/directory/directory-credentials.js';
import { ConfigError } from './config-error.js';
import { tlsConfig, trustProxyConfig, type TlsConfig, type TrustProxy } from './transport-config.js';

export interface ServerConfig {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly databaseUrl: string | undefined;
  readonly region: string;
  /**
   * The base URL people and service providers reach Gatehouse at (no trailing slash): SAML
   * entity ids and endpoints are built from it. Undefined: http://<host>:<port> once listening.
   */
  readonly publicUrl?: string | undefined;
  readonly demo: boolean;
  readonly masterKey: string | undefined;
  readonly bootstrapKey: { accessKeyId: string; secretAccessKey: string } | undefined;
  readonly logLevel: string;
  /** The MFA mode of a new instance (an existing instance keeps its own). */
  readonly mfaMode: MfaMode | undefined;
  /** Tuning of the provisioning worker; unset values take the worker's defaults. */
  readonly provisioning: { readonly pollMs?: number; readonly leaseMs?: number; readonly batchSize?: number };
  /** Tuning of the retention sweeper; unset values take the sweeper's defaults. */
  readonly retention: { readonly intervalMs?: number; readonly graceMs?: number; readonly auditRetentionMs?: number };
  /** HTTPS with this certificate and key; undefined: plain HTTP. */
  readonly tls?: TlsConfig | undefined;
  /** The reverse proxies whose X-Forwarded-* headers count; undefined: none. */
  readonly trustProxy?: TrustProxy | undefined;
}

export const SERVE_OPTIONS = {
  port: { type: 'string' },
  host: { type: 'string' },
  'data-dir': { type: 'string' },
  'database-url': { type: 'string' },
  region: { type: 'string' },
  'public-url': { type: 'string' },
  'tls-cert': { type: 'string' },
  'tls-key': { type: 'string' },
  'trust-proxy': { type: 'string' },
  demo: { type: 'boolean' },
  'log-level': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export { ConfigError };

const bootstrapKey = (env: NodeJS.ProcessEnv): ServerConfig['bootstrapKey'] => {
  const accessKeyId = env.GATEHOUSE_BOOTSTRAP_ACCESS_KEY_ID;
  const secretAccessKey = env.GATEHOUSE_BOOTSTRAP_SECRET_ACCESS_KEY;
  if (!accessKeyId && !secretAccessKey) return undefined;
  if (!accessKeyId || !secretAccessKey) {
    throw new ConfigError('set both GATEHOUSE_BOOTSTRAP_ACCESS_KEY_ID and GATEHOUSE_BOOTSTRAP_SECRET_ACCESS_KEY, or neither');
  }
  if (!/^AKIA[A-Z2-7]{16}$/.test(accessKeyId)) throw new ConfigError('GATEHOUSE_BOOTSTRAP_ACCESS_KEY_ID must be AKIA followed by 16 base32 characters');
  if (secretAccessKey.length < 40) throw new ConfigError('GATEHOUSE_BOOTSTRAP_SECRET_ACCESS_KEY must be at least 40 characters');
  return { accessKeyId, secretAccessKey };
};

const MFA_MODES: readonly MfaMode[] = ['required', 'optional', 'off'];

const mfaMode = (v: string | undefined): MfaMode | undefined => {
  if (!v) return undefined;
  if (!MFA_MODES.includes(v as MfaMode)) throw new ConfigError(`GATEHOUSE_MFA_MODE must be one of ${MFA_MODES.join(', ')}, got ${v}`);
  return v as MfaMode;
};

/** A positive whole number from the environment, or undefined when unset. */
const positive = (env: NodeJS.ProcessEnv, name: string): number | undefined => {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  const v = Number(raw);
  if (!Number.isInteger(v) || v <= 0) throw new ConfigError(`${name} must be a positive whole number, got ${raw}`);
  return v;
};

/** Unset values left out, so the worker's defaults apply. */
const definedOnly = <T extends object>(entries: T): Partial<T> =>
  Object.fromEntries(Object.entries(entries).filter(([, v]) => v !== undefined)) as Partial<T>;

const provisioning = (env: NodeJS.ProcessEnv): ServerConfig['provisioning'] =>
  definedOnly({
    pollMs: positive(env, 'GATEHOUSE_PROVISIONING_POLL_MS'),
    leaseMs: positive(env, 'GATEHOUSE_PROVISIONING_LEASE_MS'),
    batchSize: positive(env, 'GATEHOUSE_PROVISIONING_BATCH_SIZE'),
  });

/** The longest sweep interval: a day (timers cannot wait much longer than 24 days anyway). */
export const MAX_RETENTION_INTERVAL_MS = 86_400_000;

const retentionInterval = (env: NodeJS.ProcessEnv): number | undefined => {
  const v = positive(env, 'GATEHOUSE_RETENTION_INTERVAL_MS');
  if (v !== undefined && v > MAX_RETENTION_INTERVAL_MS) {
    throw new ConfigError(`GATEHOUSE_RETENTION_INTERVAL_MS must be at most ${MAX_RETENTION_INTERVAL_MS} (a day), got ${v}`);
  }
  return v;
};

const retention = (env: NodeJS.ProcessEnv): ServerConfig['retention'] =>
  definedOnly({
    intervalMs: retentionInterval(env),
    graceMs: positive(env, 'GATEHOUSE_RETENTION_GRACE_MS'),
    auditRetentionMs: days(positive(env, 'GATEHOUSE_AUDIT_RETENTION_DAYS')),
  });

const days = (n: number | undefined): number | undefined => (n === undefined ? undefined : n * 86_400_000);

/** An http(s) URL without query, fragment or trailing slash. */
const publicUrl = (raw: string | undefined): string | undefined => {
  if (!raw) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`--public-url must be an http(s) URL, got ${raw}`);
  }
  if (!/^https?:$/.test(url.protocol) || url.search || url.hash || url.username) {
    throw new ConfigError(`--public-url must be an http(s) URL without query, fragment or credentials, got ${raw}`);
  }
  return url.href.replace(/\/+$/, '');
};

const truthy = (v: string | undefined) => v !== undefined && /^(1|true|yes)$/i.test(v);

export const parseServeArgs = (args: string[], env: NodeJS.ProcessEnv): ServerConfig & { help: boolean } => {
  const { values } = parseArgs({ args, options: SERVE_OPTIONS, strict: true, allowPositionals: false });
  const port = Number(values.port ?? env.GATEHOUSE_PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`--port must be 0..65535, got ${values.port ?? env.GATEHOUSE_PORT}`);
  const databaseUrl = values['database-url'] ?? env.GATEHOUSE_DATABASE_URL;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) throw new ConfigError('--database-url must be a postgres:// URL (leave it out for the embedded SQLite database)');
  return {
    help: values.help ?? false,
    port,
    host: values.host ?? env.GATEHOUSE_HOST ?? '127.0.0.1',
    dataDir: values['data-dir'] ?? env.GATEHOUSE_DATA_DIR ?? './data',
    databaseUrl: databaseUrl || undefined,
    region: values.region ?? env.GATEHOUSE_REGION ?? 'us-east-1',
    publicUrl: publicUrl(values['public-url'] ?? env.GATEHOUSE_PUBLIC_URL),
    demo: values.demo ?? truthy(env.GATEHOUSE_DEMO),
    masterKey: env.GATEHOUSE_MASTER_KEY || undefined,
    bootstrapKey: bootstrapKey(env),
    logLevel: values['log-level'] ?? env.GATEHOUSE_LOG_LEVEL ?? 'info',
    mfaMode: mfaMode(env.GATEHOUSE_MFA_MODE),
    provisioning: provisioning(env),
    retention: retention(env),
    tls: tlsConfig(values['tls-cert'] ?? env.GATEHOUSE_TLS_CERT, values['tls-key'] ?? env.GATEHOUSE_TLS_KEY),
    trustProxy: trustProxyConfig(values['trust-proxy'] ?? env.GATEHOUSE_TRUST_PROXY),
  };
};
