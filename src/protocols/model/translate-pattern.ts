// AWS models write patterns in Java regex syntax and mean "the whole value matches". Most of it
// is valid JavaScript with the `u` flag once identity escapes are cleaned up (the `u` flag only
// allows escaping syntax characters); `(?i)` is expanded by hand. A pattern we cannot translate
// is skipped (undefined) rather than refusing values AWS would accept.

const SYNTAX = new Set([...'^$\\.*+?()[]{}|/']);
// Java-only constructs with no JavaScript equivalent: \A \Z \z \Q..\E \G \h, posix classes,
// class intersection. Possessive quantifiers are caught while rewriting.
const JAVA_ONLY = /\\[AZzQEGh]|\\p\{(?:Is|In|java)|&&/;

const cache = new Map<string, RegExp | null>();

const caseless = (c: string): string => (/[a-zA-Z]/.test(c) ? `[${c.toLowerCase()}${c.toUpperCase()}]` : c);

/** Rewrites escapes for the `u` flag and applies `(?i)` to the rest of its group. */
const rewrite = (src: string): string => {
  let out = '';
  let inClass = false;
  let afterQuantifier = false;
  const ignoreCaseAt: boolean[] = [false]; // per open group: does (?i) apply?
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    const ignoreCase = ignoreCaseAt[ignoreCaseAt.length - 1]!;
    if (c === '\\') {
      const n = src[i + 1] ?? '';
      i++;
      if (/[0-9a-zA-Z]/.test(n) || SYNTAX.has(n)) out += `\\${n}`;
      else if (n === '-') out += inClass ? '\\-' : '-';
      else out += /\s/.test(n) ? `\\u${n.charCodeAt(0).toString(16).padStart(4, '0')}` : n;
      if (n === 'p' || n === 'P') ({ text: out, i } = copyProperty(src, i, out));
      afterQuantifier = false;
      continue;
    }
    if (!inClass && src.startsWith('(?i)', i)) {
      ignoreCaseAt[ignoreCaseAt.length - 1] = true;
      i += 3;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      afterQuantifier = false;
      out += c;
      continue;
    }
    const quantifier = /^\{\d+(?:,\d*)?\}/.exec(src.slice(i));
    if (afterQuantifier && c === '+') throw new Error('possessive quantifier');
    afterQuantifier = quantifier !== null || c === '*' || c === '+' || c === '?';
    if (quantifier) {
      out += quantifier[0];
      i += quantifier[0].length - 1;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === '(') ignoreCaseAt.push(ignoreCase);
    else if (c === ')') ignoreCaseAt.pop();
    out += ignoreCase ? caseless(c) : c;
  }
  return out;
};

/** Copies a `{Name}` after `\p` verbatim, mapping the Java names JavaScript spells otherwise. */
const copyProperty = (src: string, i: number, out: string): { text: string; i: number } => {
  const m = /^\{([A-Za-z_]+)\}/.exec(src.slice(i + 1));
  if (!m) return { text: out, i };
  const names: Record<string, string> = { Alpha: 'L', Punct: 'P', Digit: 'Nd', Lower: 'Ll', Upper: 'Lu' };
  return { text: `${out}{${names[m[1]!] ?? m[1]}}`, i: i + m[0].length };
};

/** The JavaScript form of a model pattern, anchored; undefined when it cannot be translated. */
export const translatePattern = (source: string): RegExp | undefined => {
  const hit = cache.get(source);
  if (hit !== undefined) return hit ?? undefined;
  let compiled: RegExp | null = null;
  if (!JAVA_ONLY.test(source)) {
    try {
      compiled = new RegExp(`^(?:${rewrite(source)})$`, 'u');
    } catch {
      compiled = null;
    }
  }
  cache.set(source, compiled);
  return compiled ?? undefined;
};
