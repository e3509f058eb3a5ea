// Permissions boundaries of roles and users: a managed policy (customer or AWS) that caps what
// the principal's identity policies can grant.

import type { IamContext } from './context.js';
import type { PrincipalRef } from './model.js';
import { invalidInput } from './errors.js';
import { loadPrincipal } from './principals.js';
import { resolvePolicy, type ResolvedPolicy } from './policy-resolver.js';
import type { Actor } from './protection.js';
import { isServiceRolePolicy } from './aws-managed-policies.js';

/** The boundary policy `arn` names: it must exist, and not be an AWS service-role policy. */
export async function checkBoundaryPolicy(ctx: IamContext, arn: string): Promise<ResolvedPolicy> {
  const resolved = await resolvePolicy(ctx, arn, 'PermissionsBoundary');
  if (resolved.kind === 'aws' && isServiceRolePolicy(resolved.policy)) {
    throw invalidInput('PermissionsBoundary', `Invalid permissions boundary ${arn}: a service role policy cannot be a permissions boundary.`);
  }
  return resolved;
}

export async function putPermissionsBoundary(ctx: IamContext, ref: PrincipalRef, arn: string, actor: Actor): Promise<void> {
  const principal = await loadPrincipal(ctx, ref, actor);
  await checkBoundaryPolicy(ctx, arn);
  if (principal.kind === 'role') await ctx.repo.updateRole({ ...principal.role, permissionsBoundaryArn: arn });
  else await ctx.repo.updateUser({ ...principal.user, permissionsBoundaryArn: arn });
}

export async function deletePermissionsBoundary(ctx: IamContext, ref: PrincipalRef, actor: Actor): Promise<void> {
  const principal = await loadPrincipal(ctx, ref, actor);
  if (principal.kind === 'role') {
    const { permissionsBoundaryArn: _, ...role } = principal.role;
    await ctx.repo.updateRole(role);
  } else {
    const { permissionsBoundaryArn: _, ...user } = principal.user;
    await ctx.repo.updateUser(user);
  }
}
