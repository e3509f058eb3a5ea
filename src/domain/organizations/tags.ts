// Tag rules for Organizations resources: at most 50 tags a resource, unique keys, and no keys in
// the reserved `aws:` name space.

import type { Tag } from './model.js';
import { constraintViolation, invalidInput } from './errors.js';

export const MAX_TAGS_PER_RESOURCE = 50;

/** Checks tags given in one request. */
export function checkNewTags(tags: readonly Tag[]): void {
  const seen = new Set<string>();
  for (const t of tags) {
    if (t.key.toLowerCase().startsWith('aws:')) {
      throw invalidInput('Tags', 'INVALID_SYSTEM_TAGS_PARAMETER', `The tag key ${t.key} is reserved for AWS use.`);
    }
    if (seen.has(t.key)) throw invalidInput('Tags', 'DUPLICATE_TAG_KEY', `The tag key ${t.key} appears more than once.`);
    seen.add(t.key);
  }
}

/** Checks the tags a resource would have after adding `added` to `existing`. */
export function checkTagCount(existing: readonly Tag[], added: readonly Tag[]): void {
  const keys = new Set([...existing.map((t) => t.key), ...added.map((t) => t.key)]);
  if (keys.size > MAX_TAGS_PER_RESOURCE) {
    throw constraintViolation('MAX_TAG_LIMIT_EXCEEDED', `A resource may have at most ${MAX_TAGS_PER_RESOURCE} tags.`);
  }
}
