// Finds the statements whose Action / NotAction can match an action without testing them all:
// exact actions in a Map, wildcard actions in a list per service prefix, and everything that
// can match across services (`*`, a wildcard in the service part, NotAction) in one list.

import { tokenizePattern } from './glob.js';
import { anyOf, compileMatcher, type Matcher } from './matcher.js';

interface Entry {
  readonly ordinal: number;
  readonly test: Matcher;
}

export class ActionIndex {
  private readonly exact = new Map<string, number[]>();
  private readonly byService = new Map<string, Entry[]>();
  private readonly global: Entry[] = [];

  /** Adds a statement's Action (or NotAction, `not`) patterns. */
  add(ordinal: number, patterns: readonly string[], not: boolean): void {
    const lower = patterns.map((p) => p.toLowerCase());
    if (not) {
      const hit = anyOf(lower.map((p) => compileMatcher(tokenizePattern(p, 'plain'))));
      this.global.push({ ordinal, test: (a) => !hit(a) });
      return;
    }
    for (const p of lower) {
      const colon = p.indexOf(':');
      const service = colon < 0 ? p : p.slice(0, colon);
      const wild = p.includes('*') || p.includes('?');
      if (!wild) push(this.exact, p, ordinal);
      else if (colon < 0 || /[*?]/.test(service)) this.global.push({ ordinal, test: compileMatcher(tokenizePattern(p, 'plain')) });
      else push(this.byService, service, { ordinal, test: compileMatcher(tokenizePattern(p, 'plain')) });
    }
  }

  /** Ordinals of the statements whose action element matches `action`, ascending, no repeats. */
  candidates(action: string): number[] {
    const a = action.toLowerCase();
    const colon = a.indexOf(':');
    const found = new Set<number>(this.exact.get(a));
    for (const e of this.byService.get(colon < 0 ? a : a.slice(0, colon)) ?? []) if (e.test(a)) found.add(e.ordinal);
    for (const e of this.global) if (e.test(a)) found.add(e.ordinal);
    return [...found].sort((x, y) => x - y);
  }
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
