// Domain records → IAM model shapes (PascalCase members, Date timestamps, optional members left
// out). Documents arrive from the domain already URL-encoded.

import type { IamRole, IamUser, Tag } from '../../domain/iam/model.js';
import type { Page } from '../../domain/iam/pagination.js';
import type { PolicyOutput } from '../../domain/iam/managed-policies.js';
import type { PolicyVersionOutput } from '../../domain/iam/policy-versions.js';
import type { AttachedPolicyOutput } from '../../domain/iam/attachments.js';

export const date = (ms: number) => new Date(ms);

export const tagsIn = (tags: readonly { Key: string; Value?: string }[] | undefined): Tag[] =>
  (tags ?? []).map((t) => ({ key: t.Key, value: t.Value ?? '' }));

export const tagsOut = (tags: readonly Tag[] | undefined) => (tags ?? []).map((t) => ({ Key: t.key, Value: t.value }));

/** `IsTruncated`, and `Marker` only when there is more. */
export const pageOut = (page: Page<unknown>) => ({
  IsTruncated: page.isTruncated,
  ...(page.marker !== undefined ? { Marker: page.marker } : {}),
});

export const pageIn = (input: { Marker?: string; MaxItems?: number }) => ({
  ...(input.Marker !== undefined ? { marker: input.Marker } : {}),
  ...(input.MaxItems !== undefined ? { maxItems: input.MaxItems } : {}),
});

const boundaryOut = (arn: string | undefined) =>
  arn !== undefined ? { PermissionsBoundary: { PermissionsBoundaryType: 'PermissionsBoundaryPolicy', PermissionsBoundaryArn: arn } } : {};

const nonEmptyTags = (tags: readonly Tag[] | undefined) => (tags && tags.length > 0 ? { Tags: tagsOut(tags) } : {});

/** GetRole and friends include `RoleLastUsed` (empty: not tracked yet); ListRoles does not. */
export const roleOut = (r: IamRole, withLastUsed = true) => ({
  Path: r.path,
  RoleName: r.roleName,
  RoleId: r.roleId,
  Arn: r.arn,
  CreateDate: date(r.createdAt),
  AssumeRolePolicyDocument: r.assumeRolePolicyDocument,
  ...(r.description !== undefined ? { Description: r.description } : {}),
  MaxSessionDuration: r.maxSessionDuration,
  ...boundaryOut(r.permissionsBoundaryArn),
  ...nonEmptyTags(r.tags),
  ...(withLastUsed ? { RoleLastUsed: {} } : {}),
});

export const userOut = (u: IamUser) => ({
  Path: u.path,
  UserName: u.userName,
  UserId: u.userId,
  Arn: u.arn,
  CreateDate: date(u.createdAt),
  ...boundaryOut(u.permissionsBoundaryArn),
  ...nonEmptyTags(u.tags),
});

export const policyOut = (p: PolicyOutput, withTags = true) => ({
  PolicyName: p.policyName,
  PolicyId: p.policyId,
  Arn: p.arn,
  Path: p.path,
  DefaultVersionId: p.defaultVersionId,
  AttachmentCount: p.attachmentCount,
  PermissionsBoundaryUsageCount: p.permissionsBoundaryUsageCount,
  IsAttachable: p.isAttachable,
  ...(p.description !== undefined ? { Description: p.description } : {}),
  CreateDate: date(p.createdAt),
  UpdateDate: date(p.updatedAt),
  ...(withTags ? nonEmptyTags(p.tags) : {}),
});

export const versionOut = (v: PolicyVersionOutput) => ({
  ...(v.document !== undefined ? { Document: v.document } : {}),
  VersionId: v.versionId,
  IsDefaultVersion: v.isDefaultVersion,
  CreateDate: date(v.createdAt),
});

export const attachedOut = (a: AttachedPolicyOutput) => ({ PolicyName: a.policyName, PolicyArn: a.policyArn });

export { boundaryOut };
