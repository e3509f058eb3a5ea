// IAM pagination: `Marker` in, `IsTruncated` and `Marker` out, `MaxItems` 1..1000 (100 when
// omitted). Markers are opaque: a digest of the list they belong to (operation and filters) and
// the sort key of the last item returned, so a page boundary survives inserts and deletes. The
// model caps a marker at 320 characters: sort keys stay under 200 bytes.

import { createHash } from 'node:crypto';
import { invalidInput } from './errors.js';

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

const scopeDigest = (scope: string) => createHash('sha256').update(scope).digest('base64url').slice(0, 12);

const encode = (scope: string, key: string) => `${scopeDigest(scope)}.${Buffer.from(key, 'utf8').toString('base64url')}`;

function decode(marker: string, scope: string): string {
  const [digest, key, extra] = marker.split('.');
  if (digest !== scopeDigest(scope) || key === undefined || extra !== undefined || !/^[A-Za-z0-9_-]*$/.test(key)) {
    throw invalidInput('Marker', 'Invalid Marker.');
  }
  return Buffer.from(key, 'base64url').toString('utf8');
}

export function checkMaxItems(maxItems: number | undefined): number {
  const size = maxItems ?? DEFAULT_MAX_ITEMS;
  if (!Number.isInteger(size) || size < 1 || size > MAX_MAX_ITEMS) {
    throw invalidInput('MaxItems', `MaxItems must be between 1 and ${MAX_MAX_ITEMS}.`);
  }
  return size;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * One page of `items` ordered by `sortKey` (unique per item). `scope` names the list and its
 * filter, so a marker from another list is refused.
 */
export function paginate<T>(items: readonly T[], sortKey: (item: T) => string, scope: string, page: PageRequest): Page<T> {
  const size = checkMaxItems(page.maxItems);
  const sorted = [...items].sort((a, b) => compare(sortKey(a), sortKey(b)));
  const after = page.marker === undefined ? undefined : decode(page.marker, scope);
  const rest = after === undefined ? sorted : sorted.filter((item) => compare(sortKey(item), after) > 0);
  const pageItems = rest.slice(0, size);
  if (rest.length <= size) return { items: pageItems, isTruncated: false };
  return { items: pageItems, isTruncated: true, marker: encode(scope, sortKey(pageItems[pageItems.length - 1]!)) };
}
