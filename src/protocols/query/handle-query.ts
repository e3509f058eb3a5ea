// Query protocol dispatch (sts, iam): form parameters, service by SigV4 scope, action → operation,
// then the shared validate/authorize/handle path, heard by the call hook; every answer is XML.

import type { FastifyReply, FastifyRequest } from 'fastify';
import { toWireError } from '../errors/to-wire-error.js';
import { wireFailure } from '../errors/wire-failure.js';
import { authenticate, type Authenticator } from '../http/authenticate.js';
import type { AwsRoutesOptions } from '../http/aws-routes-options.js';
import { type CallInProgress, inputValidationError, startCall } from '../http/invoke-operation.js';
import { runOperationCall } from '../http/run-operation-call.js';
import type { OperationModel } from '../model/service-model.js';
import type { ServiceEntry, ServiceRegistry } from '../http/service-registry.js';
import { signableFromRequest } from '../http/signable-from-request.js';
import { InputTypeError } from '../model/validate-input.js';
import { parseSignature, type SignatureParams } from '../sigv4/parse-signature.js';
import { SigV4Failure } from '../sigv4/sigv4-failure.js';
import { ANONYMOUS } from '../../domain/principal.js';
import type { SignableRequest } from '../sigv4/signable-request.js';
import { chooseQueryService } from './choose-query-service.js';
import { decodeForm } from './decode-form.js';
import { decodeQueryInput } from './decode-query-input.js';
import { sendXml, sendXmlError } from './send-xml.js';
import { serializeQueryOutput } from './serialize-query-output.js';

export interface QueryContext {
  readonly registry: ServiceRegistry;
  readonly auth: Authenticator;
  readonly options: AwsRoutesOptions;
}

const tryParseSignature = (req: SignableRequest): SignatureParams | Error => {
  try {
    return parseSignature(req);
  } catch (e) {
    return e as Error;
  }
};

// Both are needed before the service is known (to shape even their own errors), so their
// failures are held until the service is chosen.
const tryDecodeForm = (req: SignableRequest, contentType: string | undefined): Map<string, string> | Error => {
  try {
    return decodeForm(req.query, req.body, contentType);
  } catch (e) {
    return e as Error;
  }
};

// The query protocol has only strings on the wire, so a value that does not parse as its type
// is a constraint failure there (awsJson answers SerializationException instead).
const typeErrorAsValidation = (e: InputTypeError) =>
  inputValidationError(
    `1 validation error detected: Value at '${e.path}' failed to satisfy constraint: Member must be of type ${e.expected}`,
    e.path,
    undefined,
  );

/** STS actions whose credential is in the input (an assertion or token): AWS takes them unsigned. */
const UNSIGNED_ACTIONS: ReadonlySet<string> = new Set(['AssumeRoleWithSAML', 'AssumeRoleWithWebIdentity']);

/** The signer, or the anonymous caller of an unsigned federation call. */
const callerOf = async (c: QueryContext, req: SignableRequest, service: ServiceEntry, signature: SignatureParams | Error, action: string | undefined) => {
  if (signature instanceof SigV4Failure && signature.reason === 'missing-authentication' && service.actionPrefix === 'sts' && UNSIGNED_ACTIONS.has(action ?? '')) {
    return { principal: ANONYMOUS, region: c.options.region };
  }
  if (signature instanceof Error) throw signature;
  const auth = await authenticate(c.auth, req, service.model.signingName, signature);
  return { principal: auth.caller.principal, region: auth.signature.region };
};

/** The form's own parameters, as the hook hears an input that did not decode. */
const rawInput = (params: Map<string, string>): Record<string, string> => {
  const out = Object.fromEntries(params);
  delete out.Action;
  delete out.Version;
  return out;
};

/** The typed input; when the form does not decode, the hook hears the form as it came. */
const decode = (operation: OperationModel, params: Map<string, string>, call: CallInProgress): unknown => {
  try {
    return decodeQueryInput(operation.input, params);
  } catch (e) {
    call.input = rawInput(params);
    throw e instanceof InputTypeError ? typeErrorAsValidation(e) : e;
  }
};


const run = async (c: QueryContext, request: FastifyRequest, req: SignableRequest, service: ServiceEntry, signature: SignatureParams | Error, params: Map<string, string>, requestId: string) => {
  const action = params.get('Action');
  const caller = await callerOf(c, req, service, signature, action);
  if (!action) throw wireFailure('MissingAction', 'Missing Action');
  const operation = service.model.operations.get(action);
  const handler = Object.hasOwn(service.handlers, action) ? service.handlers[action] : undefined;
  if (!operation || !handler) {
    throw wireFailure('InvalidAction', `Could not find operation ${action} for version ${service.model.apiVersion}`);
  }
  const call = startCall(requestId, request.ip, request.headers['user-agent'], caller, service.actionPrefix, operation.name);
  return runOperationCall(c.options, request, { service, operation, handler }, call, {
    protocol: 'query',
    decode: () => decode(operation, params, call),
    onTypeError: typeErrorAsValidation,
    serialize: (output) => serializeQueryOutput(operation, output, service.model.xmlNamespace ?? '', call.requestId),
  });
};

export const handleQuery = async (c: QueryContext, request: FastifyRequest, reply: FastifyReply, requestId: string) => {
  const req = signableFromRequest(request);
  const params = tryDecodeForm(req, request.headers['content-type']);
  const signature = tryParseSignature(req);
  const action = params instanceof Error ? undefined : params.get('Action');
  const service = chooseQueryService(c.registry, signature instanceof Error ? undefined : signature, action);
  try {
    if (params instanceof Error) throw params;
    return sendXml(reply, await run(c, request, req, service, signature, params, requestId));
  } catch (err) {
    const wire = toWireError(err, service.model, 'query', requestId);
    if (wire.status >= 500) request.log.error({ err, requestId }, 'AWS request failed');
    return sendXmlError(reply, wire, service.model.xmlNamespace ?? '', requestId);
  }
};
