// A condition clause precompiled: policy values parsed once (numbers, dates, CIDR blocks,
// wildcard matchers, lookup sets); only values holding policy variables wait for the request.

import type { ConditionClause } from './ast.js';
import { clauseHolds, nullHolds, type ClauseShape } from './condition-logic.js';
import { operatorSpec, type CompareKind } from './condition-operator.js';
import type { ContextView } from './context-view.js';
import { parseDate } from './date-value.js';
import { matchGlob, tokenize, type PatternChunk } from './glob.js';
import { cidrContains, parseCidr, parseIp } from './ip-address.js';
import { anyOf, compileMatcher } from './matcher.js';
import { base64Bytes, ordered, parseNumber } from './scalar-value.js';
import { chunksText, parseTemplate, resolveTemplate, type Template } from './template.js';

type AnyMatch = (value: string, ctx: ContextView) => boolean;

export interface CompiledCondition {
  readonly key: string;
  readonly holds: (ctx: ContextView) => boolean;
}

export function compileCondition(clause: ConditionClause, expand: boolean): CompiledCondition {
  const key = clause.key;
  const spec = operatorSpec(clause.baseOperator);
  if (!spec) return { key, holds: () => false }; // unknown operator: never holds
  if (spec.kind === 'Null') {
    const values = clause.values;
    return { key, holds: (ctx) => nullHolds(values, ctx.values(key) !== undefined) };
  }
  const shape: ClauseShape = { setOperator: clause.setOperator, ifExists: clause.ifExists, negated: spec.negated };
  const anyMatch = valueMatcher(spec.kind, clause.values, expand && spec.variables);
  return { key, holds: (ctx) => clauseHolds(shape, ctx.values(key), anyMatch, ctx) };
}

function valueMatcher(kind: CompareKind, values: readonly string[], variables: boolean): AnyMatch {
  const statics: PatternChunk[][] = [];
  const dynamics: Template[] = [];
  for (const v of values) {
    const t = parseTemplate(v, variables);
    if (t.keys.length > 0) dynamics.push(t);
    else statics.push(resolveTemplate(t, () => undefined)!);
  }
  const fixed = staticMatcher(kind, statics);
  if (dynamics.length === 0) return fixed;
  return (v, ctx) => {
    if (fixed(v, ctx)) return true;
    for (const t of dynamics) {
      const chunks = resolveTemplate(t, ctx.lookup);
      if (chunks !== undefined && chunksMatch(kind, chunks, v)) return true;
    }
    return false;
  };
}

/** Variable-bearing values, resolved per request (String, Bool and ARN operators only). */
function chunksMatch(kind: CompareKind, chunks: readonly PatternChunk[], v: string): boolean {
  if (kind === 'StringLike') return matchGlob(tokenize(chunks, 'plain'), v);
  if (kind === 'ArnLike') return matchGlob(tokenize(chunks, 'arn'), v);
  const text = chunksText(chunks);
  return kind === 'StringEquals' ? v === text : v.toLowerCase() === text.toLowerCase();
}

function staticMatcher(kind: CompareKind, statics: readonly PatternChunk[][]): AnyMatch {
  const texts = statics.map(chunksText);
  switch (kind) {
    case 'StringEquals': {
      if (texts.length === 1) {
        const only = texts[0]!;
        return (v) => v === only;
      }
      const set = new Set(texts);
      return (v) => set.has(v);
    }
    case 'StringEqualsIgnoreCase':
    case 'Bool': {
      const set = new Set(texts.map((t) => t.toLowerCase()));
      return (v) => set.has(v.toLowerCase());
    }
    case 'StringLike':
    case 'ArnLike': {
      const m = anyOf(statics.map((c) => compileMatcher(tokenize(c, kind === 'ArnLike' ? 'arn' : 'plain'))));
      return (v) => m(v);
    }
    case 'BinaryEquals': {
      const set = new Set(texts.map(base64Bytes).filter((b) => b !== undefined));
      return (v) => {
        const b = base64Bytes(v);
        return b !== undefined && set.has(b);
      };
    }
    case 'IpAddress': {
      const blocks = texts.map(parseCidr).filter((b) => b !== undefined);
      return (v) => {
        const ip = parseIp(v.trim());
        if (ip === undefined) return false;
        for (const b of blocks) if (cidrContains(b, ip)) return true;
        return false;
      };
    }
    default:
      return orderedMatcher(kind, texts);
  }
}

function orderedMatcher(kind: CompareKind, texts: readonly string[]): AnyMatch {
  const parse = kind.startsWith('Date') ? parseDate : parseNumber;
  const bounds = texts.map(parse).filter((n) => n !== undefined);
  return (v) => {
    const a = parse(v);
    if (a === undefined) return false;
    for (const b of bounds) if (ordered(kind, a, b)) return true;
    return false;
  };
}
