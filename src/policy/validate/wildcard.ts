// IAM wildcards (`*` any run of characters, `?` one character) compared with each other.
// Validation asks two questions the evaluator never does: can two patterns match a common
// string (does a resource pattern fit an ARN template?), and does one pattern match
// everything another does (is an action or resource redundant?).

const fold = (s: string, ignoreCase: boolean): string => (ignoreCase ? s.toLowerCase() : s);

/** A wildcard pattern as a regular expression (compile once when testing many values). */
export function wildcardToRegExp(pattern: string, ignoreCase = false): RegExp {
  const source = pattern
    .split('')
    .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`, ignoreCase ? 'si' : 's');
}

/** Does `value` (a literal) match `pattern`? */
export function wildcardMatches(pattern: string, value: string, ignoreCase = false): boolean {
  return wildcardToRegExp(pattern, ignoreCase).test(value);
}

type Step = (i: number, j: number) => boolean;

/** Memoised recursion over two pattern positions; patterns here are short (ARNs, actions). */
function memo(n: number, m: number, step: (self: Step, i: number, j: number) => boolean): boolean {
  const seen = new Map<number, boolean>();
  const self: Step = (i, j) => {
    const k = i * (m + 1) + j;
    const hit = seen.get(k);
    if (hit !== undefined) return hit;
    seen.set(k, false); // guards against cycles; a real answer overwrites it
    const r = step(self, i, j);
    seen.set(k, r);
    return r;
  };
  return self(0, 0);
}

/** Is there a string both patterns match? */
export function wildcardsIntersect(a: string, b: string, ignoreCase = false): boolean {
  const x = fold(a, ignoreCase);
  const y = fold(b, ignoreCase);
  return memo(x.length, y.length, (self, i, j) => {
    if (i === x.length && j === y.length) return true;
    if (x[i] === '*') return self(i + 1, j) || (j < y.length && self(i, j + 1));
    if (y[j] === '*') return self(i, j + 1) || (i < x.length && self(i + 1, j));
    if (i === x.length || j === y.length) return false;
    return (x[i] === '?' || y[j] === '?' || x[i] === y[j]) && self(i + 1, j + 1);
  });
}

/**
 * Does `general` match every string `specific` matches? Conservative: a wildcard in
 * `specific` is covered only by a wildcard in `general`, so `true` is always right.
 */
export function wildcardCovers(general: string, specific: string, ignoreCase = false): boolean {
  const g = fold(general, ignoreCase);
  const s = fold(specific, ignoreCase);
  return memo(g.length, s.length, (self, i, j) => {
    if (g[i] === '*') return self(i + 1, j) || (j < s.length && self(i, j + 1));
    if (i === g.length) return j === s.length;
    if (j === s.length || s[j] === '*') return false;
    if (g[i] === '?') return self(i + 1, j + 1);
    return s[j] !== '?' && g[i] === s[j] && self(i + 1, j + 1);
  });
}

export const hasWildcard = (s: string): boolean => /[*?]/.test(s);
