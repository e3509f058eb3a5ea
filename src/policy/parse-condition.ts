// The Condition block: operator → key → value or list. Numbers and booleans become text,
// since IAM compares condition values as strings.

import type { ConditionClause } from './ast.js';
import { PolicyParseError } from './policy-parse-error.js';
import { isPlainObject } from './parse-helpers.js';
import { splitOperator } from './condition-operator.js';

export function parseConditions(raw: unknown, path: string): ConditionClause[] {
  if (!isPlainObject(raw)) throw new PolicyParseError('Condition must be an object of operators', path);
  const clauses: ConditionClause[] = [];
  for (const [operator, keys] of Object.entries(raw)) {
    const opPath = `${path}.${operator}`;
    if (operator === '') throw new PolicyParseError('A condition operator cannot be empty', opPath);
    if (!isPlainObject(keys)) throw new PolicyParseError(`Condition operator ${operator} must map keys to values`, opPath);
    const parts = splitOperator(operator);
    for (const [key, value] of Object.entries(keys)) {
      const keyPath = `${opPath}.${key}`;
      if (key === '') throw new PolicyParseError('A condition key cannot be empty', keyPath);
      const { values, single } = conditionValues(value, keyPath);
      clauses.push({ kind: 'condition', operator, ...parts, key, values, path: keyPath, single });
    }
  }
  return clauses;
}

function conditionValues(value: unknown, path: string): { values: string[]; single: boolean } {
  if (!Array.isArray(value)) return { values: [scalar(value, path)], single: true };
  return { values: value.map((v, i) => scalar(v, `${path}[${i}]`)), single: false };
}

function scalar(value: unknown, path: string): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new PolicyParseError('A condition value must be a string, number or boolean', path);
}
