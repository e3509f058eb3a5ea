// The part of a call every protocol shares once the input is decoded: validate against the
// model, authorize, run the handler.

import { GatehouseError } from '../../lib/errors.js';
import type { Services } from '../../domain/services.js';
import { type InputTypeError, validateInput } from '../model/validate-input.js';
import { validationMessage } from '../model/validation-message.js';
import type { OperationModel } from '../model/service-model.js';
import type { CallContext, OperationHandler } from '../operation.js';
import type { Authorize } from './aws-routes-options.js';
import type { Principal } from '../../domain/principal.js';

export interface Invocation {
  readonly requestId: string;
  readonly sourceIp: string;
  readonly secureTransport: boolean;
  readonly services: Services;
  readonly authorize: Authorize;
  readonly actionPrefix: string;
  readonly operation: OperationModel;
  readonly handler: OperationHandler;
  /** Who signed the request, and the region of its credential scope. */
  readonly caller: { readonly principal: Principal; readonly region: string };
  /** Decoded but unvalidated input. */
  readonly input: unknown;
  /** How a wrong value type is reported (awsJson: SerializationException). */
  readonly onTypeError: (e: InputTypeError) => Error;
}

/** The model validator's refusal, as a domain error so it goes through the one table. */
export const inputValidationError = (message: string, field: string | undefined, reason: string | undefined) =>
  new GatehouseError('Validation', message, { resource: 'Input', ...(field ? { field } : {}), ...(reason ? { reason } : {}) });

const validated = (inv: Invocation): Record<string, unknown> => {
  let outcome: ReturnType<typeof validateInput>;
  try {
    outcome = validateInput(inv.operation.input, inv.input);
  } catch (e) {
    if (e instanceof Error && e.name === 'InputTypeError') throw inv.onTypeError(e as InputTypeError);
    throw e;
  }
  if (outcome.ok) return outcome.value;
  const first = outcome.failures[0]!;
  throw inputValidationError(validationMessage(outcome.failures), first.path, first.reason);
};

export const invokeOperation = async (inv: Invocation): Promise<Record<string, unknown>> => {
  const input = validated(inv);
  const ctx: CallContext = {
    requestId: inv.requestId,
    principal: inv.caller.principal,
    region: inv.caller.region,
    services: inv.services,
    sourceIp: inv.sourceIp,
    secureTransport: inv.secureTransport,
  };
  await inv.authorize(ctx.principal, `${inv.actionPrefix}:${inv.operation.name}`, input, ctx);
  return inv.handler(input, ctx);
};
