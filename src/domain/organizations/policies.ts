// Organization policies (SCPs and the management policy types): their lifecycle and rules.

import type { OrgContext } from './context.js';
import type { Policy, PolicyType, Tag } from './model.js';
import { newPolicyId } from '../../lib/ids.js';
import { policyArn } from './arns.js';
import { constraintViolation, invalidInput, invalidState, notFound } from './errors.js';
import { requireOrganization } from './hierarchy.js';
import { checkPolicyContent } from './policy-content.js';
import { checkNewTags, checkTagCount } from './tags.js';
import { paginate, type Page, type PageRequest } from './pagination.js';

/** The most policies of a type an organization may have. */
export const POLICY_COUNT_LIMITS: Readonly<Record<PolicyType, number>> = {
  SERVICE_CONTROL_POLICY: 10000,
  TAG_POLICY: 1000,
  BACKUP_POLICY: 1000,
  AISERVICES_OPT_OUT_POLICY: 1000,
};

export async function requirePolicy(ctx: OrgContext, id: string): Promise<Policy> {
  const policy = await ctx.repo.getPolicy(id);
  if (!policy) throw notFound('Policy', `We can't find a policy with the id ${id}.`);
  return policy;
}

const refuseAwsManaged = (policy: Policy) => {
  if (policy.awsManaged) {
    throw invalidInput('PolicyId', 'IMMUTABLE_POLICY', `The policy ${policy.id} is managed by AWS and can't be modified.`);
  }
};

export interface CreatePolicyInput {
  readonly content: string;
  readonly description: string;
  readonly name: string;
  readonly type: PolicyType;
  readonly tags?: readonly Tag[];
}

export async function createPolicy(ctx: OrgContext, input: CreatePolicyInput): Promise<Policy> {
  const org = await requireOrganization(ctx.repo);
  checkPolicyContent(input.type, input.content);
  const tags = input.tags ?? [];
  checkNewTags(tags);
  checkTagCount([], tags);
  const existing = await ctx.repo.listPolicies(input.type);
  if (existing.filter((p) => !p.awsManaged).length >= POLICY_COUNT_LIMITS[input.type]) {
    throw constraintViolation('POLICY_NUMBER_LIMIT_EXCEEDED', `An organization may have at most ${POLICY_COUNT_LIMITS[input.type]} policies of type ${input.type}.`);
  }
  let id = newPolicyId(ctx.random);
  while (await ctx.repo.getPolicy(id)) id = newPolicyId(ctx.random);
  const policy: Policy = {
    id,
    arn: policyArn(org.managementAccountId, org.id, input.type, id),
    name: input.name,
    description: input.description,
    type: input.type,
    awsManaged: false,
    content: input.content,
  };
  await ctx.repo.createPolicy(policy);
  if (tags.length) await ctx.repo.putTags(id, tags);
  return policy;
}

export interface UpdatePolicyInput {
  readonly policyId: string;
  readonly name?: string;
  readonly description?: string;
  readonly content?: string;
}

export async function updatePolicy(ctx: OrgContext, input: UpdatePolicyInput): Promise<Policy> {
  await requireOrganization(ctx.repo);
  const policy = await requirePolicy(ctx, input.policyId);
  refuseAwsManaged(policy);
  if (input.content !== undefined) checkPolicyContent(policy.type, input.content);
  const updated: Policy = {
    ...policy,
    name: input.name ?? policy.name,
    description: input.description ?? policy.description,
    content: input.content ?? policy.content,
  };
  await ctx.repo.updatePolicy(updated);
  return updated;
}

/** Refuses a policy that is still attached anywhere. */
export async function deletePolicy(ctx: OrgContext, id: string): Promise<void> {
  await requireOrganization(ctx.repo);
  const policy = await requirePolicy(ctx, id);
  refuseAwsManaged(policy);
  if ((await ctx.repo.listAttachmentsForPolicy(id)).length) {
    throw invalidState('Policy', `The policy ${id} is attached to one or more targets: detach it first.`);
  }
  await ctx.repo.removeTags(id, (await ctx.repo.listTags(id)).map((t) => t.key));
  await ctx.repo.deletePolicy(id);
}

export async function describePolicy(ctx: OrgContext, id: string): Promise<Policy> {
  await requireOrganization(ctx.repo);
  return requirePolicy(ctx, id);
}

export async function listPolicies(ctx: OrgContext, type: PolicyType, page: PageRequest): Promise<Page<Policy>> {
  await requireOrganization(ctx.repo);
  return paginate(await ctx.repo.listPolicies(type), (p) => p.id, `ListPolicies:${type}`, page);
}
