// The policies that decide what a user or role may do, for the policy engine: its inline
// policies and the default versions of its attached managed policies (customer or AWS), and its
// permissions boundary. Documents are the JSON text as stored (not URL-encoded).

import type { IamContext } from './context.js';
import type { PrincipalRef } from './model.js';
import { loadPrincipal } from './principals.js';
import { defaultDocument, resolvePolicy } from './policy-resolver.js';

export interface PolicyText {
  /** A managed policy's ARN; for an inline policy `{principal ARN}#{policy name}`. */
  readonly id: string;
  readonly document: string;
}

export interface PrincipalPolicies {
  readonly identity: PolicyText[];
  readonly boundary?: PolicyText;
}

export async function getPrincipalPolicies(ctx: IamContext, ref: PrincipalRef): Promise<PrincipalPolicies> {
  const principal = await loadPrincipal(ctx, ref);
  const arn = principal.kind === 'role' ? principal.role.arn : principal.user.arn;
  const identity: PolicyText[] = (await ctx.repo.listInlinePolicies(ctx.accountId, principal.ref)).map((p) => ({
    id: `${arn}#${p.policyName}`,
    document: p.document,
  }));
  for (const a of await ctx.repo.listAttachedPolicies(ctx.accountId, principal.ref)) {
    const resolved = await resolvePolicy(ctx, a.policyArn).catch(() => undefined);
    if (resolved) identity.push({ id: a.policyArn, document: await defaultDocument(ctx, resolved) });
  }
  const boundaryArn = principal.kind === 'role' ? principal.role.permissionsBoundaryArn : principal.user.permissionsBoundaryArn;
  if (boundaryArn === undefined) return { identity };
  const resolved = await resolvePolicy(ctx, boundaryArn).catch(() => undefined);
  // A boundary that no longer resolves allows nothing: an empty policy denies by default.
  const document = resolved ? await defaultDocument(ctx, resolved) : '{"Version":"2012-10-17","Statement":[]}';
  return { identity, boundary: { id: boundaryArn, document } };
}
