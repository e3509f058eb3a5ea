// What a permission set's role must look like in one account (DESIGN.md, "Provisioned roles"):
// everything the ensure steps compare against and make true.

import type { PermissionSet } from '../permission-sets/permission-set.js';
import { provisionedRoleName, provisionedRolePath } from '../permission-sets/provisioned-role-name.js';
import { policyArn } from '../iam/names.js';
import { samlProviderName, trustPolicy } from './trust-policy.js';

/** The name of the role inline policy that carries the permission set's inline policy. */
export const INLINE_POLICY_NAME = 'AwsSSOInlinePolicy';
export const ROLE_MAX_SESSION_DURATION = 43200;

export interface CustomerPolicyNeed {
  readonly arn: string;
  /** How a person names it: `/path/Name`. */
  readonly label: string;
  readonly use: 'attached' | 'boundary';
}

export interface RoleSpec {
  readonly accountId: string;
  readonly roleName: string;
  readonly path: string;
  readonly description: string | undefined;
  readonly trustPolicy: string;
  /** AWS managed and customer managed ARNs, in the permission set's order. */
  readonly attachedPolicyArns: readonly string[];
  readonly inlinePolicy: string | undefined;
  readonly boundaryArn: string | undefined;
  /** The customer managed policies that must exist in the account. */
  readonly customerPolicies: readonly CustomerPolicyNeed[];
}

const cmp = (accountId: string, ref: { name: string; path: string }, use: CustomerPolicyNeed['use']): CustomerPolicyNeed => ({
  arn: policyArn(accountId, ref.path, ref.name),
  label: `${ref.path}${ref.name}`,
  use,
});

export function roleSpec(ps: PermissionSet, accountId: string, instanceArn: string, homeRegion: string): RoleSpec {
  const attachedCmps = ps.customerManagedPolicies.map((r) => cmp(accountId, r, 'attached'));
  const b = ps.permissionsBoundary;
  const boundaryCmp = b?.kind === 'customer-managed' ? cmp(accountId, b.reference, 'boundary') : undefined;
  return {
    accountId,
    roleName: provisionedRoleName(ps),
    path: provisionedRolePath(homeRegion),
    description: ps.description,
    trustPolicy: trustPolicy(accountId, samlProviderName(instanceArn)),
    attachedPolicyArns: [...ps.managedPolicyArns, ...attachedCmps.map((c) => c.arn)],
    inlinePolicy: ps.inlinePolicy,
    boundaryArn: b === undefined ? undefined : b.kind === 'managed' ? b.managedPolicyArn : boundaryCmp!.arn,
    customerPolicies: boundaryCmp ? [...attachedCmps, boundaryCmp] : attachedCmps,
  };
}
