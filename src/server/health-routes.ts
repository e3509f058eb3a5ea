// Liveness and readiness for load balancers and orchestrators.

import type { FastifyInstance } from 'fastify';
import type { Store } from '../domain/store.js';

export const registerHealthRoutes = (app: FastifyInstance, store: Store): void => {
  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) => {
    try {
      await store.ping();
      return { status: 'ready' };
    } catch {
      return reply.code(503).send({ status: 'unavailable', reason: 'database unreachable' });
    }
  });
};
