// A policy ARN as attach, boundary and read operations see it: a customer managed policy of
// the caller's account, or an AWS managed policy. Anything else does not exist.

import type { IamContext } from './context.js';
import type { ManagedPolicy } from './model.js';
import { getAwsManagedPolicy, isAwsManagedArn, isServiceRolePolicy, type AwsManagedPolicy } from './aws-managed-policies.js';
import { policyNotFound } from './errors.js';
import { parsePolicyArn } from './names.js';

export type ResolvedPolicy =
  | { readonly kind: 'customer'; readonly arn: string; readonly name: string; readonly policy: ManagedPolicy }
  | { readonly kind: 'aws'; readonly arn: string; readonly name: string; readonly policy: AwsManagedPolicy };

/** Finds the policy `arn` names; throws NoSuchEntity (InvalidInput when it is no policy ARN). */
export async function resolvePolicy(ctx: IamContext, arn: string, field = 'PolicyArn'): Promise<ResolvedPolicy> {
  const parts = parsePolicyArn(arn, field);
  if (isAwsManagedArn(arn)) {
    const policy = getAwsManagedPolicy(arn);
    if (!policy) throw policyNotFound(arn);
    return { kind: 'aws', arn, name: policy.name, policy };
  }
  if (parts.account !== ctx.accountId) throw policyNotFound(arn);
  const policy = await ctx.repo.getManagedPolicy(arn);
  if (!policy) throw policyNotFound(arn);
  return { kind: 'customer', arn, name: policy.policyName, policy };
}

/** The document of the policy's default version. */
export async function defaultDocument(ctx: IamContext, resolved: ResolvedPolicy): Promise<string> {
  if (resolved.kind === 'aws') return resolved.policy.defaultDocument;
  const version = await ctx.repo.getPolicyVersion(resolved.arn, resolved.policy.defaultVersionId);
  return version?.document ?? '{}';
}

/** AWS service-role policies attach only to service-linked roles. */
export const isAttachableTo = (resolved: ResolvedPolicy, rolePath?: string): boolean =>
  resolved.kind !== 'aws' || !isServiceRolePolicy(resolved.policy) || (rolePath ?? '').startsWith('/aws-service-role/');
