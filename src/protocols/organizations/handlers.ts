// The Organizations (AWSOrganizationsV20161128) operations Gatehouse answers. The wire adapter
// has validated each input against the model; handlers call the OrganizationsService and
// return the model's output shapes.

import type { ServiceHandlers } from '../operation.js';
import { TREE_HANDLERS } from './tree-handlers.js';
import { POLICY_HANDLERS } from './policy-handlers.js';
import { DELEGATION_HANDLERS } from './delegation-handlers.js';

export const ORGANIZATIONS_HANDLERS: ServiceHandlers = {
  ...TREE_HANDLERS,
  ...POLICY_HANDLERS,
  ...DELEGATION_HANDLERS,
};
