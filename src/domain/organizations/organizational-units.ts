// Organizational units and walking the tree (children and parents).

import type { OrgContext } from './context.js';
import type { ChildType, OrganizationalUnit, ParentType, Tag } from './model.js';
import { newOuId } from '../../lib/ids.js';
import { ouArn } from './arns.js';
import { constraintViolation, invalidState, notFound } from './errors.js';
import {
  MAX_OU_DEPTH, parentTypeOf, pathFromRoot, requireOrganization, requireOrganizationalUnit, requireParent, requireTheRoot,
} from './hierarchy.js';
import { attachDefaultScp } from './default-scp.js';
import { checkNewTags, checkTagCount } from './tags.js';
import { paginate, type Page, type PageRequest } from './pagination.js';

export async function createOrganizationalUnit(
  ctx: OrgContext, input: { parentId: string; name: string; tags?: readonly Tag[] },
): Promise<OrganizationalUnit> {
  const org = await requireOrganization(ctx.repo);
  const tags = input.tags ?? [];
  checkNewTags(tags);
  checkTagCount([], tags);
  const path = await pathFromRoot(ctx.repo, input.parentId);
  if (path.length > MAX_OU_DEPTH) {
    throw constraintViolation('OU_DEPTH_LIMIT_EXCEEDED', `An OU tree may be at most ${MAX_OU_DEPTH} levels deep below the root.`);
  }
  const root = await requireTheRoot(ctx.repo);
  const id = newOuId(ctx.random, root.id);
  const ou: OrganizationalUnit = {
    id, arn: ouArn(org.managementAccountId, org.id, id), name: input.name, parentId: input.parentId, createdAt: ctx.now,
  };
  await ctx.repo.createOrganizationalUnit(ou);
  await attachDefaultScp(ctx, id, 'ORGANIZATIONAL_UNIT');
  if (tags.length) await ctx.repo.putTags(id, tags);
  return ou;
}

export async function describeOrganizationalUnit(ctx: OrgContext, id: string): Promise<OrganizationalUnit> {
  await requireOrganization(ctx.repo);
  return requireOrganizationalUnit(ctx.repo, id);
}

export async function updateOrganizationalUnit(ctx: OrgContext, id: string, name?: string): Promise<OrganizationalUnit> {
  await requireOrganization(ctx.repo);
  const ou = await requireOrganizationalUnit(ctx.repo, id);
  if (name === undefined || name === ou.name) return ou;
  await ctx.repo.renameOrganizationalUnit(id, name);
  return { ...ou, name };
}

/** Refuses an OU that still holds accounts or OUs; removes its attachments and tags. */
export async function deleteOrganizationalUnit(ctx: OrgContext, id: string): Promise<void> {
  await requireOrganization(ctx.repo);
  await requireOrganizationalUnit(ctx.repo, id);
  const [accounts, ous] = [await ctx.repo.listAccountsForParent(id), await ctx.repo.listOrganizationalUnitsForParent(id)];
  if (accounts.length || ous.length) {
    throw invalidState('OrganizationalUnit', `The organizational unit ${id} is not empty: move or delete its accounts and OUs first.`);
  }
  await ctx.repo.detachAllFromTarget(id);
  await ctx.repo.removeTags(id, (await ctx.repo.listTags(id)).map((t) => t.key));
  await ctx.repo.deleteOrganizationalUnit(id);
}

export async function listOrganizationalUnitsForParent(
  ctx: OrgContext, parentId: string, page: PageRequest,
): Promise<Page<OrganizationalUnit>> {
  await requireOrganization(ctx.repo);
  await requireParent(ctx.repo, parentId);
  const ous = await ctx.repo.listOrganizationalUnitsForParent(parentId);
  return paginate(ous, (o) => o.id, `ListOrganizationalUnitsForParent:${parentId}`, page);
}

export interface Child {
  readonly id: string;
  readonly type: ChildType;
}

export async function listChildren(ctx: OrgContext, parentId: string, childType: ChildType, page: PageRequest): Promise<Page<Child>> {
  await requireOrganization(ctx.repo);
  await requireParent(ctx.repo, parentId);
  const children: Child[] = childType === 'ACCOUNT'
    ? (await ctx.repo.listAccountsForParent(parentId)).map((a) => ({ id: a.id, type: 'ACCOUNT' }))
    : (await ctx.repo.listOrganizationalUnitsForParent(parentId)).map((o) => ({ id: o.id, type: 'ORGANIZATIONAL_UNIT' }));
  return paginate(children, (c) => c.id, `ListChildren:${parentId}:${childType}`, page);
}

export interface ParentRef {
  readonly id: string;
  readonly type: ParentType;
}

/** An account or OU has exactly one parent. */
export async function listParents(ctx: OrgContext, childId: string, page: PageRequest): Promise<Page<ParentRef>> {
  await requireOrganization(ctx.repo);
  const child = /^\d{12}$/.test(childId) ? await ctx.repo.getAccount(childId) : await ctx.repo.getOrganizationalUnit(childId);
  if (!child) throw notFound('Child', `We can't find an OU or account with the id ${childId}.`);
  const parents = [{ id: child.parentId, type: parentTypeOf(child.parentId) }];
  return paginate(parents, (p) => p.id, `ListParents:${childId}`, page);
}
