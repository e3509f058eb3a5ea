// Pages of the List operations (the paginators file: MaxResults in, NextToken in and out).
// MaxResults is 1..100 (100 when absent); the token is omitted on the last page.

import { decodePageToken, encodePageToken } from './page-token.js';
import { invalid } from './errors.js';

export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 100;

export interface PageRequest {
  readonly maxResults?: number;
  readonly nextToken?: string;
}

export interface Page<T> {
  readonly items: readonly T[];
  readonly nextToken?: string;
}

/** What the repository is asked for: rows after `after`, at most `limit` of them. */
export interface KeyRange {
  readonly after?: string;
  readonly limit: number;
}

/** The range to read for a request: one row more than the page, to learn whether more follow. */
export const pageRange = (req: PageRequest, scope: string): { range: KeyRange; size: number } => {
  const size = req.maxResults ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw invalid('MaxResults', `MaxResults must be between 1 and ${MAX_PAGE_SIZE}.`);
  }
  const after = req.nextToken === undefined || req.nextToken === null ? undefined : decodePageToken(req.nextToken, scope);
  return { range: { ...(after !== undefined ? { after } : {}), limit: size + 1 }, size };
};

export const toPage = <T>(rows: readonly T[], size: number, scope: string, keyOf: (t: T) => string): Page<T> => {
  if (rows.length <= size) return { items: rows };
  const items = rows.slice(0, size);
  return { items, nextToken: encodePageToken({ scope, after: keyOf(items[items.length - 1]!) }) };
};
