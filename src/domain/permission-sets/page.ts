// Pages of sso-admin's List operations (the paginators file: MaxResults in, NextToken in and
// out). MaxResults is 1..100 as the model says; the token is omitted on the last page, and
// written only with characters the model's Token pattern allows.

import { validation } from './errors.js';
import { sortedPage } from '../../lib/sorted-page.js';

export const MAX_RESULTS = 100;

export interface PageRequest {
  readonly maxResults?: number;
  readonly nextToken?: string;
}

export interface Page<T> {
  readonly items: readonly T[];
  readonly nextToken?: string;
}

export function pageSize(maxResults: number | undefined): number {
  const size = maxResults ?? MAX_RESULTS;
  if (!Number.isInteger(size) || size < 1 || size > MAX_RESULTS) {
    throw validation('MaxResults', `MaxResults must be between 1 and ${MAX_RESULTS}.`);
  }
  return size;
}

/** One page of `items` in `sortKey` order (unique per item); `scope` names the list and filter. */
export function paginate<T>(items: readonly T[], sortKey: (item: T) => string, scope: string, req: PageRequest): Page<T> {
  const page = sortedPage(items, sortKey, {
    token: req.nextToken,
    size: pageSize(req.maxResults),
    scope,
    separator: '=',
    invalid: () => validation('NextToken', 'The NextToken is not valid for this request.'),
  });
  return page.next === undefined ? { items: page.items } : { items: page.items, nextToken: page.next };
}
