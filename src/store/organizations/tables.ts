import type { Generated } from 'kysely';

// Tables of the organization. Times are epoch milliseconds; booleans are 0/1 integers, which
// both SQLite and PostgreSQL store alike.

export interface OrgOrganizationTable {
  id: string;
  arn: string;
  feature_set: string;
  management_account_id: string;
  management_account_arn: string;
  management_account_email: string;
  created_at: number;
  /** Always 1, unique: the table holds one row. */
  singleton: Generated<number>;
}

export interface OrgRootTable {
  id: string;
  arn: string;
  name: string;
  created_at: number;
}

export interface OrgRootPolicyTypeTable {
  root_id: string;
  policy_type: string;
  status: string;
}

export interface OrgOuTable {
  id: string;
  arn: string;
  name: string;
  parent_id: string;
  created_at: number;
}

export interface OrgAccountTable {
  id: string;
  arn: string;
  name: string;
  email: string;
  /** The e-mail address lower-cased: unique. */
  email_key: string;
  status: string;
  joined_method: string;
  joined_at: number;
  parent_id: string;
}

export interface OrgCreateAccountStatusTable {
  id: string;
  account_name: string;
  state: string;
  requested_at: number;
  completed_at: number | null;
  account_id: string | null;
  failure_reason: string | null;
}

export interface OrgPolicyTable {
  id: string;
  arn: string;
  name: string;
  description: string;
  policy_type: string;
  aws_managed: number;
  content: string;
}

export interface OrgPolicyAttachmentTable {
  policy_id: string;
  target_id: string;
  policy_type: string;
  target_type: string;
  attached_at: number;
}

export interface OrgServiceAccessTable {
  service_principal: string;
  enabled_at: number;
}

export interface OrgDelegatedAdminTable {
  account_id: string;
  service_principal: string;
  enabled_at: number;
}

export interface OrgTagTable {
  resource_id: string;
  tag_key: string;
  tag_value: string;
}

export interface OrgAccountRoleRequestTable {
  account_id: string;
  role_name: string;
  trusted_account_id: string;
  managed_policy_arn: string;
  status: string;
  created_at: number;
  completed_at: number | null;
}

/** An account that left the organization (migration 013). */
export interface OrgStandaloneAccountTable {
  id: string;
  name: string;
  email: string;
  /** The e-mail address lower-cased. */
  email_key: string;
  removed_at: number;
}

export interface OrganizationsTables {
  org_organization: OrgOrganizationTable;
  org_root: OrgRootTable;
  org_root_policy_type: OrgRootPolicyTypeTable;
  org_ou: OrgOuTable;
  org_account: OrgAccountTable;
  org_create_account_status: OrgCreateAccountStatusTable;
  org_policy: OrgPolicyTable;
  org_policy_attachment: OrgPolicyAttachmentTable;
  org_service_access: OrgServiceAccessTable;
  org_delegated_admin: OrgDelegatedAdminTable;
  org_tag: OrgTagTable;
  org_account_role_request: OrgAccountRoleRequestTable;
  org_standalone_account: OrgStandaloneAccountTable;
}
