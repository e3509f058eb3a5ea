// Managed policies: customer managed policies of the account (create, read, list, delete) and
// AWS managed policies (read, list), reported alike.

import { newIamUniqueId } from '../../lib/ids.js';
import type { IamContext } from './context.js';
import type { ManagedPolicy, Tag } from './model.js';
import { listAwsManagedPolicies, type AwsManagedPolicy } from './aws-managed-policies.js';
import { constraintViolation, deleteConflict, invalidInput, limitExceeded } from './errors.js';
import { checkName, checkPath, nameKey, policyArn } from './names.js';
import { paginate, type Page, type PageRequest } from './pagination.js';
import { checkManagedPolicyDocument } from './policy-document.js';
import { resolvePolicy } from './policy-resolver.js';
import { policyUsage, type PolicyUsage } from './policy-usage.js';
import { checkNewTags, MAX_TAGS } from './tags.js';

export interface PolicyOutput {
  readonly policyName: string;
  readonly policyId: string;
  readonly arn: string;
  readonly path: string;
  readonly defaultVersionId: string;
  readonly attachmentCount: number;
  readonly permissionsBoundaryUsageCount: number;
  readonly isAttachable: boolean;
  readonly description?: string;
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly tags: readonly Tag[];
}

export interface CreatePolicyInput {
  readonly policyName: string;
  readonly path?: string;
  readonly policyDocument: string;
  readonly description?: string;
  readonly tags?: readonly Tag[];
}

const customerOutput = (p: ManagedPolicy, usage: PolicyUsage): PolicyOutput => ({
  policyName: p.policyName,
  policyId: p.policyId,
  arn: p.arn,
  path: p.path,
  defaultVersionId: p.defaultVersionId,
  attachmentCount: usage.attachmentCount(p.arn),
  permissionsBoundaryUsageCount: usage.boundaryUsageCount(p.arn),
  isAttachable: true,
  ...(p.description !== undefined ? { description: p.description } : {}),
  createdAt: p.createdAt,
  updatedAt: p.updatedAt,
  tags: p.tags,
});

const awsOutput = (p: AwsManagedPolicy, usage: PolicyUsage): PolicyOutput => ({
  policyName: p.name,
  policyId: p.policyId,
  arn: p.arn,
  path: p.path,
  defaultVersionId: p.defaultVersionId,
  attachmentCount: usage.attachmentCount(p.arn),
  permissionsBoundaryUsageCount: usage.boundaryUsageCount(p.arn),
  isAttachable: true,
  createdAt: p.createdAt,
  updatedAt: p.updatedAt,
  tags: [],
});

export async function createPolicy(ctx: IamContext, input: CreatePolicyInput): Promise<PolicyOutput> {
  const path = input.path ?? '/';
  checkName('PolicyName', input.policyName, 128);
  checkPath(path, 'Path', true);
  if (input.description !== undefined && input.description.length > 1000) {
    throw constraintViolation('Description', 'The description of a policy must be at most 1000 characters.');
  }
  checkManagedPolicyDocument(input.policyDocument);
  const tags = input.tags ?? [];
  checkNewTags(tags);
  if (tags.length > MAX_TAGS) throw limitExceeded('Policy', `A policy may have at most ${MAX_TAGS} tags.`);
  const policy: ManagedPolicy = {
    accountId: ctx.accountId,
    policyName: input.policyName,
    policyId: newIamUniqueId(ctx.random, 'ANPA'),
    arn: policyArn(ctx.accountId, path, input.policyName),
    path,
    ...(input.description !== undefined ? { description: input.description } : {}),
    defaultVersionId: 'v1',
    nextVersion: 2,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    tags: tags.map((t) => ({ key: t.key, value: t.value })),
  };
  await ctx.repo.createManagedPolicy(policy);
  await ctx.repo.createPolicyVersion({ policyArn: policy.arn, versionId: 'v1', document: input.policyDocument, createdAt: ctx.now });
  return customerOutput(policy, { attachmentCount: () => 0, boundaryUsageCount: () => 0 });
}

export async function getPolicy(ctx: IamContext, arn: string): Promise<PolicyOutput> {
  const resolved = await resolvePolicy(ctx, arn);
  const usage = await policyUsage(ctx, arn);
  return resolved.kind === 'aws' ? awsOutput(resolved.policy, usage) : customerOutput(resolved.policy, usage);
}

export interface ListPoliciesInput {
  readonly scope?: 'All' | 'AWS' | 'Local';
  readonly onlyAttached?: boolean;
  readonly pathPrefix?: string;
  readonly policyUsageFilter?: 'PermissionsPolicy' | 'PermissionsBoundary';
}

export async function listPolicies(ctx: IamContext, input: ListPoliciesInput, page: PageRequest): Promise<Page<PolicyOutput>> {
  const scope = input.scope ?? 'All';
  const prefix = input.pathPrefix ?? '/';
  const usage = await policyUsage(ctx);
  const all: PolicyOutput[] = [];
  if (scope !== 'Local') for (const p of listAwsManagedPolicies()) all.push(awsOutput(p, usage));
  if (scope !== 'AWS') for (const p of await ctx.repo.listManagedPolicies(ctx.accountId)) all.push(customerOutput(p, usage));
  const used = (p: PolicyOutput) =>
    input.policyUsageFilter === 'PermissionsBoundary'
      ? p.permissionsBoundaryUsageCount > 0
      : input.policyUsageFilter === 'PermissionsPolicy'
        ? p.attachmentCount > 0
        : p.attachmentCount > 0 || p.permissionsBoundaryUsageCount > 0;
  const filtered = all.filter((p) => p.path.startsWith(prefix) && (!input.onlyAttached || used(p)));
  const scopeKey = `policies:${scope}:${input.onlyAttached ? 1 : 0}:${input.policyUsageFilter ?? ''}:${prefix}`;
  return paginate(filtered, (p) => `${nameKey(p.policyName)}\u0000${p.policyId}`, scopeKey, page);
}

/** Refuses while the policy is attached, used as a boundary, or has non-default versions. */
export async function deletePolicy(ctx: IamContext, arn: string): Promise<void> {
  const resolved = await resolvePolicy(ctx, arn);
  if (resolved.kind === 'aws') throw invalidInput('PolicyArn', `Policy ${arn} is an AWS managed policy and cannot be deleted.`);
  const usage = await policyUsage(ctx, arn);
  if (usage.attachmentCount(arn) > 0 || usage.boundaryUsageCount(arn) > 0) {
    throw deleteConflict('Policy', 'Cannot delete a policy attached to entities.');
  }
  const versions = await ctx.repo.listPolicyVersions(arn);
  if (versions.some((v) => v.versionId !== resolved.policy.defaultVersionId)) {
    throw deleteConflict(
      'Policy',
      "This policy has more than one version. Before you delete a policy, you must delete the policy's versions. The default version is deleted with the policy.",
    );
  }
  for (const v of versions) await ctx.repo.deletePolicyVersion(arn, v.versionId);
  await ctx.repo.deleteManagedPolicy(arn);
}
