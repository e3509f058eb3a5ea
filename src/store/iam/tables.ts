// Tables of IAM (migration 004, plus the users and access keys of migration 001 with the
// columns 004 adds). Tags are JSON text; `name_key` and `*_key` columns hold lower-cased names
// (IAM names are unique per account regardless of case). Times are epoch milliseconds.

export interface IamUserTable {
  account_id: string;
  user_name: string;
  name_key: string;
  user_id: string;
  path: string;
  arn: string;
  created_at: number;
  permissions_boundary_arn: string | null;
  tags: string;
}

export interface IamAccessKeyTable {
  access_key_id: string;
  account_id: string;
  user_name: string;
  secret_sealed: string;
  status: string;
  created_at: number;
  last_used_at: number | null;
  last_used_service: string | null;
  last_used_region: string | null;
}

export interface IamRoleTable {
  account_id: string;
  role_name: string;
  name_key: string;
  role_id: string;
  path: string;
  arn: string;
  created_at: number;
  assume_role_policy: string;
  description: string | null;
  max_session_duration: number;
  permissions_boundary_arn: string | null;
  tags: string;
}

export interface IamInlinePolicyTable {
  account_id: string;
  principal_kind: string;
  principal_key: string;
  principal_name: string;
  policy_name: string;
  name_key: string;
  document: string;
}

export interface IamManagedPolicyTable {
  arn: string;
  account_id: string;
  policy_name: string;
  name_key: string;
  policy_id: string;
  path: string;
  description: string | null;
  default_version_id: string;
  next_version: number;
  created_at: number;
  updated_at: number;
  tags: string;
}

export interface IamPolicyVersionTable {
  policy_arn: string;
  version_id: string;
  document: string;
  created_at: number;
}

export interface IamPolicyAttachmentTable {
  account_id: string;
  principal_kind: string;
  principal_key: string;
  principal_name: string;
  policy_arn: string;
}

export interface IamSamlProviderTable {
  arn: string;
  account_id: string;
  name: string;
  name_key: string;
  metadata_document: string;
  created_at: number;
  valid_until: number | null;
  tags: string;
}

export interface IamAccountAliasTable {
  alias: string;
  account_id: string;
}

export interface IamTables {
  iam_user: IamUserTable;
  iam_access_key: IamAccessKeyTable;
  iam_role: IamRoleTable;
  iam_inline_policy: IamInlinePolicyTable;
  iam_managed_policy: IamManagedPolicyTable;
  iam_policy_version: IamPolicyVersionTable;
  iam_policy_attachment: IamPolicyAttachmentTable;
  iam_saml_provider: IamSamlProviderTable;
  iam_account_alias: IamAccountAliasTable;
}
