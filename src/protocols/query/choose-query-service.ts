// sts and iam share one endpoint and one action name space. The SigV4 credential scope's service
// decides; without a usable signature (so only to shape the error), the service that defines
// the action, sts first.

import type { SignatureParams } from '../sigv4/parse-signature.js';
import type { ServiceEntry, ServiceRegistry } from '../http/service-registry.js';

export const chooseQueryService = (
  registry: ServiceRegistry,
  signature: SignatureParams | undefined,
  action: string | undefined,
): ServiceEntry => {
  const byScope = signature && registry.querySigningNames.get(signature.service);
  if (byScope) return byScope;
  const byAction = action !== undefined && registry.queryServices.find((s) => s.model.operations.has(action));
  return byAction || registry.queryServices[0]!;
};
