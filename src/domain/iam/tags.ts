// Tags on IAM roles, users, policies and SAML providers: at most 50 a resource, keys unique
// regardless of case (a tag with an existing key replaces its value), no `aws:` keys.

import type { Tag } from './model.js';
import { invalidInput, limitExceeded, type IamResource } from './errors.js';

export const MAX_TAGS = 50;

export function checkNewTags(tags: readonly Tag[]): void {
  const seen = new Set<string>();
  for (const t of tags) {
    const k = t.key.toLowerCase();
    if (k.startsWith('aws:')) throw invalidInput('Tags', `The tag key ${t.key} uses the reserved prefix aws:.`);
    if (seen.has(k)) throw invalidInput('Tags', 'Duplicate tag keys found. Please note that Tag keys are case insensitive.');
    seen.add(k);
  }
}

/** The tags after adding `added` (which replace tags with the same key, in any case). */
export function mergeTags(resource: IamResource, existing: readonly Tag[], added: readonly Tag[]): Tag[] {
  checkNewTags(added);
  const byKey = new Map(existing.map((t) => [t.key.toLowerCase(), t]));
  for (const t of added) byKey.set(t.key.toLowerCase(), { key: t.key, value: t.value });
  const merged = [...byKey.values()];
  if (merged.length > MAX_TAGS) {
    throw limitExceeded(resource, `The number of tags has reached the maximum limit of ${MAX_TAGS}.`);
  }
  return merged;
}

export function removeTags(existing: readonly Tag[], keys: readonly string[]): Tag[] {
  const drop = new Set(keys.map((k) => k.toLowerCase()));
  return existing.filter((t) => !drop.has(t.key.toLowerCase()));
}
