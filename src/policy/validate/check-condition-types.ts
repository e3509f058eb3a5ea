// An operator of the wrong family for its key compares text the way the key is never
// written (NumericEquals on a String key, DateGreaterThan on a non-date key), so the
// condition does not do what it says. Malformed values make the condition never match.

import type { Statement } from '../ast.js';
import type { Catalog } from './catalog.js';
import { lookupConditionKey, scalarType } from './condition-keys.js';
import { finding, type Finding } from './finding.js';
import { familyAcceptsKey, operatorFamily, valueFitsFamily } from './operators.js';

export function checkConditionTypes(catalog: Catalog, st: Statement): Finding[] {
  const out: Finding[] = [];
  for (const clause of st.conditions) {
    const family = operatorFamily(clause.baseOperator);
    if (!family) {
      out.push(finding('ERROR', 'INVALID_CONDITION_OPERATOR', clause.path, `"${clause.operator}" is not a condition operator.`));
      continue;
    }
    const info = lookupConditionKey(catalog, clause.key);
    if (info && !familyAcceptsKey(family, clause.key, scalarType(info))) {
      out.push(
        finding('WARNING', 'CONDITION_TYPE_MISMATCH', clause.path, `${clause.operator} compares ${family} values, but "${clause.key}" is of type ${info.type}.`),
      );
    }
    const bad = clause.values.filter((v) => !valueFitsFamily(family, v));
    if (bad.length > 0) {
      out.push(
        finding('ERROR', 'INVALID_CONDITION_VALUE', clause.path, `${clause.operator} needs ${family} values; ${bad.map((v) => `"${v}"`).join(', ')} is not one.`),
      );
    }
  }
  return out;
}
