// The context keys a statement refers to: its condition keys and the keys of the policy
// variables in its Resource and condition values. Used to report missing context keys.

import type { Statement } from './ast.js';
import { operatorSpec } from './condition-operator.js';
import { parseTemplate } from './template.js';

export function statementKeys(statement: Statement, expand: boolean): string[] {
  const keys: string[] = [];
  if (expand && statement.resource) {
    for (const v of statement.resource.values) keys.push(...parseTemplate(v, true).keys);
  }
  for (const clause of statement.conditions) {
    keys.push(clause.key);
    if (expand && operatorSpec(clause.baseOperator)?.variables) {
      for (const v of clause.values) keys.push(...parseTemplate(v, true).keys);
    }
  }
  return keys;
}
