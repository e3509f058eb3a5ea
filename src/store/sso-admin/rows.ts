// Rows ↔ domain records for sso-admin's tables.

import type { Selectable } from 'kysely';
import type { PermissionSet } from '../../domain/permission-sets/permission-set.js';
import type { AccountAssignment, PrincipalType } from '../../domain/assignments/account-assignment.js';
import type { ProvisionedPermissionSet, ProvisioningJob, JobKind, JobStatus, ProvisionTargetType } from '../../domain/provisioning/provisioning-job.js';
import type { SsoAccountAssignmentTable, SsoJobTable, SsoPermissionSetTable, SsoProvisionedTable } from './tables.js';

const orUndefined = <T>(v: T | null): T | undefined => (v === null ? undefined : v);

export const permissionSetRow = (ps: PermissionSet): SsoPermissionSetTable => ({
  permission_set_arn: ps.permissionSetArn,
  instance_arn: ps.instanceArn,
  name: ps.name,
  description: ps.description ?? null,
  session_duration: ps.sessionDuration,
  relay_state: ps.relayState ?? null,
  created_at: ps.createdAt,
  managed_policy_arns: JSON.stringify(ps.managedPolicyArns),
  customer_managed_policies: JSON.stringify(ps.customerManagedPolicies),
  inline_policy: ps.inlinePolicy ?? null,
  permissions_boundary: ps.permissionsBoundary ? JSON.stringify(ps.permissionsBoundary) : null,
  revision: ps.revision,
  role_suffix: ps.roleSuffix,
  tags: JSON.stringify(ps.tags),
});

export const permissionSetFromRow = (r: Selectable<SsoPermissionSetTable>): PermissionSet => ({
  instanceArn: r.instance_arn,
  permissionSetArn: r.permission_set_arn,
  name: r.name,
  description: orUndefined(r.description),
  sessionDuration: r.session_duration,
  relayState: orUndefined(r.relay_state),
  createdAt: Number(r.created_at),
  managedPolicyArns: JSON.parse(r.managed_policy_arns),
  customerManagedPolicies: JSON.parse(r.customer_managed_policies),
  inlinePolicy: orUndefined(r.inline_policy),
  permissionsBoundary: r.permissions_boundary === null ? undefined : JSON.parse(r.permissions_boundary),
  revision: Number(r.revision),
  roleSuffix: r.role_suffix,
  tags: JSON.parse(r.tags),
});

export const assignmentFromRow = (r: Selectable<SsoAccountAssignmentTable>): AccountAssignment => ({
  instanceArn: r.instance_arn,
  permissionSetArn: r.permission_set_arn,
  accountId: r.account_id,
  principalType: r.principal_type as PrincipalType,
  principalId: r.principal_id,
  createdAt: Number(r.created_at),
});

export const jobFromRow = (r: Selectable<SsoJobTable>): ProvisioningJob => ({
  requestId: r.request_id,
  instanceArn: r.instance_arn,
  kind: r.kind as JobKind,
  status: r.status as JobStatus,
  ...(r.failure_reason !== null ? { failureReason: r.failure_reason } : {}),
  permissionSetArn: r.permission_set_arn,
  ...(r.principal_type !== null ? { principalType: r.principal_type as PrincipalType } : {}),
  ...(r.principal_id !== null ? { principalId: r.principal_id } : {}),
  targetType: r.target_type as ProvisionTargetType,
  ...(r.target_id !== null ? { targetId: r.target_id } : {}),
  createdAt: Number(r.created_at),
});

export const provisionedFromRow = (r: Selectable<SsoProvisionedTable>): ProvisionedPermissionSet => ({
  instanceArn: r.instance_arn,
  permissionSetArn: r.permission_set_arn,
  accountId: r.account_id,
  revision: Number(r.revision),
  roleName: r.role_name,
  provisionedAt: Number(r.provisioned_at),
});
