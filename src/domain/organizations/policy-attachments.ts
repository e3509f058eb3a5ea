// Attaching policies to roots, OUs and accounts, and the policy types enabled on the root.

import type { OrgContext } from './context.js';
import type { OrganizationalUnit, Policy, PolicyType, Root, RootPolicyType } from './model.js';
import { conflict } from '../../lib/errors.js';
import { constraintViolation, invalidState, notFound } from './errors.js';
import { requireOrganization, requireRoot, requireTarget, requireTheRoot, type Target } from './hierarchy.js';
import { ATTACHMENT_LIMITS } from './policy-content.js';
import { FULL_AWS_ACCESS_ID } from './full-aws-access.js';
import { requirePolicy } from './policies.js';
import { paginate, type Page, type PageRequest } from './pagination.js';

export interface RootView extends Root {
  readonly policyTypes: readonly RootPolicyType[];
}

export const viewRoot = async (ctx: OrgContext, root: Root): Promise<RootView> => ({
  ...root,
  policyTypes: await ctx.repo.listRootPolicyTypes(root.id),
});

async function requireTypeEnabled(ctx: OrgContext, type: PolicyType): Promise<void> {
  const root = await requireTheRoot(ctx.repo);
  const types = await ctx.repo.listRootPolicyTypes(root.id);
  if (!types.some((t) => t.type === type && t.status === 'ENABLED')) {
    throw invalidState('PolicyType', `The policy type ${type} is not enabled on the root ${root.id}.`);
  }
}

export async function attachPolicy(ctx: OrgContext, policyId: string, targetId: string): Promise<void> {
  await requireOrganization(ctx.repo);
  const policy = await requirePolicy(ctx, policyId);
  const target = await requireTarget(ctx.repo, targetId);
  await requireTypeEnabled(ctx, policy.type);
  const attached = await ctx.repo.listAttachmentsForTarget(targetId);
  if (attached.some((a) => a.policyId === policyId)) {
    throw conflict(`The policy ${policyId} is already attached to ${targetId}.`, { resource: 'PolicyAttachment' });
  }
  const limit = ATTACHMENT_LIMITS[policy.type];
  if (attached.filter((a) => a.policyType === policy.type).length >= limit) {
    throw constraintViolation('MAX_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED', `At most ${limit} policies of type ${policy.type} may be attached to ${targetId}.`);
  }
  await ctx.repo.attachPolicy({ policyId, policyType: policy.type, targetId, targetType: target.type, attachedAt: ctx.now });
}

/** Refuses to remove the last SCP of a target while SCPs are enabled. */
export async function detachPolicy(ctx: OrgContext, policyId: string, targetId: string): Promise<void> {
  await requireOrganization(ctx.repo);
  const policy = await requirePolicy(ctx, policyId);
  await requireTarget(ctx.repo, targetId);
  const attached = await ctx.repo.listAttachmentsForTarget(targetId);
  if (!attached.some((a) => a.policyId === policyId)) {
    throw notFound('PolicyAttachment', `The policy ${policyId} is not attached to ${targetId}.`);
  }
  if (policy.type === 'SERVICE_CONTROL_POLICY' && attached.filter((a) => a.policyType === policy.type).length <= 1) {
    throw constraintViolation('MIN_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED', `${targetId} must keep at least one service control policy: attach another before detaching ${policyId}.`);
  }
  await ctx.repo.detachPolicy(policyId, targetId);
}

export async function listPoliciesForTarget(ctx: OrgContext, targetId: string, type: PolicyType, page: PageRequest): Promise<Page<Policy>> {
  await requireOrganization(ctx.repo);
  await requireTarget(ctx.repo, targetId);
  const attachments = (await ctx.repo.listAttachmentsForTarget(targetId)).filter((a) => a.policyType === type);
  const policies = await Promise.all(attachments.map((a) => requirePolicy(ctx, a.policyId)));
  return paginate(policies, (p) => p.id, `ListPoliciesForTarget:${targetId}:${type}`, page);
}

export async function listTargetsForPolicy(ctx: OrgContext, policyId: string, page: PageRequest): Promise<Page<Target>> {
  await requireOrganization(ctx.repo);
  await requirePolicy(ctx, policyId);
  const attachments = await ctx.repo.listAttachmentsForPolicy(policyId);
  const targets = await Promise.all(attachments.map((a) => requireTarget(ctx.repo, a.targetId)));
  return paginate(targets, (t) => t.id, `ListTargetsForPolicy:${policyId}`, page);
}

/** Enabling SCPs attaches FullAWSAccess to the root and to every OU and account. */
export async function enablePolicyType(ctx: OrgContext, rootId: string, type: PolicyType): Promise<RootView> {
  await requireOrganization(ctx.repo);
  const root = await requireRoot(ctx.repo, rootId);
  if ((await ctx.repo.listRootPolicyTypes(rootId)).some((t) => t.type === type)) {
    throw conflict(`The policy type ${type} is already enabled on ${rootId}.`, { resource: 'PolicyType' });
  }
  await ctx.repo.putRootPolicyType({ rootId, type, status: 'ENABLED' });
  if (type === 'SERVICE_CONTROL_POLICY') {
    const ous: OrganizationalUnit[] = await ctx.repo.listOrganizationalUnits();
    const targets = [
      { id: rootId, type: 'ROOT' as const },
      ...ous.map((o) => ({ id: o.id, type: 'ORGANIZATIONAL_UNIT' as const })),
      ...(await ctx.repo.listAccounts()).map((a) => ({ id: a.id, type: 'ACCOUNT' as const })),
    ];
    for (const t of targets) {
      await ctx.repo.attachPolicy({ policyId: FULL_AWS_ACCESS_ID, policyType: type, targetId: t.id, targetType: t.type, attachedAt: ctx.now });
    }
  }
  return viewRoot(ctx, root);
}

/** Disabling a type detaches every policy of that type everywhere. */
export async function disablePolicyType(ctx: OrgContext, rootId: string, type: PolicyType): Promise<RootView> {
  await requireOrganization(ctx.repo);
  const root = await requireRoot(ctx.repo, rootId);
  if (!(await ctx.repo.listRootPolicyTypes(rootId)).some((t) => t.type === type)) {
    throw invalidState('PolicyType', `The policy type ${type} is not enabled on ${rootId}.`);
  }
  await ctx.repo.detachAllOfType(type);
  await ctx.repo.deleteRootPolicyType(rootId, type);
  return viewRoot(ctx, root);
}
