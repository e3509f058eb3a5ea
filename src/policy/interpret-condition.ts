// The interpreter's condition evaluation: each policy value is parsed and compared on the spot.

import type { ConditionClause } from './ast.js';
import { clauseHolds, nullHolds } from './condition-logic.js';
import { operatorSpec, type OperatorSpec } from './condition-operator.js';
import type { ContextView } from './context-view.js';
import { parseDate } from './date-value.js';
import { cidrContains, parseCidr, parseIp } from './ip-address.js';
import { wildcardTest } from './interpret-match.js';
import { base64Bytes, ordered, parseNumber } from './scalar-value.js';
import { chunksText, parseTemplate, resolveTemplate } from './template.js';

export function conditionHolds(clause: ConditionClause, ctx: ContextView, expand: boolean): boolean {
  const spec = operatorSpec(clause.baseOperator);
  if (!spec) return false; // an unknown operator never holds (the validator reports it)
  const values = ctx.values(clause.key);
  if (spec.kind === 'Null') return nullHolds(clause.values, values !== undefined);
  const shape = { setOperator: clause.setOperator, ifExists: clause.ifExists, negated: spec.negated };
  const anyMatch = (v: string) => clause.values.some((p) => valueMatches(spec, v, p, ctx, expand));
  return clauseHolds(shape, values, anyMatch, undefined);
}

function valueMatches(spec: OperatorSpec, value: string, policyValue: string, ctx: ContextView, expand: boolean): boolean {
  const template = parseTemplate(policyValue, expand && spec.variables);
  // A variable without a value leaves nothing to be equal or like: this value matches nothing.
  const chunks = resolveTemplate(template, (k) => ctx.single(k));
  if (chunks === undefined) return false;
  const text = chunksText(chunks);
  switch (spec.kind) {
    case 'StringEquals':
      return value === text;
    case 'StringEqualsIgnoreCase':
    case 'Bool':
      return value.toLowerCase() === text.toLowerCase();
    case 'StringLike':
      return wildcardTest(chunks, 'plain', value);
    case 'ArnLike':
      return wildcardTest(chunks, 'arn', value);
    case 'BinaryEquals': {
      const a = base64Bytes(value);
      return a !== undefined && a === base64Bytes(text);
    }
    case 'IpAddress': {
      const block = parseCidr(text);
      const ip = parseIp(value.trim());
      return block !== undefined && ip !== undefined && cidrContains(block, ip);
    }
    default:
      return compareOrdered(spec.kind, value, text);
  }
}

function compareOrdered(kind: string, value: string, policyValue: string): boolean {
  const parse = kind.startsWith('Date') ? parseDate : parseNumber;
  const a = parse(value);
  const b = parse(policyValue);
  return a !== undefined && b !== undefined && ordered(kind, a, b);
}
