// One operation of a service by a verified caller, the same for awsJson and query: decode the
// input, invoke (validate, authorize, handle), serialize; the call hook hears how it ended.
// The protocols differ only in what `WireCall` supplies.

import type { FastifyRequest } from 'fastify';
import { toWireError } from '../errors/to-wire-error.js';
import type { InputTypeError } from '../model/validate-input.js';
import type { OperationModel } from '../model/service-model.js';
import type { OperationHandler } from '../operation.js';
import type { AwsRoutesOptions } from './aws-routes-options.js';
import { type CallInProgress, invokeOperation, runHeardCall } from './invoke-operation.js';
import type { ServiceEntry } from './service-registry.js';

export interface WireCall<T> {
  readonly protocol: 'json' | 'query';
  /** The decoded, not yet validated input (may record raw input on `call` when it fails). */
  readonly decode: () => unknown;
  readonly onTypeError: (e: InputTypeError) => Error;
  readonly serialize: (output: Record<string, unknown>) => T;
}

export const runOperationCall = <T>(
  options: AwsRoutesOptions,
  request: FastifyRequest,
  target: { readonly service: ServiceEntry; readonly operation: OperationModel; readonly handler: OperationHandler },
  call: CallInProgress,
  wire: WireCall<T>,
): Promise<T> =>
  runHeardCall(
    options.onCall,
    call,
    (err) => toWireError(err, target.service.model, wire.protocol, call.requestId),
    (err) => request.log.error({ err, requestId: call.requestId }, 'AWS call hook failed'),
    async () => {
      call.input = wire.decode();
      const output = await invokeOperation({
        requestId: call.requestId,
        sourceIp: call.sourceIp,
        secureTransport: request.protocol === 'https',
        services: options.services,
        authorize: options.authorize,
        actionPrefix: target.service.actionPrefix,
        operation: target.operation,
        handler: target.handler,
        caller: call,
        input: call.input,
        onTypeError: wire.onTypeError,
        call,
      });
      return wire.serialize(output);
    },
  );
