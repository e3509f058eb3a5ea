// IAM pagination: `Marker` in, `IsTruncated` and `Marker` out, `MaxItems` 1..1000 (100 when
// omitted). The model caps a marker at 320 characters: sort keys stay under 200 bytes.

import { invalidInput } from './errors.js';
import { sortedPage } from '../../lib/sorted-page.js';

export const DEFAULT_MAX_ITEMS = 100;
export const MAX_MAX_ITEMS = 1000;

export interface PageRequest {
  readonly marker?: string;
  readonly maxItems?: number;
}

export interface Page<T> {
  readonly items: T[];
  readonly isTruncated: boolean;
  /** Present only when the list is truncated. */
  readonly marker?: string;
}

export function checkMaxItems(maxItems: number | undefined): number {
  const size = maxItems ?? DEFAULT_MAX_ITEMS;
  if (!Number.isInteger(size) || size < 1 || size > MAX_MAX_ITEMS) {
    throw invalidInput('MaxItems', `MaxItems must be between 1 and ${MAX_MAX_ITEMS}.`);
  }
  return size;
}

/**
 * One page of `items` ordered by `sortKey` (unique per item). `scope` names the list and its
 * filter, so a marker from another list is refused.
 */
export function paginate<T>(items: readonly T[], sortKey: (item: T) => string, scope: string, page: PageRequest): Page<T> {
  const result = sortedPage(
    items,
    sortKey,
    { token: page.marker, size: checkMaxItems(page.maxItems), scope, separator: '.', invalid: () => invalidInput('Marker', 'Invalid Marker.') },
    12,
  );
  return result.next === undefined ? { items: result.items, isTruncated: false } : { items: result.items, isTruncated: true, marker: result.next };
}
