// IAM's operation handlers, keyed by model operation name. Every operation acts in the
// caller's account (ctx.principal.accountId), as an API caller (never the provisioner).

import type { ServiceHandlers } from '../operation.js';
import { ROLE_HANDLERS } from './role-handlers.js';
import { USER_HANDLERS } from './user-handlers.js';
import { POLICY_HANDLERS } from './policy-handlers.js';
import { ACCOUNT_HANDLERS } from './account-handlers.js';

export const IAM_HANDLERS: ServiceHandlers = {
  ...ROLE_HANDLERS,
  ...USER_HANDLERS,
  ...POLICY_HANDLERS,
  ...ACCOUNT_HANDLERS,
};
