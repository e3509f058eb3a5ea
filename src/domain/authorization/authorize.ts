// Every signed request is authorized here, and only here. Until the policy engine decides
// requests, the administrator created at bootstrap may do everything and nobody else anything.

import type { Principal } from '../principal.js';
import type { Services } from '../services.js';
import { accessDenied } from '../../lib/errors.js';

export interface AuthorizationQuery {
  /** `service:Action`, e.g. `identitystore:CreateUser`. */
  readonly action: string;
  /** The resource ARN, or `*`. */
  readonly resource: string;
}

export const authorize = async (services: Services, principal: Principal, query: AuthorizationQuery): Promise<void> => {
  const instance = await services.instance.get();
  if (principal.arn === instance.adminUserArn) return;
  throw accessDenied(
    `User: ${principal.arn} is not authorized to perform: ${query.action} on resource: ${query.resource} because no identity-based policy allows the ${query.action} action`,
  );
};
