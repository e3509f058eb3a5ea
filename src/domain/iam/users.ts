// IAM users: create, read, list, delete. User names are unique per account regardless of case;
// a user with keys or policies cannot be deleted.

import { newIamUniqueId } from '../../lib/ids.js';
import type { IamContext } from './context.js';
import type { IamUser, Tag } from './model.js';
import { deleteConflict, limitExceeded, userNotFound } from './errors.js';
import { checkName, checkPath, nameKey, userArn } from './names.js';
import { paginate, type Page, type PageRequest } from './pagination.js';
import { checkBoundaryPolicy } from './boundaries.js';
import { checkNewTags, MAX_TAGS } from './tags.js';

export interface CreateUserInput {
  readonly userName: string;
  readonly path?: string;
  readonly permissionsBoundary?: string;
  readonly tags?: readonly Tag[];
}

export async function createUser(ctx: IamContext, input: CreateUserInput): Promise<IamUser> {
  const path = input.path ?? '/';
  checkName('UserName', input.userName, 64);
  checkPath(path);
  const tags = input.tags ?? [];
  checkNewTags(tags);
  if (tags.length > MAX_TAGS) throw limitExceeded('User', `A user may have at most ${MAX_TAGS} tags.`);
  if (input.permissionsBoundary !== undefined) await checkBoundaryPolicy(ctx, input.permissionsBoundary);
  const user: IamUser = {
    accountId: ctx.accountId,
    userName: input.userName,
    userId: newIamUniqueId(ctx.random, 'AIDA'),
    path,
    arn: userArn(ctx.accountId, path, input.userName),
    createdAt: ctx.now,
    ...(input.permissionsBoundary !== undefined ? { permissionsBoundaryArn: input.permissionsBoundary } : {}),
    ...(tags.length > 0 ? { tags: tags.map((t) => ({ key: t.key, value: t.value })) } : {}),
  };
  await ctx.repo.createUser(user);
  return user;
}

export async function getUser(ctx: IamContext, userName: string): Promise<IamUser> {
  const user = await ctx.repo.getUser(ctx.accountId, userName);
  if (!user) throw userNotFound(userName);
  return user;
}

export async function listUsers(ctx: IamContext, pathPrefix: string | undefined, page: PageRequest): Promise<Page<IamUser>> {
  const prefix = pathPrefix ?? '/';
  const users = (await ctx.repo.listUsers(ctx.accountId)).filter((u) => u.path.startsWith(prefix));
  return paginate(users, (u) => nameKey(u.userName), `users:${prefix}`, page);
}

/** Refuses while the user has access keys, inline policies or attached policies, as IAM does. */
export async function deleteUser(ctx: IamContext, userName: string): Promise<void> {
  const user = await getUser(ctx, userName);
  const ref = { kind: 'user' as const, name: user.userName };
  if ((await ctx.repo.listAccessKeys(ctx.accountId, user.userName)).length > 0) {
    throw deleteConflict('User', 'Cannot delete entity, must delete access keys first.');
  }
  if ((await ctx.repo.listInlinePolicies(ctx.accountId, ref)).length > 0) {
    throw deleteConflict('User', 'Cannot delete entity, must delete policies first.');
  }
  if ((await ctx.repo.listAttachedPolicies(ctx.accountId, ref)).length > 0) {
    throw deleteConflict('User', 'Cannot delete entity, must detach all policies first.');
  }
  await ctx.repo.deleteUser(ctx.accountId, user.userName);
}
