// The Fastify application: every API and the portal on one port, routed by protocol.

import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { Services } from '../domain/services.js';
import { registerHealthRoutes } from './health-routes.js';
import { registerWebRoutes } from './web-routes.js';
import { registerAwsRoutes } from '../protocols/http/register-aws-routes.js';
import { AWS_HANDLERS } from './aws-handlers.js';
import { loadActionCatalog } from '../protocols/authorization/action-catalog.js';
import { createRequestAuthorizer, invalidatingHandlers } from './request-authorizer.js';
import { createCredentialResolver } from './resolve-credentials.js';
import { createApiCallAuditor } from './audit-api-calls.js';
import type { Authorize } from '../protocols/http/aws-routes-options.js';
import type { TlsConfig, TrustProxy } from './transport-config.js';

/** The IAM action prefix of each model whose prefix differs from its name. */
const IAM_PREFIX: Readonly<Record<string, string>> = { 'sso-admin': 'sso' };

export interface AppOptions {
  readonly services: Services;
  readonly region: string;
  /** The configured public base URL (SAML entity ids and endpoints); else the listening address. */
  readonly publicUrl?: string | undefined;
  readonly logger?: Logger;
  /** Replaces request authorization (the authorization benchmark measures its cost). */
  readonly authorize?: Authorize;
  /** HTTPS with this certificate and key; else plain HTTP. */
  readonly tls?: TlsConfig | undefined;
  /** The proxies whose X-Forwarded-For / -Proto count for `request.ip` and `request.protocol`. */
  readonly trustProxy?: TrustProxy | undefined;
}

export const buildApp = async ({ services, region, publicUrl, logger, authorize, tls, trustProxy }: AppOptions): Promise<FastifyInstance> => {
  const app = Fastify({
    ...(logger ? { loggerInstance: logger } : { logger: false }),
    ...(tls ? { https: { cert: tls.cert, key: tls.key } } : {}),
    ...(trustProxy !== undefined ? { trustProxy: [...trustProxy] } : {}),
    genReqId: () => randomUUID(),
    bodyLimit: 1024 * 1024,
    return503OnClosing: true,
  }) as unknown as FastifyInstance;
  // SigV4 needs the exact bytes that were signed, so every body arrives as a Buffer.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

  registerHealthRoutes(app, services.ports.store);
  registerWebRoutes(app, services, region, publicUrl);
  const catalog = await loadActionCatalog();
  const handlers = Object.fromEntries(
    Object.entries(AWS_HANDLERS).map(([model, h]) => [model, invalidatingHandlers(services, catalog, IAM_PREFIX[model] ?? model, h)]),
  );
  registerAwsRoutes(app, {
    handlers,
    services,
    region,
    clock: services.ports.clock,
    resolveCredentials: createCredentialResolver(services),
    authorize: authorize ?? createRequestAuthorizer(services, catalog),
    onCall: createApiCallAuditor(services, catalog),
  });
  return app;
};
