// While SCPs are enabled on the root, every root, OU and account has FullAWSAccess attached from
// the moment it exists (AWS attaches it to new OUs and accounts, and to everything on enabling).

import type { OrgContext } from './context.js';
import type { TargetType } from './model.js';
import { FULL_AWS_ACCESS_ID } from './full-aws-access.js';
import { requireTheRoot } from './hierarchy.js';

export async function scpEnabled(ctx: OrgContext): Promise<boolean> {
  const root = await requireTheRoot(ctx.repo);
  const types = await ctx.repo.listRootPolicyTypes(root.id);
  return types.some((t) => t.type === 'SERVICE_CONTROL_POLICY' && t.status === 'ENABLED');
}

export async function attachDefaultScp(ctx: OrgContext, targetId: string, targetType: TargetType): Promise<void> {
  if (!(await scpEnabled(ctx))) return;
  await ctx.repo.attachPolicy({
    policyId: FULL_AWS_ACCESS_ID,
    policyType: 'SERVICE_CONTROL_POLICY',
    targetId,
    targetType,
    attachedAt: ctx.now,
  });
}
