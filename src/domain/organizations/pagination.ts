// Keyset pagination over an ordered list. The token is opaque to clients: it carries the scope
// it was issued for (operation and filter) and the sort key of the last item returned, so a page
// boundary survives inserts and deletes. The token is omitted on the last page.

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

interface TokenBody {
  readonly s: string;
  readonly k: string;
}

const encode = (body: TokenBody) => Buffer.from(JSON.stringify(body), 'utf8').toString('base64url');

const decode = (token: string, scope: string): string => {
  let body: Partial<TokenBody> | undefined;
  try {
    body = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as Partial<TokenBody>;
  } catch {
    body = undefined;
  }
  if (!body || typeof body.k !== 'string' || body.s !== scope) {
    throw invalidInput('NextToken', 'INVALID_NEXT_TOKEN', 'The NextToken value is not valid for this request.');
  }
  return body.k;
};

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
  const sorted = [...items].sort((a, b) => compare(sortKey(a), sortKey(b)));
  const after = page.nextToken === undefined ? undefined : decode(page.nextToken, scope);
  const rest = after === undefined ? sorted : sorted.filter((item) => compare(sortKey(item), after) > 0);
  const pageItems = rest.slice(0, size);
  if (rest.length <= size) return { items: pageItems };
  return { items: pageItems, nextToken: encode({ s: scope, k: sortKey(pageItems[pageItems.length - 1]!) }) };
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A sort key that orders by time, then id. */
export const timeKey = (ms: number, id: string) => `${String(ms).padStart(16, '0')}/${id}`;
