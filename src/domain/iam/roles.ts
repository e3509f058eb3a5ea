// IAM roles: create, read, list, update, delete, trust policy and tags. Role names are unique
// per account regardless of case. Roles under service paths change only by the provisioner.

import { newIamUniqueId } from '../../lib/ids.js';
import type { IamContext } from './context.js';
import type { IamRole, Tag } from './model.js';
import { constraintViolation, deleteConflict, roleNotFound } from './errors.js';
import { checkName, checkPath, nameKey, roleArn } from './names.js';
import { paginate, type Page, type PageRequest } from './pagination.js';
import { checkTrustPolicyDocument, urlEncodeDocument } from './policy-document.js';
import { assertRoleMutable, type Actor } from './protection.js';
import { checkBoundaryPolicy } from './boundaries.js';
import { checkNewTags, mergeTags, MAX_TAGS, removeTags } from './tags.js';
import { limitExceeded } from './errors.js';

export const MIN_SESSION_DURATION = 3600;
export const MAX_SESSION_DURATION = 43200;

export interface CreateRoleInput {
  readonly roleName: string;
  readonly path?: string;
  readonly assumeRolePolicyDocument: string;
  readonly description?: string;
  readonly maxSessionDuration?: number;
  readonly permissionsBoundary?: string;
  readonly tags?: readonly Tag[];
}

/** The role as IAM's API returns it: the trust policy URL-encoded. */
export const roleOutput = (role: IamRole): IamRole => ({
  ...role,
  assumeRolePolicyDocument: urlEncodeDocument(role.assumeRolePolicyDocument),
});

function checkDuration(seconds: number): void {
  if (!Number.isInteger(seconds) || seconds < MIN_SESSION_DURATION || seconds > MAX_SESSION_DURATION) {
    throw constraintViolation(
      'MaxSessionDuration',
      `The requested duration ${seconds} for MaxSessionDuration is not valid. It must be between ${MIN_SESSION_DURATION} and ${MAX_SESSION_DURATION} seconds.`,
    );
  }
}

function checkDescription(description: string | undefined): void {
  if (description !== undefined && description.length > 1000) {
    throw constraintViolation('Description', 'The description of a role must be at most 1000 characters.');
  }
}

export async function createRole(ctx: IamContext, input: CreateRoleInput, actor: Actor): Promise<IamRole> {
  const path = input.path ?? '/';
  checkName('RoleName', input.roleName, 64);
  checkPath(path);
  assertRoleMutable({ roleName: input.roleName, path }, actor);
  checkTrustPolicyDocument(input.assumeRolePolicyDocument);
  checkDescription(input.description);
  const maxSessionDuration = input.maxSessionDuration ?? MIN_SESSION_DURATION;
  checkDuration(maxSessionDuration);
  const tags = input.tags ?? [];
  checkNewTags(tags);
  if (tags.length > MAX_TAGS) throw limitExceeded('Role', `A role may have at most ${MAX_TAGS} tags.`);
  if (input.permissionsBoundary !== undefined) await checkBoundaryPolicy(ctx, input.permissionsBoundary);
  const role: IamRole = {
    accountId: ctx.accountId,
    roleName: input.roleName,
    roleId: newIamUniqueId(ctx.random, 'AROA'),
    path,
    arn: roleArn(ctx.accountId, path, input.roleName),
    createdAt: ctx.now,
    assumeRolePolicyDocument: input.assumeRolePolicyDocument,
    ...(input.description !== undefined ? { description: input.description } : {}),
    maxSessionDuration,
    ...(input.permissionsBoundary !== undefined ? { permissionsBoundaryArn: input.permissionsBoundary } : {}),
    tags: tags.map((t) => ({ key: t.key, value: t.value })),
  };
  await ctx.repo.createRole(role);
  return role;
}

export async function getRole(ctx: IamContext, roleName: string): Promise<IamRole> {
  const role = await ctx.repo.getRole(ctx.accountId, roleName);
  if (!role) throw roleNotFound(roleName);
  return role;
}

/** The role, when `actor` may change it. */
export async function getMutableRole(ctx: IamContext, roleName: string, actor: Actor): Promise<IamRole> {
  const role = await getRole(ctx, roleName);
  assertRoleMutable(role, actor);
  return role;
}

export async function listRoles(ctx: IamContext, pathPrefix: string | undefined, page: PageRequest): Promise<Page<IamRole>> {
  const prefix = pathPrefix ?? '/';
  const roles = (await ctx.repo.listRoles(ctx.accountId)).filter((r) => r.path.startsWith(prefix));
  return paginate(roles, (r) => nameKey(r.roleName), `roles:${prefix}`, page);
}

export interface UpdateRoleInput {
  readonly description?: string;
  readonly maxSessionDuration?: number;
}

export async function updateRole(ctx: IamContext, roleName: string, input: UpdateRoleInput, actor: Actor): Promise<IamRole> {
  const role = await getMutableRole(ctx, roleName, actor);
  checkDescription(input.description);
  if (input.maxSessionDuration !== undefined) checkDuration(input.maxSessionDuration);
  const updated: IamRole = {
    ...role,
    ...(input.description !== undefined ? { description: input.description } : {}),
    ...(input.maxSessionDuration !== undefined ? { maxSessionDuration: input.maxSessionDuration } : {}),
  };
  await ctx.repo.updateRole(updated);
  return updated;
}

export async function updateAssumeRolePolicy(ctx: IamContext, roleName: string, document: string, actor: Actor): Promise<void> {
  const role = await getMutableRole(ctx, roleName, actor);
  checkTrustPolicyDocument(document, 'PolicyDocument');
  await ctx.repo.updateRole({ ...role, assumeRolePolicyDocument: document });
}

/** Refuses while the role has inline or attached policies, as IAM does. */
export async function deleteRole(ctx: IamContext, roleName: string, actor: Actor): Promise<void> {
  const role = await getMutableRole(ctx, roleName, actor);
  const ref = { kind: 'role' as const, name: role.roleName };
  if ((await ctx.repo.listAttachedPolicies(ctx.accountId, ref)).length > 0) {
    throw deleteConflict('Role', 'Cannot delete entity, must detach all policies first.');
  }
  if ((await ctx.repo.listInlinePolicies(ctx.accountId, ref)).length > 0) {
    throw deleteConflict('Role', 'Cannot delete entity, must delete policies first.');
  }
  await ctx.repo.deleteRole(ctx.accountId, role.roleName);
}

export async function tagRole(ctx: IamContext, roleName: string, tags: readonly Tag[], actor: Actor): Promise<void> {
  const role = await getMutableRole(ctx, roleName, actor);
  await ctx.repo.updateRole({ ...role, tags: mergeTags('Role', role.tags, tags) });
}

export async function untagRole(ctx: IamContext, roleName: string, keys: readonly string[], actor: Actor): Promise<void> {
  const role = await getMutableRole(ctx, roleName, actor);
  await ctx.repo.updateRole({ ...role, tags: removeTags(role.tags, keys) });
}

export async function listRoleTags(ctx: IamContext, roleName: string, page: PageRequest): Promise<Page<Tag>> {
  const role = await getRole(ctx, roleName);
  return paginate(role.tags, (t) => t.key, `role-tags:${nameKey(role.roleName)}`, page);
}
