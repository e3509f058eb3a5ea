// Organizations ARNs as AWS writes them. Every ARN names the management account, except those of
// AWS managed policies, which name `aws`.

import type { PolicyType } from './model.js';

const base = (managementAccountId: string) => `arn:aws:organizations::${managementAccountId}`;

export const organizationArn = (mgmt: string, orgId: string) => `${base(mgmt)}:organization/${orgId}`;
export const accountArn = (mgmt: string, orgId: string, accountId: string) => `${base(mgmt)}:account/${orgId}/${accountId}`;
export const rootArn = (mgmt: string, orgId: string, rootId: string) => `${base(mgmt)}:root/${orgId}/${rootId}`;
export const ouArn = (mgmt: string, orgId: string, ouId: string) => `${base(mgmt)}:ou/${orgId}/${ouId}`;
export const policyArn = (mgmt: string, orgId: string, type: PolicyType, policyId: string) =>
  `${base(mgmt)}:policy/${orgId}/${type.toLowerCase()}/${policyId}`;
export const awsManagedPolicyArn = (type: PolicyType, policyId: string) =>
  `arn:aws:organizations::aws:policy/${type.toLowerCase()}/${policyId}`;
