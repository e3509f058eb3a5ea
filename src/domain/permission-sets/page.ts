// Pages of sso-admin's List operations (the paginators file: MaxResults in, NextToken in and
// out). MaxResults is 1..100 as the model says; the token is omitted on the last page. Tokens
// are opaque: a digest of the list they belong to, and the sort key of the last item given,
// written only with characters the model's Token pattern allows.

import { createHash } from 'node:crypto';
import { validation } from './errors.js';

export const MAX_RESULTS = 100;

export interface PageRequest {
  readonly maxResults?: number;
  readonly nextToken?: string;
}

export interface Page<T> {
  readonly items: readonly T[];
  readonly nextToken?: string;
}

const digest = (scope: string) => createHash('sha256').update(scope).digest('base64url').slice(0, 16);

const encode = (scope: string, key: string) => `${digest(scope)}=${Buffer.from(key, 'utf8').toString('base64url')}`;

function decode(token: string, scope: string): string {
  const [d, key, extra] = token.split('=');
  if (d !== digest(scope) || key === undefined || extra !== undefined || !/^[A-Za-z0-9_-]*$/.test(key)) {
    throw validation('NextToken', 'The NextToken is not valid for this request.');
  }
  return Buffer.from(key, 'base64url').toString('utf8');
}

export function pageSize(maxResults: number | undefined): number {
  const size = maxResults ?? MAX_RESULTS;
  if (!Number.isInteger(size) || size < 1 || size > MAX_RESULTS) {
    throw validation('MaxResults', `MaxResults must be between 1 and ${MAX_RESULTS}.`);
  }
  return size;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** One page of `items` in `sortKey` order (unique per item); `scope` names the list and filter. */
export function paginate<T>(items: readonly T[], sortKey: (item: T) => string, scope: string, req: PageRequest): Page<T> {
  const size = pageSize(req.maxResults);
  const after = req.nextToken === undefined ? undefined : decode(req.nextToken, scope);
  const keyed = items.map((item) => ({ item, key: sortKey(item) })).sort((a, b) => compare(a.key, b.key));
  const rest = after === undefined ? keyed : keyed.filter((k) => compare(k.key, after) > 0);
  const taken = rest.slice(0, size);
  const out = taken.map((k) => k.item);
  return rest.length > size ? { items: out, nextToken: encode(scope, taken[taken.length - 1]!.key) } : { items: out };
}
