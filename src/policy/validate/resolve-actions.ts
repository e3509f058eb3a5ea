// Turns the `Action` patterns of a statement into catalog actions, which the resource and
// condition-key checks need ("which actions could this statement be about?").

import type { Statement, ValueList } from '../ast.js';
import type { Catalog, CatalogAction, CatalogService } from './catalog.js';
import { hasWildcard, wildcardToRegExp } from './wildcard.js';

export type ActionResolution =
  | { readonly kind: 'all' }
  | { readonly kind: 'invalid' }
  | { readonly kind: 'unknown-service'; readonly service: string }
  | { readonly kind: 'actions'; readonly service: CatalogService; readonly actions: readonly CatalogAction[] };

/** The path of one entry of an `Action`/`Resource` list (a bare string has no index). */
export const entryPath = (list: ValueList, index: number): string => (list.single ? list.path : `${list.path}[${index}]`);

/** Resolutions per catalog: large policies repeat the same patterns, and each scans a service. */
const cache = new WeakMap<Catalog, Map<string, ActionResolution>>();

export function resolveAction(catalog: Catalog, text: string): ActionResolution {
  let memo = cache.get(catalog);
  if (!memo) cache.set(catalog, (memo = new Map()));
  const key = text.toLowerCase();
  let r = memo.get(key);
  if (!r) memo.set(key, (r = resolveUncached(catalog, text)));
  return r;
}

function resolveUncached(catalog: Catalog, text: string): ActionResolution {
  if (text === '*') return { kind: 'all' };
  const colon = text.indexOf(':');
  if (colon <= 0 || colon === text.length - 1) return { kind: 'invalid' };
  const prefix = text.slice(0, colon).toLowerCase();
  const name = text.slice(colon + 1);
  const service = catalog.services.get(prefix);
  if (!service) return { kind: 'unknown-service', service: prefix };
  if (!hasWildcard(name)) {
    const action = service.actions.get(name.toLowerCase());
    return { kind: 'actions', service, actions: action ? [action] : [] };
  }
  // Action names are case-insensitive in IAM.
  const pattern = wildcardToRegExp(name, true);
  const actions = [...service.actions.values()].filter((a) => pattern.test(a.name));
  return { kind: 'actions', service, actions };
}

/**
 * The catalog actions a statement's `Action` can refer to, or `undefined` when that set is
 * open-ended (`*`, `NotAction`, or no action element) and per-action checks must not guess.
 */
export function statementActions(catalog: Catalog, st: Statement): CatalogAction[] | undefined {
  if (!st.action || st.action.not) return undefined;
  const out: CatalogAction[] = [];
  for (const text of st.action.values) {
    const r = resolveAction(catalog, text);
    if (r.kind === 'all') return undefined;
    if (r.kind === 'actions') out.push(...r.actions);
  }
  return out;
}
