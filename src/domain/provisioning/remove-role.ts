// Deleting a provisioned role once nothing is assigned: its policies first (IAM refuses to
// delete a role that has any), then the role. Idempotent: a role already gone is fine.

import type { IamContext } from '../iam/context.js';
import type { PrincipalRef } from '../iam/model.js';
import { PROVISIONER } from '../iam/protection.js';
import { deleteRole } from '../iam/roles.js';
import { detachPolicy } from '../iam/attachments.js';
import { deleteInlinePolicy } from '../iam/inline-policies.js';

export async function removeRole(ctx: IamContext, roleName: string): Promise<void> {
  if (!(await ctx.repo.getRole(ctx.accountId, roleName))) return;
  const ref: PrincipalRef = { kind: 'role', name: roleName };
  for (const a of await ctx.repo.listAttachedPolicies(ctx.accountId, ref)) await detachPolicy(ctx, ref, a.policyArn, PROVISIONER);
  for (const p of await ctx.repo.listInlinePolicies(ctx.accountId, ref)) await deleteInlinePolicy(ctx, ref, p.policyName, PROVISIONER);
  await deleteRole(ctx, roleName, PROVISIONER);
}
