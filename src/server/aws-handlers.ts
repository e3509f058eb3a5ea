// The operation handlers of every AWS service Gatehouse speaks, keyed by model name.

import type { ServiceHandlers } from '../protocols/operation.js';
import { IDENTITYSTORE_HANDLERS } from '../protocols/identitystore/handlers.js';
import { ORGANIZATIONS_HANDLERS } from '../protocols/organizations/handlers.js';
import { SSO_ADMIN_INSTANCE_HANDLERS } from '../protocols/sso-admin/instance-handlers.js';
import { SSO_ADMIN_HANDLERS } from '../protocols/sso-admin/handlers.js';
import { STS_HANDLERS } from '../protocols/sts/handlers.js';
import { IAM_HANDLERS } from '../protocols/iam/handlers.js';
import { SIMULATION_HANDLERS } from '../protocols/iam/simulation-handlers.js';
import { GATEHOUSE_ADMIN_HANDLERS } from '../protocols/gatehouse-admin/handlers.js';

export const AWS_HANDLERS: Readonly<Record<string, ServiceHandlers>> = {
  identitystore: IDENTITYSTORE_HANDLERS,
  organizations: ORGANIZATIONS_HANDLERS,
  'sso-admin': { ...SSO_ADMIN_INSTANCE_HANDLERS, ...SSO_ADMIN_HANDLERS },
  sts: STS_HANDLERS,
  iam: { ...IAM_HANDLERS, ...SIMULATION_HANDLERS },
  'gatehouse-admin': GATEHOUSE_ADMIN_HANDLERS,
};
