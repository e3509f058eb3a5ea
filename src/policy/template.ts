// Policy variables (`${aws:username}`, `${aws:PrincipalTag/team, 'none'}`, `${*}`) in Resource
// and in condition values. A value is parsed once into parts; resolving it against a request
// yields chunks whose variable text stays literal (a user name holding `*` is not a wildcard).

import type { PatternChunk } from './glob.js';

export type TemplatePart =
  | { readonly kind: 'text'; readonly text: string }
  /** `${*}`, `${?}`, `${$}`: the character itself, never a wildcard. */
  | { readonly kind: 'escape'; readonly text: string }
  | { readonly kind: 'var'; readonly key: string; readonly fallback: string | undefined };

export interface Template {
  readonly parts: readonly TemplatePart[];
  /** Keys of the variables, as written. */
  readonly keys: readonly string[];
}

/** Resolves one variable key to its single value, or undefined when absent or multivalued. */
export type VariableLookup = (key: string) => string | undefined;

const ESCAPES = new Set(['*', '?', '$']);

/**
 * Parses `text`. With `expand` false (policy version 2008-10-17 or no Version) the text is
 * taken literally, as AWS does for those versions.
 */
export function parseTemplate(text: string, expand: boolean): Template {
  if (!expand || !text.includes('${')) return { parts: [{ kind: 'text', text }], keys: [] };
  const parts: TemplatePart[] = [];
  const keys: string[] = [];
  let rest = text;
  let pending = '';
  for (let at = rest.indexOf('${'); at >= 0; at = rest.indexOf('${')) {
    const close = rest.indexOf('}', at + 2);
    if (close < 0) break;
    const part = parseVariable(rest.slice(at + 2, close));
    if (part === undefined) {
      // Not a variable: keep `${` as text and look further on.
      pending += rest.slice(0, at + 2);
      rest = rest.slice(at + 2);
      continue;
    }
    pending += rest.slice(0, at);
    if (pending !== '') parts.push({ kind: 'text', text: pending });
    pending = '';
    parts.push(part);
    if (part.kind === 'var') keys.push(part.key);
    rest = rest.slice(close + 1);
  }
  pending += rest;
  if (pending !== '') parts.push({ kind: 'text', text: pending });
  return { parts, keys };
}

function parseVariable(inner: string): TemplatePart | undefined {
  const trimmed = inner.trim();
  if (ESCAPES.has(trimmed)) return { kind: 'escape', text: trimmed };
  const comma = trimmed.indexOf(',');
  const key = (comma < 0 ? trimmed : trimmed.slice(0, comma)).trim();
  if (key === '' || /[\s'{$]/.test(key)) return undefined;
  if (comma < 0) return { kind: 'var', key, fallback: undefined };
  const fallback = /^'((?:[^']|'')*)'$/.exec(trimmed.slice(comma + 1).trim());
  if (!fallback) return undefined;
  return { kind: 'var', key, fallback: fallback[1]!.replace(/''/g, "'") };
}

/** The chunks of a resolved template, or undefined when a variable has no value and no default. */
export function resolveTemplate(template: Template, lookup: VariableLookup): PatternChunk[] | undefined {
  const chunks: PatternChunk[] = [];
  for (const part of template.parts) {
    if (part.kind === 'text') chunks.push({ text: part.text, literal: false });
    else if (part.kind === 'escape') chunks.push({ text: part.text, literal: true });
    else {
      const value = lookup(part.key) ?? part.fallback;
      if (value === undefined) return undefined;
      chunks.push({ text: value, literal: true });
    }
  }
  return chunks;
}

/** The plain text of resolved chunks (for operators without wildcards). */
export function chunksText(chunks: readonly PatternChunk[]): string {
  return chunks.length === 1 ? chunks[0]!.text : chunks.map((c) => c.text).join('');
}
