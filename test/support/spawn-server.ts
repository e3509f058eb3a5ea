// Gatehouse as a separate process, the way people run it: for tests of several nodes, signals
// and crashes. Resolves once the server prints where it listens.

import { spawn, type ChildProcess } from 'node:child_process';
import { TEST_ADMIN_CREDENTIALS } from './server.js';

export interface SpawnedServer {
  readonly url: string;
  readonly child: ChildProcess;
  /** Everything the process printed on stdout so far. */
  output(): string;
  /** Resolves with the exit code once the process has exited. */
  readonly exited: Promise<number | null>;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export interface SpawnOptions {
  readonly dataDir: string;
  readonly databaseUrl?: string;
  readonly masterKey: string;
  readonly args?: readonly string[];
  readonly env?: Readonly<Record<string, string>>;
}

/** A PostgreSQL URL whose connections use `schema` as their search path. */
export const urlWithSchema = (url: string, schema: string): string =>
  `${url}${url.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;

export const spawnServer = (options: SpawnOptions): Promise<SpawnedServer> => {
  const args = ['bin/gatehouse.js', 'serve', '--port', '0', '--data-dir', options.dataDir, '--log-level', 'warn', ...(options.args ?? [])];
  if (options.databaseUrl) args.push('--database-url', options.databaseUrl);
  const child = spawn(process.execPath, args, {
    env: {
      ...process.env,
      GATEHOUSE_MASTER_KEY: options.masterKey,
      GATEHOUSE_BOOTSTRAP_ACCESS_KEY_ID: TEST_ADMIN_CREDENTIALS.accessKeyId,
      GATEHOUSE_BOOTSTRAP_SECRET_ACCESS_KEY: TEST_ADMIN_CREDENTIALS.secretAccessKey,
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in time:\n${stdout}\n${stderr}`)), 30_000);
    child.stderr!.on('data', (d) => (stderr += d));
    child.stdout!.on('data', (d) => {
      stdout += d;
      const m = /Gatehouse listening on (\S+)/.exec(stdout);
      if (!m) return;
      clearTimeout(timer);
      resolve({
        url: m[1],
        child,
        output: () => stdout,
        exited,
        stop: (signal = 'SIGTERM') => {
          child.kill(signal);
          return exited;
        },
      });
    });
    exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before listening:\n${stdout}\n${stderr}`));
    });
  });
};
