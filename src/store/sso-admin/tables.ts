// sso-admin's tables. Times are epoch milliseconds; lists and structures are JSON text.

import type { Generated } from 'kysely';

export interface SsoPermissionSetTable {
  permission_set_arn: string;
  instance_arn: string;
  name: string;
  description: string | null;
  session_duration: string;
  relay_state: string | null;
  created_at: number;
  /** JSON: string[] in attachment order. */
  managed_policy_arns: string;
  /** JSON: { name, path }[]. */
  customer_managed_policies: string;
  inline_policy: string | null;
  /** JSON: PermissionsBoundary, or null. */
  permissions_boundary: string | null;
  revision: number;
  role_suffix: string;
  /** JSON: { key, value }[]. */
  tags: string;
}

export interface SsoAccessControlAttributesTable {
  instance_arn: string;
  /** JSON: { key, source }[]. */
  attributes: string;
  status: string;
  updated_at: number;
}

export interface SsoAccountAssignmentTable {
  permission_set_arn: string;
  account_id: string;
  principal_type: string;
  principal_id: string;
  instance_arn: string;
  created_at: number;
}

export interface SsoJobTable {
  /** Generated: the order jobs were requested in. */
  seq: Generated<number>;
  request_id: string;
  instance_arn: string;
  kind: string;
  status: string;
  failure_reason: string | null;
  permission_set_arn: string;
  principal_type: string | null;
  principal_id: string | null;
  target_type: string;
  target_id: string | null;
  /** The one account the job touches; null when it touches many (ALL_PROVISIONED_ACCOUNTS). */
  lane_account: string | null;
  created_at: number;
  updated_at: number;
  claimed_by: string | null;
  lease_until: number | null;
  attempts: number;
}

export interface SsoJobTargetTable {
  request_id: string;
  account_id: string;
  status: string;
  failure_reason: string | null;
}

export interface SsoProvisionedTable {
  permission_set_arn: string;
  account_id: string;
  instance_arn: string;
  revision: number;
  role_name: string;
  provisioned_at: number;
}

/** One row per account that provisioning has touched: what batches lock to serialize on it. */
export interface SsoAccountLockTable {
  account_id: string;
}

export interface SsoAdminTables {
  sso_permission_set: SsoPermissionSetTable;
  sso_access_control_attributes: SsoAccessControlAttributesTable;
  sso_account_assignment: SsoAccountAssignmentTable;
  sso_job: SsoJobTable;
  sso_job_target: SsoJobTargetTable;
  sso_provisioned: SsoProvisionedTable;
  sso_account_lock: SsoAccountLockTable;
}
