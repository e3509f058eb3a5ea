// Tags of permission sets (TagResource, UntagResource, ListTagsForResource): at most 50, keys
// and values as the model's TagKey and TagValue, `aws:` keys reserved.

import type { Tag } from './permission-set.js';
import { quotaExceeded, validation } from './errors.js';

export const MAX_TAGS = 50;
const TEXT = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;

export function checkTags(tags: readonly Tag[]): void {
  const seen = new Set<string>();
  for (const t of tags) {
    if (t.key.length < 1 || t.key.length > 128 || !TEXT.test(t.key)) throw validation('Tags', `The tag key ${t.key} is not valid.`);
    if (t.value.length > 256 || !TEXT.test(t.value)) throw validation('Tags', `The value of tag ${t.key} is not valid.`);
    if (t.key.toLowerCase().startsWith('aws:')) throw validation('Tags', `The tag key ${t.key} uses the reserved prefix aws:.`);
    if (seen.has(t.key)) throw validation('Tags', `The tag key ${t.key} appears more than once.`);
    seen.add(t.key);
  }
}

/** `existing` with `added` set (a key given again takes the new value). */
export function mergeTags(existing: readonly Tag[], added: readonly Tag[]): Tag[] {
  checkTags(added);
  const byKey = new Map(existing.map((t) => [t.key, t.value]));
  for (const t of added) byKey.set(t.key, t.value);
  if (byKey.size > MAX_TAGS) throw quotaExceeded('Tag', `A permission set may have at most ${MAX_TAGS} tags.`);
  return [...byKey].map(([key, value]) => ({ key, value }));
}

export const removeTags = (existing: readonly Tag[], keys: readonly string[]): Tag[] =>
  existing.filter((t) => !keys.includes(t.key));
