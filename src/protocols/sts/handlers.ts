// The STS operations implemented so far, for `handlers.sts` in registerAwsRoutes' options.

import type { ServiceHandlers } from '../operation.js';
import { getCallerIdentity } from './get-caller-identity.js';
import { assumeRole } from './assume-role.js';

export const STS_HANDLERS: ServiceHandlers = {
  GetCallerIdentity: getCallerIdentity,
  AssumeRole: assumeRole,
};
