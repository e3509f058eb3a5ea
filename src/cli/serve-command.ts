// `gatehouse serve`: start, and drain on SIGTERM / SIGINT.

import { parseServeArgs, ConfigError } from '../server/config.js';
import { startServer } from '../server/serve.js';
import { createLogger } from '../server/logger.js';

export const SERVE_HELP = `Usage: gatehouse serve [options]

Options (each also from an environment variable):
  --port N             Port to listen on                    GATEHOUSE_PORT       (8080)
  --host ADDR          Address to listen on                 GATEHOUSE_HOST       (127.0.0.1)
  --data-dir DIR       Data folder: the SQLite database,    GATEHOUSE_DATA_DIR   (./data)
                       the generated master key and the
                       administrator's credentials file
  --database-url URL   A postgres:// URL selects PostgreSQL GATEHOUSE_DATABASE_URL (SQLite)
  --region REGION      The region Gatehouse answers as      GATEHOUSE_REGION     (us-east-1)
  --demo               Seed a demo organization             GATEHOUSE_DEMO
  --log-level LEVEL    trace, debug, info, warn, error      GATEHOUSE_LOG_LEVEL  (info)
  -h, --help           Show this help

Environment only:
  GATEHOUSE_MASTER_KEY                 Key ring that seals secrets at rest: a base64 32-byte
                                       key, or id:key,id:key with the sealing key first.
                                       Without it a key file is generated under --data-dir
                                       (nodes sharing a PostgreSQL database must share it).
  GATEHOUSE_BOOTSTRAP_ACCESS_KEY_ID    Fix the administrator's access key created on first
  GATEHOUSE_BOOTSTRAP_SECRET_ACCESS_KEY start instead of generating one.
`;

export const serveCommand = async (args: string[]): Promise<number> => {
  let config;
  try {
    config = parseServeArgs(args, process.env);
  } catch (e) {
    process.stderr.write(`gatehouse serve: ${(e as Error).message}\n\n${SERVE_HELP}`);
    return 2;
  }
  if (config.help) {
    process.stdout.write(SERVE_HELP);
    return 0;
  }
  const logger = createLogger(config.logLevel);
  const server = await startServer(config, { logger });
  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      logger.info({ signal }, 'draining in-flight requests and stopping');
      server.close().then(resolve, (e) => {
        logger.error({ err: e }, 'error while stopping');
        resolve();
      });
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
  });
  return 0;
};
