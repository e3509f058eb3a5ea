// ProvisionPermissionSet and its statuses, and the drift-aware lists of what is provisioned.

import type { ServiceHandlers } from '../operation.js';
import { pageRequest, pageShape, provisioningStatusShape, statusMetadataShape } from './shapes.js';

export const PROVISIONING_HANDLERS: ServiceHandlers = {
  async ProvisionPermissionSet(input, { services }) {
    const job = await services.ssoAdmin.provisionPermissionSet(input.InstanceArn, input.PermissionSetArn, input.TargetType, input.TargetId);
    return { PermissionSetProvisioningStatus: provisioningStatusShape(job) };
  },
  async DescribePermissionSetProvisioningStatus(input, { services }) {
    const job = await services.ssoAdmin.describeProvisioning(input.InstanceArn, input.ProvisionPermissionSetRequestId);
    return { PermissionSetProvisioningStatus: provisioningStatusShape(job) };
  },
  async ListPermissionSetProvisioningStatus(input, { services }) {
    const page = await services.ssoAdmin.listProvisioning(input.InstanceArn, input.Filter?.Status, pageRequest(input));
    return pageShape('PermissionSetsProvisioningStatus', page, statusMetadataShape);
  },
  async ListAccountsForProvisionedPermissionSet(input, { services }) {
    const page = await services.ssoAdmin.listAccountsForProvisionedPermissionSet(
      input.InstanceArn, input.PermissionSetArn, input.ProvisioningStatus, pageRequest(input));
    return pageShape('AccountIds', page);
  },
  async ListPermissionSetsProvisionedToAccount(input, { services }) {
    const page = await services.ssoAdmin.listPermissionSetsProvisionedToAccount(
      input.InstanceArn, input.AccountId, input.ProvisioningStatus, pageRequest(input));
    return pageShape('PermissionSets', page);
  },
};
