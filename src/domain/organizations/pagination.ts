// Organizations' page sizes and errors over the shared keyset pagination (src/lib/sorted-page.ts):
// a token names the list it was issued for and the last item returned, so a page boundary
// survives inserts and deletes. The token is omitted on the last page.

import { sortedPage } from '../../lib/sorted-page.js';
import { invalidInput } from './errors.js';

/** The model's MaxResults range for Organizations lists (1..20). */
export const MAX_PAGE_SIZE = 20;

export interface PageRequest {
  readonly maxResults?: number;
  readonly nextToken?: string;
}

export interface Page<T> {
  readonly items: T[];
  readonly nextToken?: string;
}

/**
 * One page of `items`, ordered by `sortKey` (which must be unique). `scope` names the list and
 * its filter, so a token is refused by any other list.
 */
export function paginate<T>(
  items: readonly T[], sortKey: (item: T) => string, scope: string, page: PageRequest, maxPageSize = MAX_PAGE_SIZE,
): Page<T> {
  const size = page.maxResults ?? maxPageSize;
  if (!Number.isInteger(size) || size < 1) {
    throw invalidInput('MaxResults', 'MIN_VALUE_EXCEEDED', 'MaxResults must be at least 1.');
  }
  if (size > maxPageSize) {
    throw invalidInput('MaxResults', 'MAX_VALUE_EXCEEDED', `MaxResults must be at most ${maxPageSize}.`);
  }
  const result = sortedPage(items, sortKey, {
    token: page.nextToken,
    size,
    scope,
    separator: '.',
    invalid: () => invalidInput('NextToken', 'INVALID_NEXT_TOKEN', 'The NextToken value is not valid for this request.'),
  });
  return result.next === undefined ? { items: result.items } : { items: result.items, nextToken: result.next };
}

/** A sort key that orders by time, then id. */
export const timeKey = (ms: number, id: string) => `${String(ms).padStart(16, '0')}/${id}`;
