// Resource / NotResource precompiled: fixed patterns become matchers, patterns with policy
// variables are resolved per request.

import type { ValueList } from './ast.js';
import type { ContextView } from './context-view.js';
import { matchGlob, tokenize } from './glob.js';
import { anyOf, compileMatcher, type Matcher } from './matcher.js';
import { parseTemplate, resolveTemplate, type Template } from './template.js';

export const NO_MATCH = 0;
export const MATCH = 1;
/** Nothing matched and a variable had no value. */
export const UNRESOLVED = 2;
export type ResourceResult = typeof NO_MATCH | typeof MATCH | typeof UNRESOLVED;

export type CompiledResource = (resource: string, ctx: ContextView) => ResourceResult;

export function compileResource(list: ValueList | undefined, expand: boolean): CompiledResource {
  if (!list) return () => MATCH; // no Resource element (trust policies): any resource
  const fixed: Matcher[] = [];
  const dynamics: Template[] = [];
  for (const v of list.values) {
    const t = parseTemplate(v, expand);
    if (t.keys.length > 0) dynamics.push(t);
    else fixed.push(compileMatcher(tokenize(resolveTemplate(t, () => undefined)!, 'arn')));
  }
  const test = anyOf(fixed);
  const not = list.not;
  if (dynamics.length === 0) return not ? (r) => (test(r) ? NO_MATCH : MATCH) : (r) => (test(r) ? MATCH : NO_MATCH);
  return (r, ctx) => {
    let hit = test(r);
    let unresolved = false;
    for (let i = 0; i < dynamics.length && !hit; i++) {
      const chunks = resolveTemplate(dynamics[i]!, ctx.lookup);
      if (chunks === undefined) unresolved = true;
      else hit = matchGlob(tokenize(chunks, 'arn'), r);
    }
    if (not) return hit ? NO_MATCH : MATCH;
    return hit ? MATCH : unresolved ? UNRESOLVED : NO_MATCH;
  };
}
