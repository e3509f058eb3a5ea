// Tags on roots, OUs, accounts and customer managed policies.

import type { OrgContext } from './context.js';
import type { Tag } from './model.js';
import { invalidInput, notFound } from './errors.js';
import { findParent, requireOrganization } from './hierarchy.js';
import { checkNewTags, checkTagCount, MAX_TAGS_PER_RESOURCE } from './tags.js';
import { paginate, type Page, type PageRequest } from './pagination.js';

async function requireTaggable(ctx: OrgContext, resourceId: string): Promise<void> {
  await requireOrganization(ctx.repo);
  if (/^\d{12}$/.test(resourceId)) {
    if (await ctx.repo.getAccount(resourceId)) return;
  } else if (resourceId.startsWith('p-')) {
    const policy = await ctx.repo.getPolicy(resourceId);
    if (policy?.awsManaged) throw invalidInput('ResourceId', 'TARGET_NOT_SUPPORTED', `The AWS managed policy ${resourceId} can't be tagged.`);
    if (policy) return;
  } else if (await findParent(ctx.repo, resourceId)) {
    return;
  }
  throw notFound('Target', `We can't find a root, OU, account or policy with the id ${resourceId}.`);
}

export async function tagResource(ctx: OrgContext, resourceId: string, tags: readonly Tag[]): Promise<void> {
  await requireTaggable(ctx, resourceId);
  checkNewTags(tags);
  checkTagCount(await ctx.repo.listTags(resourceId), tags);
  await ctx.repo.putTags(resourceId, tags);
}

export async function untagResource(ctx: OrgContext, resourceId: string, keys: readonly string[]): Promise<void> {
  await requireTaggable(ctx, resourceId);
  const reserved = keys.find((k) => k.toLowerCase().startsWith('aws:'));
  if (reserved) throw invalidInput('TagKeys', 'INVALID_SYSTEM_TAGS_PARAMETER', `The tag key ${reserved} is reserved for AWS use.`);
  await ctx.repo.removeTags(resourceId, keys);
}

/** All of a resource's tags fit one page (a resource has at most 50). */
export async function listTagsForResource(ctx: OrgContext, resourceId: string, page: PageRequest): Promise<Page<Tag>> {
  await requireTaggable(ctx, resourceId);
  const tags = await ctx.repo.listTags(resourceId);
  return paginate(tags, (t) => t.key, `ListTagsForResource:${resourceId}`, { nextToken: page.nextToken }, MAX_TAGS_PER_RESOURCE);
}
