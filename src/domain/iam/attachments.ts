// Managed policies attached to roles and users: attach, detach, list. Unknown policies are
// NoSuchEntity; AWS service-role policies attach only to service-linked roles.

import type { IamContext } from './context.js';
import type { PrincipalRef } from './model.js';
import { limitExceeded, noSuchEntity, policyNotAttachable } from './errors.js';
import { nameKey, parsePolicyArn } from './names.js';
import { paginate, type Page, type PageRequest } from './pagination.js';
import { loadPrincipal } from './principals.js';
import { isAttachableTo, resolvePolicy } from './policy-resolver.js';
import type { Actor } from './protection.js';

/** IAM's quota of managed policies per role or user, as raised to its maximum. */
export const MAX_ATTACHED_POLICIES = 20;

export interface AttachedPolicyOutput {
  readonly policyName: string;
  readonly policyArn: string;
}

export async function attachPolicy(ctx: IamContext, ref: PrincipalRef, policyArn: string, actor: Actor): Promise<void> {
  const principal = await loadPrincipal(ctx, ref, actor);
  const resolved = await resolvePolicy(ctx, policyArn);
  if (!isAttachableTo(resolved, principal.kind === 'role' ? principal.path : undefined)) {
    throw policyNotAttachable(`Cannot attach a Service Role Policy to a Customer Role.`);
  }
  const attached = await ctx.repo.listAttachedPolicies(ctx.accountId, principal.ref);
  if (attached.some((a) => a.policyArn === policyArn)) return;
  if (attached.length >= MAX_ATTACHED_POLICIES) {
    const quota = principal.kind === 'role' ? 'PoliciesPerRole' : 'PoliciesPerUser';
    throw limitExceeded('Policy', `Cannot exceed quota for ${quota}: ${MAX_ATTACHED_POLICIES}`);
  }
  await ctx.repo.attachPolicy({ accountId: ctx.accountId, principalKind: principal.kind, principalName: principal.ref.name, policyArn });
}

export async function detachPolicy(ctx: IamContext, ref: PrincipalRef, policyArn: string, actor: Actor): Promise<void> {
  const principal = await loadPrincipal(ctx, ref, actor);
  parsePolicyArn(policyArn);
  const removed = await ctx.repo.detachPolicy({
    accountId: ctx.accountId,
    principalKind: principal.kind,
    principalName: principal.ref.name,
    policyArn,
  });
  if (!removed) throw noSuchEntity('Policy', `Policy ${policyArn} was not found.`);
}

export async function listAttachedPolicies(
  ctx: IamContext,
  ref: PrincipalRef,
  pathPrefix: string | undefined,
  page: PageRequest,
): Promise<Page<AttachedPolicyOutput>> {
  const principal = await loadPrincipal(ctx, ref);
  const prefix = pathPrefix ?? '/';
  const out = (await ctx.repo.listAttachedPolicies(ctx.accountId, principal.ref))
    .map((a) => ({ arn: a.policyArn, parts: parsePolicyArn(a.policyArn) }))
    .filter((a) => a.parts.path.startsWith(prefix))
    .map((a) => ({ policyName: a.parts.name, policyArn: a.arn }));
  // Customer policy names are unique in the account, so name and owner identify an attachment.
  const owner = (arn: string) => (parsePolicyArn(arn).account === 'aws' ? 'aws' : 'local');
  return paginate(out, (a) => `${nameKey(a.policyName)}\u0000${owner(a.policyArn)}`, `attached:${ref.kind}:${nameKey(principal.ref.name)}:${prefix}`, page);
}
