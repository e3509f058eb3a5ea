// Looking up a condition key in the catalog: exact names first, then keys with a variable
// part (`aws:ResourceTag/team` is `aws:ResourceTag/${TagKey}`).

import type { Catalog, CatalogAction, CatalogConditionKey } from './catalog.js';

export function lookupConditionKey(catalog: Catalog, key: string): CatalogConditionKey | undefined {
  const exact = catalog.conditionKeys.get(key.toLowerCase());
  if (exact) return exact;
  return catalog.conditionKeyTemplates.find((t) => t.pattern.test(key))?.info;
}

export function actionSupportsKey(action: CatalogAction, key: string): boolean {
  return action.conditionKeys.has(key.toLowerCase()) || action.conditionKeyPatterns.some((p) => p.test(key));
}

/** Multivalued keys are typed `ArrayOfString`, `ArrayOfARN`, ... in the reference. */
export const isMultivalued = (info: CatalogConditionKey): boolean => info.type.startsWith('ArrayOf');

/** The scalar type of a key: `ArrayOfARN` → `ARN`. */
export const scalarType = (info: CatalogConditionKey): string => info.type.replace(/^ArrayOf/, '');
