// The AWS wire endpoints on one Fastify app: `POST /` with X-Amz-Target is awsJson 1.1
// (identitystore, sso-admin, organizations); `POST /` form-encoded or `GET /?Action=` is the
// query protocol (sts, iam). Every response carries `x-amzn-RequestId`.

import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { handleAwsJson } from '../awsjson/handle-awsjson.js';
import { handleQuery } from '../query/handle-query.js';
import { SigningKeyCache } from '../sigv4/signing-key-cache.js';
import type { Authenticator } from './authenticate.js';
import type { AwsRoutesOptions } from './aws-routes-options.js';
import { buildServiceRegistry } from './service-registry.js';

export type { AwsRoutesOptions } from './aws-routes-options.js';

export async function registerAwsRoutes(app: FastifyInstance, options: AwsRoutesOptions): Promise<void> {
  const registry = buildServiceRegistry(options.handlers, options.modelsDir);
  const auth: Authenticator = {
    region: options.region,
    clock: options.clock,
    resolveCredentials: options.resolveCredentials,
    keys: new SigningKeyCache(),
  };
  const context = { registry, auth, options };

  const route = async (request: FastifyRequest, reply: FastifyReply) => {
    // The app's request id (a UUID from genReqId) when it has one, so logs and clients agree.
    const requestId = typeof request.id === 'string' && /^[0-9a-f-]{36}$/.test(request.id) ? request.id : randomUUID();
    reply.header('x-amzn-RequestId', requestId);
    const target = request.headers['x-amz-target'];
    if (typeof target === 'string' && request.method === 'POST') {
      return handleAwsJson(context, request, reply, target, requestId);
    }
    return handleQuery(context, request, reply, requestId);
  };

  app.post('/', route);
  app.get('/', route);
}
