// The credential scope must name this endpoint's region and the service being called, as AWS
// checks it: a signature made for another service or region is refused even if it is valid.

import type { SignatureParams } from './parse-signature.js';
import { SigV4Failure } from './sigv4-failure.js';

/** Services AWS serves from one global endpoint signed for us-east-1 whatever the region. */
const GLOBAL_SERVICES = new Set(['iam', 'organizations', 'sts']);

export const verifyScope = (p: SignatureParams, service: string, region: string): void => {
  if (p.service !== service) {
    throw new SigV4Failure('signature-mismatch', `Credential should be scoped to correct service: '${service}'. `);
  }
  const global = GLOBAL_SERVICES.has(service) && p.region === 'us-east-1';
  if (p.region !== region && !global) {
    throw new SigV4Failure('signature-mismatch', `Credential should be scoped to a valid region. `);
  }
};
