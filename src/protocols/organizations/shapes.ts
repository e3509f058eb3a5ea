// Domain records as the Organizations model's output shapes (PascalCase, Date timestamps).

import type { Account, CreateAccountStatus, OrganizationalUnit, Policy, Tag } from '../../domain/organizations/model.js';
import type { RootView } from '../../domain/organizations/policy-attachments.js';
import type { OrganizationView } from '../../domain/organizations/organizations-service.js';
import type { Target } from '../../domain/organizations/hierarchy.js';
import type { DelegatedAdministrator } from '../../domain/organizations/delegated-administrators.js';
import type { Page, PageRequest } from '../../domain/organizations/pagination.js';

export const pageRequest = (input: { MaxResults?: number; NextToken?: string }): PageRequest => ({
  ...(input.MaxResults !== undefined ? { maxResults: input.MaxResults } : {}),
  ...(input.NextToken !== undefined ? { nextToken: input.NextToken } : {}),
});

export const pageShape = <T>(member: string, page: Page<T>, shape: (item: T) => unknown): Record<string, unknown> => ({
  [member]: page.items.map(shape),
  ...(page.nextToken !== undefined ? { NextToken: page.nextToken } : {}),
});

export const organizationShape = (o: OrganizationView) => ({
  Id: o.id,
  Arn: o.arn,
  FeatureSet: o.featureSet,
  MasterAccountArn: o.managementAccountArn,
  MasterAccountId: o.managementAccountId,
  MasterAccountEmail: o.managementAccountEmail,
  AvailablePolicyTypes: o.availablePolicyTypes.map((t) => ({ Type: t.type, Status: t.status })),
});

export const rootShape = (r: RootView) => ({
  Id: r.id,
  Arn: r.arn,
  Name: r.name,
  PolicyTypes: r.policyTypes.map((t) => ({ Type: t.type, Status: t.status })),
});

export const accountShape = (a: Account) => ({
  Id: a.id,
  Arn: a.arn,
  Email: a.email,
  Name: a.name,
  Status: a.status,
  JoinedMethod: a.joinedMethod,
  JoinedTimestamp: new Date(a.joinedAt),
});

export const delegatedAdministratorShape = (a: DelegatedAdministrator) => ({
  ...accountShape(a),
  DelegationEnabledDate: new Date(a.delegationEnabledAt),
});

export const createAccountStatusShape = (s: CreateAccountStatus) => ({
  Id: s.id,
  AccountName: s.accountName,
  State: s.state,
  RequestedTimestamp: new Date(s.requestedAt),
  ...(s.completedAt !== undefined ? { CompletedTimestamp: new Date(s.completedAt) } : {}),
  ...(s.accountId !== undefined ? { AccountId: s.accountId } : {}),
  ...(s.failureReason !== undefined ? { FailureReason: s.failureReason } : {}),
});

export const ouShape = (o: OrganizationalUnit) => ({ Id: o.id, Arn: o.arn, Name: o.name });

export const policySummaryShape = (p: Policy) => ({
  Id: p.id,
  Arn: p.arn,
  Name: p.name,
  Description: p.description,
  Type: p.type,
  AwsManaged: p.awsManaged,
});

export const policyShape = (p: Policy) => ({ Policy: { PolicySummary: policySummaryShape(p), Content: p.content } });

export const targetShape = (t: Target) => ({ TargetId: t.id, Arn: t.arn, Name: t.name, Type: t.type });

export const tagShape = (t: Tag) => ({ Key: t.key, Value: t.value });

export const tagsInput = (tags: { Key: string; Value: string }[] | undefined): Tag[] =>
  (tags ?? []).map((t) => ({ key: t.Key, value: t.Value }));
