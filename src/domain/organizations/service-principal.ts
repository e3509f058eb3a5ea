// Service principals name AWS services (`sso.amazonaws.com`). Gatehouse keeps no catalogue of
// services that integrate with Organizations; it accepts any well-formed service principal.

import { invalidInput } from './errors.js';

const SERVICE_PRINCIPAL = /^[a-z0-9][a-z0-9-]*(\.[a-z0-9][a-z0-9-]*)*\.amazonaws\.com(\.cn)?$/;

export function checkServicePrincipal(value: string, field = 'ServicePrincipal'): void {
  if (!SERVICE_PRINCIPAL.test(value)) {
    throw invalidInput(field, 'UNRECOGNIZED_SERVICE_PRINCIPAL', `The service principal ${value} is not recognized.`);
  }
}
