// Row ↔ record mapping for IAM's tables. Optional fields are left out when empty, so records
// read back equal the records written.

import type {
  AccessKey,
  IamRole,
  IamUser,
  InlinePolicy,
  ManagedPolicy,
  PolicyAttachment,
  PrincipalKind,
  SamlProvider,
  Tag,
} from '../../domain/iam/iam-repository.js';
import type {
  IamAccessKeyTable,
  IamInlinePolicyTable,
  IamManagedPolicyTable,
  IamPolicyAttachmentTable,
  IamRoleTable,
  IamSamlProviderTable,
  IamUserTable,
} from './tables.js';

export const key = (name: string) => name.toLowerCase();

export const tagsToText = (tags: readonly Tag[] | undefined): string =>
  JSON.stringify((tags ?? []).map((t) => ({ key: t.key, value: t.value })));
export const tagsFromText = (text: string): Tag[] => JSON.parse(text) as Tag[];

export const userRow = (u: IamUser): IamUserTable => ({
  account_id: u.accountId,
  user_name: u.userName,
  name_key: key(u.userName),
  user_id: u.userId,
  path: u.path,
  arn: u.arn,
  created_at: u.createdAt,
  permissions_boundary_arn: u.permissionsBoundaryArn ?? null,
  tags: tagsToText(u.tags),
});

export const userFromRow = (r: IamUserTable): IamUser => {
  const tags = tagsFromText(r.tags);
  return {
    accountId: r.account_id,
    userName: r.user_name,
    userId: r.user_id,
    path: r.path,
    arn: r.arn,
    createdAt: r.created_at,
    ...(r.permissions_boundary_arn !== null ? { permissionsBoundaryArn: r.permissions_boundary_arn } : {}),
    ...(tags.length > 0 ? { tags } : {}),
  };
};

export const accessKeyFromRow = (r: IamAccessKeyTable): AccessKey => ({
  accessKeyId: r.access_key_id,
  accountId: r.account_id,
  userName: r.user_name,
  secretSealed: r.secret_sealed,
  status: r.status as AccessKey['status'],
  createdAt: r.created_at,
  ...(r.last_used_at !== null
    ? { lastUsed: { at: r.last_used_at, serviceName: r.last_used_service ?? 'N/A', region: r.last_used_region ?? 'N/A' } }
    : {}),
});

export const roleRow = (r: IamRole): IamRoleTable => ({
  account_id: r.accountId,
  role_name: r.roleName,
  name_key: key(r.roleName),
  role_id: r.roleId,
  path: r.path,
  arn: r.arn,
  created_at: r.createdAt,
  assume_role_policy: r.assumeRolePolicyDocument,
  description: r.description ?? null,
  max_session_duration: r.maxSessionDuration,
  permissions_boundary_arn: r.permissionsBoundaryArn ?? null,
  tags: tagsToText(r.tags),
});

export const roleFromRow = (r: IamRoleTable): IamRole => ({
  accountId: r.account_id,
  roleName: r.role_name,
  roleId: r.role_id,
  path: r.path,
  arn: r.arn,
  createdAt: r.created_at,
  assumeRolePolicyDocument: r.assume_role_policy,
  ...(r.description !== null ? { description: r.description } : {}),
  maxSessionDuration: r.max_session_duration,
  ...(r.permissions_boundary_arn !== null ? { permissionsBoundaryArn: r.permissions_boundary_arn } : {}),
  tags: tagsFromText(r.tags),
});

export const inlineFromRow = (r: IamInlinePolicyTable): InlinePolicy => ({
  accountId: r.account_id,
  principalKind: r.principal_kind as PrincipalKind,
  principalName: r.principal_name,
  policyName: r.policy_name,
  document: r.document,
});

export const managedPolicyRow = (p: ManagedPolicy): IamManagedPolicyTable => ({
  arn: p.arn,
  account_id: p.accountId,
  policy_name: p.policyName,
  name_key: key(p.policyName),
  policy_id: p.policyId,
  path: p.path,
  description: p.description ?? null,
  default_version_id: p.defaultVersionId,
  next_version: p.nextVersion,
  created_at: p.createdAt,
  updated_at: p.updatedAt,
  tags: tagsToText(p.tags),
});

export const managedPolicyFromRow = (r: IamManagedPolicyTable): ManagedPolicy => ({
  accountId: r.account_id,
  policyName: r.policy_name,
  policyId: r.policy_id,
  arn: r.arn,
  path: r.path,
  ...(r.description !== null ? { description: r.description } : {}),
  defaultVersionId: r.default_version_id,
  nextVersion: r.next_version,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  tags: tagsFromText(r.tags),
});

export const attachmentFromRow = (r: IamPolicyAttachmentTable): PolicyAttachment => ({
  accountId: r.account_id,
  principalKind: r.principal_kind as PrincipalKind,
  principalName: r.principal_name,
  policyArn: r.policy_arn,
});

export const samlRow = (p: SamlProvider): IamSamlProviderTable => ({
  arn: p.arn,
  account_id: p.accountId,
  name: p.name,
  name_key: key(p.name),
  metadata_document: p.metadataDocument,
  created_at: p.createdAt,
  valid_until: p.validUntil ?? null,
  tags: tagsToText(p.tags),
});

export const samlFromRow = (r: IamSamlProviderTable): SamlProvider => ({
  accountId: r.account_id,
  name: r.name,
  arn: r.arn,
  metadataDocument: r.metadata_document,
  createdAt: r.created_at,
  ...(r.valid_until !== null ? { validUntil: r.valid_until } : {}),
  tags: tagsFromText(r.tags),
});
