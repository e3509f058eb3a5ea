// How Gatehouse meets the network: HTTPS of its own (`--tls-cert`, `--tls-key`), and which
// reverse proxies it believes (`--trust-proxy`). Both decide what a request says about itself:
// `aws:SecureTransport`, `aws:SourceIp`, Secure cookies and the WebAuthn origin.

import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { createSecureContext } from 'node:tls';
import { ConfigError } from './config-error.js';

export interface TlsConfig {
  /** PEM: the certificate chain, leaf first. */
  readonly cert: string;
  /** PEM: the certificate's private key. */
  readonly key: string;
}

/**
 * The proxies whose X-Forwarded-For / -Proto count: addresses and CIDR ranges (and proxy-addr's
 * `loopback`, `linklocal`, `uniquelocal`). Trusting every sender, or a hop count that cannot
 * check who is talking, would let any client choose its own `aws:SourceIp`: neither is offered.
 */
export type TrustProxy = readonly string[];

const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

const readPem = (option: string, file: string): string => {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw new ConfigError(`${option}: cannot read ${file} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
};

/** Both files or neither; the key must be the certificate's. */
export const tlsConfig = (certFile: string | undefined, keyFile: string | undefined): TlsConfig | undefined => {
  if (!certFile && !keyFile) return undefined;
  if (!certFile || !keyFile) throw new ConfigError('give both --tls-cert and --tls-key, or neither');
  const tls = { cert: readPem('--tls-cert', certFile), key: readPem('--tls-key', keyFile) };
  try {
    createSecureContext(tls);
  } catch (e) {
    throw new ConfigError(`--tls-cert and --tls-key do not make a usable TLS identity: ${(e as Error).message}`);
  }
  return tls;
};

const isAddressOrRange = (item: string): boolean => {
  if (NAMED_RANGES.has(item)) return true;
  const [address, prefix, extra] = item.split('/');
  const family = isIP(address ?? '');
  if (family === 0 || extra !== undefined) return false;
  if (prefix === undefined) return true;
  const bits = Number(prefix);
  // A /0 range is every address: the "trust everyone" this option does not offer.
  return /^\d+$/.test(prefix) && bits >= 1 && bits <= (family === 4 ? 32 : 128);
};

export const trustProxyConfig = (raw: string | undefined): TrustProxy | undefined => {
  if (raw === undefined || raw.trim() === '') return undefined;
  const items = raw.split(',').map((s) => s.trim());
  const bad = items.find((item) => !isAddressOrRange(item));
  if (bad !== undefined) {
    throw new ConfigError(`--trust-proxy must list addresses and CIDR ranges (or loopback, linklocal, uniquelocal), got '${bad}'`);
  }
  return items;
};
