// sso-admin's output shapes (the model's PermissionSet, AccountAssignmentOperationStatus,
// PermissionSetProvisioningStatus, …) from domain records. Timestamps go out as Dates.

import type { PermissionSet, Tag } from '../../domain/permission-sets/permission-set.js';
import type { AccountAssignment } from '../../domain/assignments/account-assignment.js';
import type { ProvisioningJob } from '../../domain/provisioning/provisioning-job.js';
import type { Page, PageRequest } from '../../domain/permission-sets/page.js';

export const pageRequest = (input: { MaxResults?: number; NextToken?: string }): PageRequest => ({
  ...(input.MaxResults !== undefined ? { maxResults: input.MaxResults } : {}),
  ...(input.NextToken !== undefined ? { nextToken: input.NextToken } : {}),
});

/** `{ [member]: items, NextToken? }`, the token left out on the last page. */
export const pageShape = <T>(member: string, page: Page<T>, shape: (item: T) => unknown = (x) => x) => ({
  [member]: page.items.map(shape),
  ...(page.nextToken !== undefined ? { NextToken: page.nextToken } : {}),
});

export const permissionSetShape = (ps: PermissionSet) => ({
  Name: ps.name,
  PermissionSetArn: ps.permissionSetArn,
  ...(ps.description !== undefined ? { Description: ps.description } : {}),
  CreatedDate: new Date(ps.createdAt),
  SessionDuration: ps.sessionDuration,
  ...(ps.relayState !== undefined ? { RelayState: ps.relayState } : {}),
});

export const tagsIn = (tags: readonly { Key: string; Value: string }[] | undefined): Tag[] =>
  (tags ?? []).map((t) => ({ key: t.Key, value: t.Value }));

export const tagShape = (t: Tag) => ({ Key: t.key, Value: t.value });

const failure = (job: ProvisioningJob) => (job.failureReason !== undefined ? { FailureReason: job.failureReason } : {});

export const assignmentStatusShape = (job: ProvisioningJob) => ({
  Status: job.status,
  RequestId: job.requestId,
  ...failure(job),
  TargetId: job.targetId,
  TargetType: 'AWS_ACCOUNT',
  PermissionSetArn: job.permissionSetArn,
  PrincipalType: job.principalType,
  PrincipalId: job.principalId,
  CreatedDate: new Date(job.createdAt),
});

export const provisioningStatusShape = (job: ProvisioningJob) => ({
  Status: job.status,
  RequestId: job.requestId,
  ...(job.targetId !== undefined ? { AccountId: job.targetId } : {}),
  PermissionSetArn: job.permissionSetArn,
  ...failure(job),
  CreatedDate: new Date(job.createdAt),
});

export const statusMetadataShape = (job: ProvisioningJob) => ({
  Status: job.status,
  RequestId: job.requestId,
  CreatedDate: new Date(job.createdAt),
});

export const assignmentShape = (a: AccountAssignment) => ({
  AccountId: a.accountId,
  PermissionSetArn: a.permissionSetArn,
  PrincipalType: a.principalType,
  PrincipalId: a.principalId,
});
