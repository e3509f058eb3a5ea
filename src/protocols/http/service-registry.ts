// The services the adapters speak, with their models and handlers, indexed the ways requests
// name them: awsJson by X-Amz-Target prefix, query by SigV4 scope service or by action name.

import type { ServiceHandlers } from '../operation.js';
import { loadServiceModel } from '../model/load-service-model.js';
import type { ServiceModel } from '../model/service-model.js';

export interface ServiceEntry {
  readonly model: ServiceModel;
  readonly handlers: ServiceHandlers;
  /** The IAM action prefix (`sso` for sso-admin); AWS uses the signing name. */
  readonly actionPrefix: string;
}

export interface ServiceRegistry {
  readonly byTargetPrefix: ReadonlyMap<string, ServiceEntry>;
  /** Query services by signing name (`sts`, `iam`). */
  readonly querySigningNames: ReadonlyMap<string, ServiceEntry>;
  readonly queryServices: readonly ServiceEntry[];
}

export const AWS_JSON_SERVICES = ['identitystore', 'sso-admin', 'organizations', 'gatehouse-admin'] as const;
export const QUERY_SERVICES = ['sts', 'iam'] as const;

export const buildServiceRegistry = (
  handlers: Readonly<Record<string, ServiceHandlers>>,
  modelsDir?: string,
): ServiceRegistry => {
  const entry = (prefix: string): ServiceEntry => {
    const model = loadServiceModel(prefix, modelsDir);
    return { model, handlers: handlers[prefix] ?? {}, actionPrefix: model.signingName };
  };
  const byTargetPrefix = new Map<string, ServiceEntry>();
  for (const prefix of AWS_JSON_SERVICES) {
    const e = entry(prefix);
    byTargetPrefix.set(e.model.targetPrefix!, e);
  }
  const queryServices = QUERY_SERVICES.map(entry);
  return {
    byTargetPrefix,
    querySigningNames: new Map(queryServices.map((e) => [e.model.signingName, e])),
    queryServices,
  };
};
