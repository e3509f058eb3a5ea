// awsJson 1.1 dispatch: target → service and operation, SigV4, JSON body, then the shared
// validate/authorize/handle path, heard by the call hook; every answer is an awsJson document.

import type { FastifyReply, FastifyRequest } from 'fastify';
import { toWireError } from '../errors/to-wire-error.js';
import { wireFailure } from '../errors/wire-failure.js';
import type { ServiceModel } from '../model/service-model.js';
import { serializeJsonOutput } from '../model/serialize-json-output.js';
import { authenticate, type Authenticator } from '../http/authenticate.js';
import type { AwsRoutesOptions } from '../http/aws-routes-options.js';
import { startCall } from '../http/invoke-operation.js';
import { runOperationCall } from '../http/run-operation-call.js';
import type { ServiceRegistry } from '../http/service-registry.js';
import { signableFromRequest } from '../http/signable-from-request.js';
import { parseJsonBody } from './parse-json-body.js';
import { parseTarget } from './parse-target.js';
import { sendJson, sendJsonError } from './send-json.js';

export interface AwsJsonContext {
  readonly registry: ServiceRegistry;
  readonly auth: Authenticator;
  readonly options: AwsRoutesOptions;
}

const unknownOperation = (target: string) =>
  wireFailure('UnknownOperationException', `Operation ${target} is not supported by this service.`);

export const handleAwsJson = async (
  c: AwsJsonContext,
  request: FastifyRequest,
  reply: FastifyReply,
  target: string,
  requestId: string,
) => {
  let model: ServiceModel | undefined;
  try {
    const parsed = parseTarget(target);
    const service = parsed && c.registry.byTargetPrefix.get(parsed.prefix);
    if (!parsed || !service) throw unknownOperation(target);
    model = service.model;
    const req = signableFromRequest(request);
    const auth = await authenticate(c.auth, req, model.signingName);
    const operation = model.operations.get(parsed.operation);
    const handler = Object.hasOwn(service.handlers, parsed.operation) ? service.handlers[parsed.operation] : undefined;
    if (!operation || !handler) throw unknownOperation(target);
    const caller = { principal: auth.caller.principal, region: auth.signature.region };
    const call = startCall(requestId, request.ip, request.headers['user-agent'], caller, service.actionPrefix, operation.name);
    return sendJson(reply, await runOperationCall(c.options, request, { service, operation, handler }, call, {
      protocol: 'json',
      decode: () => parseJsonBody(req.body),
      onTypeError: (e) => wireFailure('SerializationException', e.message),
      serialize: serializeJsonOutput,
    }));
  } catch (err) {
    const wire = toWireError(err, model, 'json', requestId);
    if (wire.status >= 500) request.log.error({ err, requestId }, 'AWS request failed');
    return sendJsonError(reply, wire);
  }
};
