// One page of an in-memory list in a stable order, with an opaque token for the next page: a
// digest of the list the token belongs to (operation and filter, so a token from another list
// is refused) and the sort key of the last item given, so a page boundary survives inserts and
// deletes. Services differ only in the token's separator, chosen to fit their token pattern.

import { createHash } from 'node:crypto';

export interface SortedPage<T> {
  readonly items: T[];
  /** Present only when more items follow. */
  readonly next?: string;
}

export interface PageOptions {
  /** The token given back by the previous page, if any. */
  readonly token: string | undefined;
  readonly size: number;
  /** Names the list and its filter. */
  readonly scope: string;
  /** Between the digest and the key; must be outside base64url. */
  readonly separator: string;
  /** The error for a token that is not one of this list's. */
  readonly invalid: () => Error;
}

const digest = (scope: string, length: number) => createHash('sha256').update(scope).digest('base64url').slice(0, length);

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const decode = (o: PageOptions, digestLength: number): string | undefined => {
  if (o.token === undefined) return undefined;
  const [d, key, extra] = o.token.split(o.separator);
  if (d !== digest(o.scope, digestLength) || key === undefined || extra !== undefined || !/^[A-Za-z0-9_-]*$/.test(key)) throw o.invalid();
  return Buffer.from(key, 'base64url').toString('utf8');
};

export function sortedPage<T>(items: readonly T[], sortKey: (item: T) => string, o: PageOptions, digestLength = 16): SortedPage<T> {
  const after = decode(o, digestLength);
  const keyed = items.map((item) => ({ item, key: sortKey(item) })).sort((a, b) => compare(a.key, b.key));
  const rest = after === undefined ? keyed : keyed.filter((k) => compare(k.key, after) > 0);
  const taken = rest.slice(0, o.size);
  const out = taken.map((k) => k.item);
  if (rest.length <= o.size) return { items: out };
  const last = taken[taken.length - 1]!.key;
  return { items: out, next: `${digest(o.scope, digestLength)}${o.separator}${Buffer.from(last, 'utf8').toString('base64url')}` };
}
