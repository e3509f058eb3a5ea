// A real Gatehouse server for conformance tests: listening on a free loopback port, on a fresh
// SQLite folder or a fresh PostgreSQL schema, with a known administrator key.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { startServer, type RunningServer } from '../../src/server/serve.js';
import type { Clock } from '../../src/lib/clock.js';
import type { ServerConfig } from '../../src/server/config.js';
import { createTestSchema, TEST_DATABASE_URL } from './backends.js';

export const TEST_REGION = 'us-east-1';

export const TEST_ADMIN_CREDENTIALS = {
  accessKeyId: 'AKIAGATEHOUSETEST234',
  secretAccessKey: 'gatehouse-test-secret-key-0123456789abcdefghij',
} as const;

export interface TestServer {
  readonly endpoint: string;
  readonly region: string;
  readonly credentials: { accessKeyId: string; secretAccessKey: string };
  readonly server: RunningServer;
  /** The options an AWS SDK client needs to talk to this server as the administrator. */
  readonly clientConfig: {
    endpoint: string;
    region: string;
    credentials: { accessKeyId: string; secretAccessKey: string };
  };
  close(): Promise<void>;
}

export interface TestServerOptions {
  readonly backend?: 'sqlite' | 'postgres';
  readonly demo?: boolean;
  readonly clock?: Clock;
  readonly mfaMode?: 'required' | 'optional' | 'off';
  readonly retention?: ServerConfig['retention'];
  readonly tls?: ServerConfig['tls'];
  readonly trustProxy?: ServerConfig['trustProxy'];
}

export const startTestServer = async (options: TestServerOptions = {}): Promise<TestServer> => {
  const dataDir = mkdtempSync(join(tmpdir(), 'gatehouse-server-'));
  const pg = options.backend === 'postgres' ? await createTestSchema() : undefined;
  const server = await startServer(
    {
      port: 0,
      host: '127.0.0.1',
      dataDir,
      databaseUrl: pg ? TEST_DATABASE_URL : undefined,
      region: TEST_REGION,
      demo: options.demo ?? false,
      masterKey: randomBytes(32).toString('base64'),
      bootstrapKey: { ...TEST_ADMIN_CREDENTIALS },
      logLevel: 'silent',
      mfaMode: options.mfaMode,
      provisioning: {},
      retention: options.retention ?? {},
      tls: options.tls,
      trustProxy: options.trustProxy,
    },
    { print: () => {}, clock: options.clock, postgresSchema: pg?.schema },
  );
  const credentials = { ...TEST_ADMIN_CREDENTIALS };
  return {
    endpoint: server.url,
    region: TEST_REGION,
    credentials,
    server,
    clientConfig: { endpoint: server.url, region: TEST_REGION, credentials },
    async close() {
      await server.close();
      await pg?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
};
