// The idempotent steps that make a permission set's role in one account match its RoleSpec:
// check what must already be there (customer managed policies), then ensure the role, its
// attached policies, its inline policy and its boundary. Each step compares before it writes,
// so running them again on a half-done or finished account changes nothing twice.

import type { IamContext } from '../iam/context.js';
import type { IamRole, PrincipalRef } from '../iam/model.js';
import { PROVISIONER } from '../iam/protection.js';
import { createRole } from '../iam/roles.js';
import { attachPolicy, detachPolicy } from '../iam/attachments.js';
import { deleteInlinePolicy, putInlinePolicy } from '../iam/inline-policies.js';
import { deletePermissionsBoundary, putPermissionsBoundary } from '../iam/boundaries.js';
import { INLINE_POLICY_NAME, ROLE_MAX_SESSION_DURATION, type RoleSpec } from './role-spec.js';

/** What the account has now: the role if it exists, or why it cannot be made (for a person). */
export type Precheck = { readonly failure: string } | { readonly failure?: undefined; readonly existing: IamRole | undefined };

export async function precheckRole(ctx: IamContext, spec: RoleSpec): Promise<Precheck> {
  for (const need of spec.customerPolicies) {
    if (await ctx.repo.getManagedPolicy(need.arn)) continue;
    const what = need.use === 'boundary' ? 'permissions boundary' : 'policy';
    return {
      failure: `Customer managed ${what} ${need.label} does not exist in account ${spec.accountId}. ` +
        'Create it in that account (same name and path), or remove it from the permission set, then provision the permission set again.',
    };
  }
  const existing = await ctx.repo.getRole(ctx.accountId, spec.roleName);
  if (existing && existing.path !== spec.path) {
    return {
      failure: `Account ${spec.accountId} has a role named ${existing.roleName} at path ${existing.path} that Identity Center did not make. ` +
        'Delete or rename it, then provision the permission set again.',
    };
  }
  return { existing };
}

async function ensureRoleRecord(ctx: IamContext, spec: RoleSpec, role: IamRole | undefined): Promise<IamRole> {
  if (!role) {
    return createRole(ctx, {
      roleName: spec.roleName,
      path: spec.path,
      assumeRolePolicyDocument: spec.trustPolicy,
      ...(spec.description !== undefined ? { description: spec.description } : {}),
      maxSessionDuration: ROLE_MAX_SESSION_DURATION,
    }, PROVISIONER);
  }
  const { description: _, ...rest } = role;
  const next: IamRole = {
    ...rest,
    ...(spec.description !== undefined ? { description: spec.description } : {}),
    assumeRolePolicyDocument: spec.trustPolicy,
    maxSessionDuration: ROLE_MAX_SESSION_DURATION,
  };
  const same = role.description === next.description && role.assumeRolePolicyDocument === next.assumeRolePolicyDocument &&
    role.maxSessionDuration === next.maxSessionDuration;
  // The provisioner owns this role: the record is written as a whole, the fields made by us.
  if (!same) await ctx.repo.updateRole(next);
  return same ? role : next;
}

async function ensureAttachments(ctx: IamContext, ref: PrincipalRef, wanted: readonly string[]): Promise<void> {
  const current = (await ctx.repo.listAttachedPolicies(ctx.accountId, ref)).map((a) => a.policyArn);
  for (const arn of current) if (!wanted.includes(arn)) await detachPolicy(ctx, ref, arn, PROVISIONER);
  for (const arn of wanted) if (!current.includes(arn)) await attachPolicy(ctx, ref, arn, PROVISIONER);
}

async function ensureInline(ctx: IamContext, ref: PrincipalRef, document: string | undefined): Promise<void> {
  const current = await ctx.repo.getInlinePolicy(ctx.accountId, ref, INLINE_POLICY_NAME);
  if (document !== undefined && current?.document !== document) await putInlinePolicy(ctx, ref, INLINE_POLICY_NAME, document, PROVISIONER);
  if (document === undefined && current) await deleteInlinePolicy(ctx, ref, INLINE_POLICY_NAME, PROVISIONER);
}

async function ensureBoundary(ctx: IamContext, ref: PrincipalRef, role: IamRole, arn: string | undefined): Promise<void> {
  if (arn !== undefined && role.permissionsBoundaryArn !== arn) await putPermissionsBoundary(ctx, ref, arn, PROVISIONER);
  if (arn === undefined && role.permissionsBoundaryArn !== undefined) await deletePermissionsBoundary(ctx, ref, PROVISIONER);
}

/** Makes the role match `spec`, given what precheckRole found (its checks passed). */
export async function ensureRole(ctx: IamContext, spec: RoleSpec, existing: IamRole | undefined): Promise<void> {
  const role = await ensureRoleRecord(ctx, spec, existing);
  const ref: PrincipalRef = { kind: 'role', name: spec.roleName };
  await ensureAttachments(ctx, ref, spec.attachedPolicyArns);
  await ensureInline(ctx, ref, spec.inlinePolicy);
  await ensureBoundary(ctx, ref, role, spec.boundaryArn);
}
