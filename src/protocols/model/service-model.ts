// One AWS service as the adapters see it: its operations with resolved input and output
// schemas, and its modeled exceptions (status and message member casing) from the documented
// model, which is the only one that still carries error shapes.

import type { RawModel, RawShape } from './raw-model.js';
import type { Schema } from './schema.js';
import { SchemaResolver } from './resolve-schema.js';

export interface OperationModel {
  readonly name: string;
  readonly input: Schema;
  readonly output: Schema;
  /** The query protocol's result wrapper element, e.g. `GetCallerIdentityResult`. */
  readonly resultWrapper?: string;
}

export interface ExceptionModel {
  readonly name: string;
  /** The query protocol's `Code`, which may differ from the shape name. */
  readonly code: string;
  readonly status: number;
  /** The members the exception shape declares (`Message` or `message`, `Reason`, ...). */
  readonly members: readonly string[];
}

export interface ServiceModel {
  /** The model file prefix: `identitystore`, `sso-admin`, `organizations`, `sts`, `iam`. */
  readonly prefix: string;
  readonly protocol: 'json' | 'query' | 'rest-json';
  readonly signingName: string;
  readonly targetPrefix?: string;
  readonly xmlNamespace?: string;
  readonly apiVersion: string;
  readonly operations: ReadonlyMap<string, OperationModel>;
  readonly exceptions: ReadonlyMap<string, ExceptionModel>;
}

export const buildServiceModel = (prefix: string, newest: RawModel, documented: RawModel): ServiceModel => {
  const resolver = new SchemaResolver(newest.shapes ?? {}, documented.shapes ?? {});
  const operations = new Map<string, OperationModel>();
  for (const [name, op] of Object.entries(newest.operations)) {
    const docOp = documented.operations[name];
    operations.set(name, {
      name,
      input: resolver.resolve(op.input ?? { type: 'structure', members: {} }, docOp?.input),
      output: resolver.resolve(op.output ?? { type: 'structure', members: {} }, docOp?.output),
      ...(op.output?.resultWrapper ? { resultWrapper: op.output.resultWrapper } : {}),
    });
  }
  const m = newest.metadata;
  return {
    prefix,
    protocol: m.protocol as ServiceModel['protocol'],
    signingName: m.signingName ?? m.endpointPrefix,
    ...(m.targetPrefix ? { targetPrefix: m.targetPrefix } : {}),
    ...(m.xmlNamespace ? { xmlNamespace: m.xmlNamespace } : {}),
    apiVersion: m.apiVersion,
    operations,
    exceptions: collectExceptions(documented.shapes ?? {}),
  };
};

const collectExceptions = (shapes: Readonly<Record<string, RawShape>>): Map<string, ExceptionModel> => {
  const out = new Map<string, ExceptionModel>();
  for (const [name, shape] of Object.entries(shapes)) {
    if (!shape.exception) continue;
    out.set(name, {
      name,
      code: shape.error?.code ?? name,
      status: shape.error?.httpStatusCode ?? (shape.error?.senderFault === false ? 500 : 400),
      members: Object.keys(shape.members ?? {}),
    });
  }
  return out;
};
