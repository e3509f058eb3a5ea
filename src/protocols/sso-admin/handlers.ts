// Every sso-admin operation Gatehouse answers besides the instance ones (instance-handlers.ts).

import type { ServiceHandlers } from '../operation.js';
import { PERMISSION_SET_HANDLERS } from './permission-set-handlers.js';
import { POLICY_HANDLERS } from './policy-handlers.js';
import { ASSIGNMENT_HANDLERS } from './assignment-handlers.js';
import { PROVISIONING_HANDLERS } from './provisioning-handlers.js';
import { ATTRIBUTE_HANDLERS } from './attribute-handlers.js';

export const SSO_ADMIN_HANDLERS: ServiceHandlers = {
  ...PERMISSION_SET_HANDLERS,
  ...POLICY_HANDLERS,
  ...ASSIGNMENT_HANDLERS,
  ...PROVISIONING_HANDLERS,
  ...ATTRIBUTE_HANDLERS,
};
