// `gatehouse serve`: start, and drain on SIGTERM / SIGINT.

import { parseServeArgs } from '../server/config.js';
import { startServer } from '../server/serve.js';
import { createLogger } from '../server/logger.js';
import { SERVE_HELP } from './serve-help.js';


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
