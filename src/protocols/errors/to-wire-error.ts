// Any error a request produced, as the service's wire error: GatehouseError through the table,
// SigV4 failures through the auth names, anything else an InternalFailure that leaks nothing.

import { isGatehouseError, type GatehouseError } from '../../lib/errors.js';
import type { ServiceModel } from '../model/service-model.js';
import { SigV4Failure } from '../sigv4/sigv4-failure.js';
import { authWireError } from './auth-exceptions.js';
import { lookupException } from './exception-table.js';
import { INTERNAL_FAILURE, type WireError } from './wire-error.js';
import { WireFailure } from './wire-failure.js';

/** `GroupMembership` → `GROUP_MEMBERSHIP`, the spelling of identitystore's ResourceType. */
const upperSnake = (s: string) => s.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();

const detailFields = (err: GatehouseError, members: readonly string[], requestId: string) => {
  const fields: Record<string, string> = {};
  const { resource, reason, resourceId } = err.details;
  if (members.includes('Reason') && reason) fields.Reason = reason;
  // `Input` marks the model validator's failures; it names no resource.
  if (members.includes('ResourceType') && resource && resource !== 'Input') fields.ResourceType = upperSnake(resource);
  if (members.includes('ResourceId') && resourceId) fields.ResourceId = resourceId;
  if (members.includes('RequestId')) fields.RequestId = requestId;
  return fields;
};

export const gatehouseWireError = (err: GatehouseError, model: ServiceModel, requestId: string): WireError | undefined => {
  const entry = lookupException(model.prefix, err.code, err.details.resource);
  if (!entry) return undefined;
  const members = model.exceptions.get(entry.name)?.members ?? [];
  const fields = detailFields(err, members, requestId);
  // Where the shape spells it `Message`, send that too (SDKs read either).
  if (members.includes('Message')) fields.Message = err.message;
  return { name: entry.name, status: entry.status, message: err.message, fields, fault: entry.status >= 500 ? 'Receiver' : 'Sender' };
};

export const toWireError = (err: unknown, model: ServiceModel | undefined, protocol: 'json' | 'query', requestId: string): WireError => {
  if (err instanceof WireFailure) return err.wire;
  if (err instanceof SigV4Failure) return authWireError(err, protocol);
  if (isGatehouseError(err) && model) return gatehouseWireError(err, model, requestId) ?? unmapped(err, protocol);
  return INTERNAL_FAILURE;
};

/** A service block without a Validation entry still must not turn bad input into a 500. */
const unmapped = (err: GatehouseError, protocol: 'json' | 'query'): WireError =>
  err.code === 'Validation'
    ? { name: protocol === 'json' ? 'ValidationException' : 'ValidationError', status: 400, message: err.message, fault: 'Sender' }
    : INTERNAL_FAILURE;

