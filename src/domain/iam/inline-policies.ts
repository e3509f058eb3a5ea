// Inline policies of roles and users: put (create or replace), get, list, delete. The size quota
// is on the aggregate of the principal's inline policies.

import type { IamContext } from './context.js';
import type { PrincipalRef } from './model.js';
import { noSuchEntity } from './errors.js';
import { checkName, nameKey } from './names.js';
import { paginate, type Page, type PageRequest } from './pagination.js';
import { checkInlinePolicyDocument, urlEncodeDocument } from './policy-document.js';
import { loadPrincipal } from './principals.js';
import type { Actor } from './protection.js';

const notFound = (ref: PrincipalRef, policyName: string) =>
  noSuchEntity(ref.kind === 'role' ? 'RolePolicy' : 'UserPolicy', `The ${ref.kind} policy with name ${policyName} cannot be found.`);

export async function putInlinePolicy(ctx: IamContext, ref: PrincipalRef, policyName: string, document: string, actor: Actor): Promise<void> {
  checkName('PolicyName', policyName, 128);
  const principal = await loadPrincipal(ctx, ref, actor);
  const others = (await ctx.repo.listInlinePolicies(ctx.accountId, principal.ref))
    .filter((p) => nameKey(p.policyName) !== nameKey(policyName))
    .map((p) => p.document);
  checkInlinePolicyDocument(document, others, principal.ref);
  await ctx.repo.putInlinePolicy({
    accountId: ctx.accountId,
    principalKind: principal.kind,
    principalName: principal.ref.name,
    policyName,
    document,
  });
}

export interface InlinePolicyOutput {
  /** The principal's stored name. */
  readonly principalName: string;
  readonly policyName: string;
  /** URL-encoded, as IAM returns it. */
  readonly policyDocument: string;
}

export async function getInlinePolicy(ctx: IamContext, ref: PrincipalRef, policyName: string): Promise<InlinePolicyOutput> {
  const principal = await loadPrincipal(ctx, ref);
  const policy = await ctx.repo.getInlinePolicy(ctx.accountId, principal.ref, policyName);
  if (!policy) throw notFound(ref, policyName);
  return { principalName: principal.ref.name, policyName: policy.policyName, policyDocument: urlEncodeDocument(policy.document) };
}

export async function listInlinePolicyNames(ctx: IamContext, ref: PrincipalRef, page: PageRequest): Promise<Page<string>> {
  const principal = await loadPrincipal(ctx, ref);
  const names = (await ctx.repo.listInlinePolicies(ctx.accountId, principal.ref)).map((p) => p.policyName);
  return paginate(names, nameKey, `inline:${ref.kind}:${nameKey(principal.ref.name)}`, page);
}

export async function deleteInlinePolicy(ctx: IamContext, ref: PrincipalRef, policyName: string, actor: Actor): Promise<void> {
  const principal = await loadPrincipal(ctx, ref, actor);
  const policy = await ctx.repo.getInlinePolicy(ctx.accountId, principal.ref, policyName);
  if (!policy) throw notFound(ref, policyName);
  await ctx.repo.deleteInlinePolicy(ctx.accountId, principal.ref, policy.policyName);
}
