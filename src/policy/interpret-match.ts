// The interpreter's matching of Action and Resource: plain and readable, building a regular
// expression per pattern. The compiled path does the same job with precompiled matchers; the
// property tests hold the two to the same answers.

import type { Statement } from './ast.js';
import { tokenize, type GlobMode, type GlobToken, type PatternChunk } from './glob.js';
import { parseTemplate, resolveTemplate, type VariableLookup } from './template.js';

export type ResourceMatch = 'match' | 'nomatch' | 'unresolved';

/** Whether a pattern (already split into chunks) matches the whole of `value`. */
export function wildcardTest(chunks: readonly PatternChunk[], mode: GlobMode, value: string): boolean {
  return new RegExp(`^${tokenize(chunks, mode).map(tokenSource).join('')}$`).test(value);
}

function tokenSource(t: GlobToken): string {
  if (t.t === 'lit') return t.s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const any = t.cross ? '[\\s\\S]' : '[^:]';
  return t.t === 'star' ? `${any}*` : any;
}

/** Action / NotAction: names are not case-sensitive; no variables. */
export function actionMatches(statement: Statement, action: string): boolean {
  const list = statement.action;
  if (!list) return false;
  const wanted = action.toLowerCase();
  const hit = list.values.some((p) => wildcardTest([{ text: p.toLowerCase(), literal: false }], 'plain', wanted));
  return hit !== list.not;
}

/**
 * Resource / NotResource, case-sensitive, ARN segment rules, policy variables expanded when
 * the policy version allows. A statement without either element (a trust policy) matches.
 * `unresolved`: nothing matched and a variable had no value.
 */
export function resourceMatches(
  statement: Statement,
  resource: string,
  expand: boolean,
  lookup: VariableLookup,
): ResourceMatch {
  const list = statement.resource;
  if (!list) return 'match';
  let hit = false;
  let unresolved = false;
  for (const pattern of list.values) {
    const chunks = resolveTemplate(parseTemplate(pattern, expand), lookup);
    if (chunks === undefined) unresolved = true;
    else if (wildcardTest(chunks, 'arn', resource)) hit = true;
  }
  if (list.not) return hit ? 'nomatch' : 'match';
  return hit ? 'match' : unresolved ? 'unresolved' : 'nomatch';
}
