// Precompiled wildcard matchers for the compiled path: the common shapes (exact, prefix,
// suffix, prefix+suffix, anything) become a string test; only the rest use the token matcher.

import { allCrossing, matchGlob, matchPieces, splitPieces, type GlobToken } from './glob.js';

export type Matcher = (value: string) => boolean;

export const always: Matcher = () => true;

export function compileMatcher(tokens: readonly GlobToken[]): Matcher {
  const [a, b, c] = tokens;
  if (tokens.length === 0) return (v) => v === '';
  if (tokens.length === 1 && a!.t === 'lit') {
    const s = a!.s;
    return (v) => v === s;
  }
  if (tokens.length === 1 && a!.t === 'star') return a!.cross ? always : (v) => !v.includes(':');
  if (tokens.length === 2 && a!.t === 'lit' && b!.t === 'star' && b!.cross) {
    const prefix = a!.s;
    return (v) => v.startsWith(prefix);
  }
  if (tokens.length === 2 && a!.t === 'star' && a!.cross && b!.t === 'lit') {
    const suffix = b!.s;
    return (v) => v.endsWith(suffix);
  }
  if (tokens.length === 3 && a!.t === 'lit' && b!.t === 'star' && b!.cross && c!.t === 'lit') {
    const prefix = a!.s;
    const suffix = c!.s;
    const min = prefix.length + suffix.length;
    return (v) => v.length >= min && v.startsWith(prefix) && v.endsWith(suffix);
  }
  if (allCrossing(tokens)) {
    const pieces = splitPieces(tokens);
    return (v) => matchPieces(pieces, v);
  }
  const list = [...tokens];
  return (v) => matchGlob(list, v);
}

/** One matcher for a list of alternatives. */
export function anyOf(matchers: readonly Matcher[]): Matcher {
  if (matchers.length === 0) return () => false;
  if (matchers.length === 1) return matchers[0]!;
  if (matchers.includes(always)) return always;
  return (v) => {
    for (const m of matchers) if (m(v)) return true;
    return false;
  };
}
