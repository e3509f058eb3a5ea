// Set operators and IfExists change what a missing or multivalued key means; used on the
// wrong kind of key they quietly widen or narrow a statement. AWS's guidance:
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html

import type { ConditionClause, Statement } from '../ast.js';
import type { Catalog } from './catalog.js';
import { isMultivalued, lookupConditionKey } from './condition-keys.js';
import { finding, type Finding } from './finding.js';

/** Whether the statement also tests the key with `Null` (the guard AWS recommends for ForAllValues). */
const hasNullGuard = (st: Statement, clause: ConditionClause): boolean =>
  st.conditions.some((c) => c.baseOperator === 'Null' && c.key.toLowerCase() === clause.key.toLowerCase());

export function checkSetOperators(catalog: Catalog, st: Statement): Finding[] {
  const out: Finding[] = [];
  for (const clause of st.conditions) {
    if (clause.baseOperator === 'Null') {
      // Null already asks about presence; IfExists makes no sense on it and IAM rejects it.
      if (clause.ifExists) out.push(finding('ERROR', 'NULL_WITH_IF_EXISTS', clause.path, 'The Null operator cannot take the IfExists suffix.'));
      continue;
    }
    const info = lookupConditionKey(catalog, clause.key);
    if (clause.setOperator && info && !isMultivalued(info)) {
      out.push(
        finding('WARNING', 'SET_OPERATOR_ON_SINGLE_VALUED_KEY', clause.path, `"${clause.key}" is single-valued; use ${clause.baseOperator} without ${clause.setOperator}.`),
      );
    } else if (!clause.setOperator && info && isMultivalued(info)) {
      out.push(
        finding('WARNING', 'MULTIVALUED_KEY_WITHOUT_SET_OPERATOR', clause.path, `"${clause.key}" is multivalued; prefix the operator with ForAllValues or ForAnyValue.`),
      );
    }
    if (clause.setOperator === 'ForAllValues') {
      if (clause.ifExists) {
        out.push(finding('SUGGESTION', 'REDUNDANT_IF_EXISTS', clause.path, 'ForAllValues is already true when the key is missing; IfExists adds nothing.'));
      } else if (st.effect === 'Allow' && (!info || isMultivalued(info)) && !hasNullGuard(st, clause)) {
        // ForAllValues is true for a missing or empty key, so an Allow with it alone also
        // allows requests that carry no value at all.
        out.push(
          finding('WARNING', 'FOR_ALL_VALUES_WITHOUT_NULL_CHECK', clause.path, `ForAllValues also matches requests without "${clause.key}"; add a Null condition on it set to false.`),
        );
      }
    }
  }
  return out;
}
