// The part of a call every protocol shares once the input is decoded: validate against the
// model, authorize, run the handler; and telling the call hook how it ended.

import { GatehouseError } from '../../lib/errors.js';
import type { Services } from '../../domain/services.js';
import { type InputTypeError, validateInput } from '../model/validate-input.js';
import { validationMessage } from '../model/validation-message.js';
import type { OperationModel } from '../model/service-model.js';
import type { CallContext, OperationHandler } from '../operation.js';
import type { ApiCall, Authorize, OnCall } from './aws-routes-options.js';
import type { Principal } from '../../domain/principal.js';
import type { WireError } from '../errors/wire-error.js';

/** An ApiCall under way: decoding and validation fill `input`, the outcome `error`. */
export type CallInProgress = { -readonly [K in keyof ApiCall]: ApiCall[K] };

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
  /** Given the validated input, for the call hook. */
  readonly call?: CallInProgress;
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
  if (inv.call) inv.call.input = input;
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

/** The facts of a call known before it runs; `eventSource` is `<signing name>.amazonaws.com`. */
export const startCall = (
  requestId: string,
  sourceIp: string,
  userAgent: string | undefined,
  caller: Invocation['caller'],
  actionPrefix: string,
  operation: string,
): CallInProgress => ({
  requestId,
  principal: caller.principal,
  region: caller.region,
  sourceIp,
  userAgent,
  action: `${actionPrefix}:${operation}`,
  eventSource: `${actionPrefix}.amazonaws.com`,
});

/**
 * Runs a call and, when there is a hook, tells it how the call ended, once, before the answer
 * goes out (a client that saw the answer can find what the hook kept). The hook never changes
 * the answer: what it throws is only reported.
 */
export const runHeardCall = async <T>(
  onCall: OnCall | undefined,
  call: CallInProgress,
  toWire: (err: unknown) => WireError,
  onHookError: (err: unknown) => void,
  run: () => Promise<T>,
): Promise<T> => {
  if (!onCall) return run();
  let result: T;
  try {
    result = await run();
  } catch (err) {
    const wire = toWire(err);
    call.error = { code: wire.name, message: wire.message };
    await tell(onCall, call, onHookError);
    throw err;
  }
  await tell(onCall, call, onHookError);
  return result;
};

const tell = async (onCall: OnCall, call: ApiCall, onHookError: (err: unknown) => void): Promise<void> => {
  try {
    const pending = onCall(call);
    if (pending) await pending;
  } catch (err) {
    onHookError(err);
  }
};
