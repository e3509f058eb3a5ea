// The policies of a permission set: AWS managed, customer managed references, the inline
// policy and the permissions boundary.

import type { ServiceHandlers } from '../operation.js';
import type { CustomerManagedPolicyReference, PermissionsBoundary } from '../../domain/permission-sets/permission-set.js';
import { pageRequest, pageShape } from './shapes.js';

const refIn = (r: { Name: string; Path?: string }) => ({ name: r.Name, ...(r.Path !== undefined ? { path: r.Path } : {}) });
const refShape = (r: CustomerManagedPolicyReference) => ({ Name: r.name, Path: r.path });

const boundaryShape = (b: PermissionsBoundary) =>
  b.kind === 'managed' ? { ManagedPolicyArn: b.managedPolicyArn } : { CustomerManagedPolicyReference: refShape(b.reference) };

export const POLICY_HANDLERS: ServiceHandlers = {
  async AttachManagedPolicyToPermissionSet(input, { services }) {
    await services.ssoAdmin.attachManagedPolicy(input.InstanceArn, input.PermissionSetArn, input.ManagedPolicyArn);
    return {};
  },
  async DetachManagedPolicyFromPermissionSet(input, { services }) {
    await services.ssoAdmin.detachManagedPolicy(input.InstanceArn, input.PermissionSetArn, input.ManagedPolicyArn);
    return {};
  },
  async ListManagedPoliciesInPermissionSet(input, { services }) {
    const page = await services.ssoAdmin.listManagedPolicies(input.InstanceArn, input.PermissionSetArn, pageRequest(input));
    return pageShape('AttachedManagedPolicies', page, (p) => ({ Name: p.name, Arn: p.arn }));
  },
  async AttachCustomerManagedPolicyReferenceToPermissionSet(input, { services }) {
    await services.ssoAdmin.attachCustomerManagedPolicy(input.InstanceArn, input.PermissionSetArn, refIn(input.CustomerManagedPolicyReference));
    return {};
  },
  async DetachCustomerManagedPolicyReferenceFromPermissionSet(input, { services }) {
    await services.ssoAdmin.detachCustomerManagedPolicy(input.InstanceArn, input.PermissionSetArn, refIn(input.CustomerManagedPolicyReference));
    return {};
  },
  async ListCustomerManagedPolicyReferencesInPermissionSet(input, { services }) {
    const page = await services.ssoAdmin.listCustomerManagedPolicies(input.InstanceArn, input.PermissionSetArn, pageRequest(input));
    return pageShape('CustomerManagedPolicyReferences', page, refShape);
  },
  async PutInlinePolicyToPermissionSet(input, { services }) {
    await services.ssoAdmin.putInlinePolicy(input.InstanceArn, input.PermissionSetArn, input.InlinePolicy);
    return {};
  },
  async GetInlinePolicyForPermissionSet(input, { services }) {
    return { InlinePolicy: await services.ssoAdmin.getInlinePolicy(input.InstanceArn, input.PermissionSetArn) };
  },
  async DeleteInlinePolicyFromPermissionSet(input, { services }) {
    await services.ssoAdmin.deleteInlinePolicy(input.InstanceArn, input.PermissionSetArn);
    return {};
  },
  async PutPermissionsBoundaryToPermissionSet(input, { services }) {
    const b = input.PermissionsBoundary;
    await services.ssoAdmin.putPermissionsBoundary(input.InstanceArn, input.PermissionSetArn, {
      ...(b.ManagedPolicyArn !== undefined ? { managedPolicyArn: b.ManagedPolicyArn } : {}),
      ...(b.CustomerManagedPolicyReference !== undefined ? { customerManagedPolicyReference: refIn(b.CustomerManagedPolicyReference) } : {}),
    });
    return {};
  },
  async GetPermissionsBoundaryForPermissionSet(input, { services }) {
    return { PermissionsBoundary: boundaryShape(await services.ssoAdmin.getPermissionsBoundary(input.InstanceArn, input.PermissionSetArn)) };
  },
  async DeletePermissionsBoundaryFromPermissionSet(input, { services }) {
    await services.ssoAdmin.deletePermissionsBoundary(input.InstanceArn, input.PermissionSetArn);
    return {};
  },
};
