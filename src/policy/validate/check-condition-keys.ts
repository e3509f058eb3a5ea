// A condition on a key the request never carries is always false (or, with IfExists, always
// true): unknown keys are errors, keys the statement's actions do not support are warnings.
// Global `aws:` keys can be present in any request, so action support is not checked for them.

import type { Statement } from '../ast.js';
import type { Catalog } from './catalog.js';
import { actionSupportsKey, lookupConditionKey } from './condition-keys.js';
import { finding, type Finding } from './finding.js';
import { statementActions } from './resolve-actions.js';

export function checkConditionKeys(catalog: Catalog, st: Statement): Finding[] {
  const out: Finding[] = [];
  const actions = statementActions(catalog, st);
  for (const clause of st.conditions) {
    const info = lookupConditionKey(catalog, clause.key);
    const isAws = clause.key.toLowerCase().startsWith('aws:');
    if (!info) {
      // The reference's list of global keys trails AWS a little, hence only a warning.
      if (isAws) out.push(finding('WARNING', 'UNKNOWN_GLOBAL_CONDITION_KEY', clause.path, `"${clause.key}" is not a known global condition key.`));
      else out.push(finding('ERROR', 'UNKNOWN_CONDITION_KEY', clause.path, `"${clause.key}" is not a condition key of any AWS service.`));
      continue;
    }
    if (info.global || !actions || actions.length === 0) continue;
    if (!actions.some((a) => actionSupportsKey(a, clause.key))) {
      out.push(
        finding('WARNING', 'UNSUPPORTED_CONDITION_KEY', clause.path, `None of the statement's actions supports "${clause.key}"; the condition never matches their requests.`),
      );
    }
  }
  return out;
}
