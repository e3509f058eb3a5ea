// Versions of customer managed policies: at most five, one of them the default; the default
// cannot be deleted. Reading versions works for AWS managed policies too.

import type { IamContext } from './context.js';
import type { ManagedPolicy } from './model.js';
import { getAwsManagedPolicyVersion } from './aws-managed-policies.js';
import { deleteConflict, invalidInput, limitExceeded, noSuchEntity } from './errors.js';
import { paginate, type Page, type PageRequest } from './pagination.js';
import { checkManagedPolicyDocument, urlEncodeDocument } from './policy-document.js';
import { resolvePolicy } from './policy-resolver.js';

export const MAX_POLICY_VERSIONS = 5;

export interface PolicyVersionOutput {
  /** URL-encoded, as IAM returns it; only GetPolicyVersion returns it. */
  readonly document?: string;
  readonly versionId: string;
  readonly isDefaultVersion: boolean;
  readonly createdAt: number;
}

const versionNotFound = (arn: string, versionId: string) =>
  noSuchEntity('PolicyVersion', `Policy ${arn} version ${versionId} does not exist or is not attachable.`);

const versionKey = (versionId: string) => versionId.slice(1).padStart(10, '0');

/** The customer managed policy `arn` names, for a change. */
async function customerPolicy(ctx: IamContext, arn: string): Promise<ManagedPolicy> {
  const resolved = await resolvePolicy(ctx, arn);
  if (resolved.kind === 'aws') throw invalidInput('PolicyArn', `Policy ${arn} is an AWS managed policy and cannot be modified.`);
  return resolved.policy;
}

export async function createPolicyVersion(ctx: IamContext, arn: string, document: string, setAsDefault: boolean): Promise<PolicyVersionOutput> {
  const policy = await customerPolicy(ctx, arn);
  checkManagedPolicyDocument(document);
  const versions = await ctx.repo.listPolicyVersions(arn);
  if (versions.length >= MAX_POLICY_VERSIONS) {
    throw limitExceeded(
      'PolicyVersion',
      `A managed policy can have up to ${MAX_POLICY_VERSIONS} versions. Before you create a new version, you must delete an existing version.`,
    );
  }
  const versionId = `v${policy.nextVersion}`;
  await ctx.repo.createPolicyVersion({ policyArn: arn, versionId, document, createdAt: ctx.now });
  await ctx.repo.updateManagedPolicy({
    ...policy,
    nextVersion: policy.nextVersion + 1,
    ...(setAsDefault ? { defaultVersionId: versionId, updatedAt: ctx.now } : {}),
  });
  return { versionId, isDefaultVersion: setAsDefault, createdAt: ctx.now };
}

export async function getPolicyVersion(ctx: IamContext, arn: string, versionId: string): Promise<PolicyVersionOutput> {
  const resolved = await resolvePolicy(ctx, arn);
  if (resolved.kind === 'aws') {
    const v = getAwsManagedPolicyVersion(arn, versionId);
    if (!v) throw versionNotFound(arn, versionId);
    return {
      document: urlEncodeDocument(v.document),
      versionId,
      isDefaultVersion: versionId === resolved.policy.defaultVersionId,
      createdAt: v.createdAt,
    };
  }
  const v = await ctx.repo.getPolicyVersion(arn, versionId);
  if (!v) throw versionNotFound(arn, versionId);
  return {
    document: urlEncodeDocument(v.document),
    versionId,
    isDefaultVersion: versionId === resolved.policy.defaultVersionId,
    createdAt: v.createdAt,
  };
}

export async function listPolicyVersions(ctx: IamContext, arn: string, page: PageRequest): Promise<Page<PolicyVersionOutput>> {
  const resolved = await resolvePolicy(ctx, arn);
  const defaultId = resolved.policy.defaultVersionId;
  const versions =
    resolved.kind === 'aws'
      ? resolved.policy.versions.map((v) => ({ versionId: v.versionId, createdAt: v.createdAt }))
      : (await ctx.repo.listPolicyVersions(arn)).map((v) => ({ versionId: v.versionId, createdAt: v.createdAt }));
  const out = versions.map((v) => ({ ...v, isDefaultVersion: v.versionId === defaultId }));
  // IAM lists the newest version first.
  const newestFirst = (v: PolicyVersionOutput) => versionKey(`v${9999999999 - Number(v.versionId.slice(1))}`);
  return paginate(out, newestFirst, `versions:${arn}`, page);
}

export async function deletePolicyVersion(ctx: IamContext, arn: string, versionId: string): Promise<void> {
  const policy = await customerPolicy(ctx, arn);
  if (!(await ctx.repo.getPolicyVersion(arn, versionId))) throw versionNotFound(arn, versionId);
  if (versionId === policy.defaultVersionId) throw deleteConflict('PolicyVersion', 'Cannot delete the default version of a policy.');
  await ctx.repo.deletePolicyVersion(arn, versionId);
}

export async function setDefaultPolicyVersion(ctx: IamContext, arn: string, versionId: string): Promise<void> {
  const policy = await customerPolicy(ctx, arn);
  if (!(await ctx.repo.getPolicyVersion(arn, versionId))) throw versionNotFound(arn, versionId);
  await ctx.repo.updateManagedPolicy({ ...policy, defaultVersionId: versionId, updatedAt: ctx.now });
}
