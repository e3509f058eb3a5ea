// TagResource, UntagResource, ListTagsForResource on permission sets. Tags are not part of the
// role, so they leave the revision alone.

import type { Tag } from './permission-set.js';
import { mergeTags, removeTags } from './tags.js';
import { requirePermissionSet, type SsoContext } from './sso-context.js';
import { paginate, type Page } from './page.js';

export async function tagResource(ctx: SsoContext, arn: string, tags: readonly Tag[]): Promise<void> {
  const ps = await requirePermissionSet(ctx, arn, true);
  await ctx.repos.ssoAdmin.updatePermissionSet({ ...ps, tags: mergeTags(ps.tags, tags) });
}

export async function untagResource(ctx: SsoContext, arn: string, keys: readonly string[]): Promise<void> {
  const ps = await requirePermissionSet(ctx, arn, true);
  await ctx.repos.ssoAdmin.updatePermissionSet({ ...ps, tags: removeTags(ps.tags, keys) });
}

/** The model gives ListTagsForResource no MaxResults: pages of the default size. */
export async function listTags(ctx: SsoContext, arn: string, nextToken: string | undefined): Promise<Page<Tag>> {
  const ps = await requirePermissionSet(ctx, arn);
  return paginate(ps.tags, (t) => t.key, `tags:${arn}`, nextToken === undefined ? {} : { nextToken });
}
