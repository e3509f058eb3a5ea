// The composition root: configuration in, a running server out.

import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { ServerConfig } from './config.js';
import { loadKeyRing } from './load-key-ring.js';
import { buildApp } from './app.js';
import { openStore } from '../store/open-store.js';
import type { KyselyStore } from '../store/kysely-store.js';
import { createServices, type Services } from '../domain/services.js';
import { initializeInstallation } from '../domain/bootstrap/initialize-installation.js';
import { ensureAccountAccessRoles } from '../domain/organizations-iam/ensure-account-access-roles.js';
import { seedDemo } from './demo/seed-demo.js';
import { systemClock, type Clock } from '../lib/clock.js';
import { cryptoRandom } from '../lib/random.js';
import { ProvisioningWorker } from './provisioning-worker.js';
import { RetentionSweeper } from './retention-sweeper.js';

export interface RunningServer {
  readonly app: FastifyInstance;
  readonly store: KyselyStore;
  readonly services: Services;
  readonly url: string;
  close(): Promise<void>;
}

export interface StartOptions {
  readonly logger?: Logger;
  /** Where people-facing lines go (the credentials file, demo sign-in details). */
  readonly print?: (line: string) => void;
  readonly clock?: Clock;
  /** PostgreSQL schema (tests isolate themselves this way). */
  readonly postgresSchema?: string;
}

const CREDENTIALS_FILE = 'admin-credentials';

/** Writes the admin's key as an AWS credentials file readable by its owner only. */
const writeAdminCredentials = (dataDir: string, key: { accessKeyId: string; secretAccessKey: string }): string => {
  const file = resolve(join(dataDir, CREDENTIALS_FILE));
  const body = `[gatehouse-admin]\naws_access_key_id = ${key.accessKeyId}\naws_secret_access_key = ${key.secretAccessKey}\n`;
  writeFileSync(file, body, { mode: 0o600 });
  return file;
};

export const startServer = async (config: ServerConfig, options: StartOptions = {}): Promise<RunningServer> => {
  const print = options.print ?? ((line: string) => process.stdout.write(`${line}\n`));
  const { keyRing } = loadKeyRing(config.masterKey, config.dataDir);
  const store = await openStore({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    postgres: options.postgresSchema ? { schema: options.postgresSchema } : undefined,
  });
  const services = createServices({ store, clock: options.clock ?? systemClock, random: cryptoRandom, keyRing });
  const installation = await initializeInstallation(services, { bootstrapKey: config.bootstrapKey });
  await services.directory.ensureSettings(config.mfaMode ? { mfaMode: config.mfaMode } : {});
  // Finishes account roles a previous run recorded but did not create (a crash in between).
  await ensureAccountAccessRoles(services);
  if (installation.adminKey && !config.bootstrapKey) {
    print(`Administrator access key written to ${writeAdminCredentials(config.dataDir, installation.adminKey)}`);
  }
  if (config.demo) await seedDemo(services, print);

  const app = await buildApp({ services, region: config.region, publicUrl: config.publicUrl, logger: options.logger, tls: config.tls, trustProxy: config.trustProxy });
  // Every kept audit event is also a JSON log line, for whatever collects the logs.
  services.audit.addSink((event) => app.log.info({ audit: event }, 'audit event'));
  services.audit.reportFailuresTo((err) => app.log.error({ err }, 'audit event not kept'));
  const address = await app.listen({ port: config.port, host: config.host });
  const worker = new ProvisioningWorker(services, { region: config.region, logger: app.log, ...config.provisioning });
  worker.start();
  const sweeper = new RetentionSweeper(services.ports, { logger: app.log, ...config.retention });
  sweeper.start();
  print(`Gatehouse listening on ${address}`);
  print(`Start URL (gatehouse login, aws sso login, SDK sso-session profiles): ${address}/start`);
  return {
    app,
    store,
    services,
    url: address,
    async close() {
      await Promise.all([worker.stop(), sweeper.stop()]);
      await app.close();
      // The audit events of the last requests may still be gathering for a group commit.
      await services.audit.flush();
      await store.close();
    },
  };
};
