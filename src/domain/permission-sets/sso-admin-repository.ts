// Everything sso-admin keeps, as one port of the Store: permission sets, assignments and
// provisioning (one database, one transaction across them).

import type { PermissionSetRepository } from './permission-set-repository.js';
import type { AssignmentRepository } from '../assignments/assignment-repository.js';
import type { ProvisioningRepository } from '../provisioning/provisioning-repository.js';

export interface SsoAdminRepository extends PermissionSetRepository, AssignmentRepository, ProvisioningRepository {}
