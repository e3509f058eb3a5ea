// Unknown services and actions make a statement (partly) non-functional: IAM accepts the
// text but nothing ever matches it. A wildcard that matches no action is the same mistake.

import type { Statement } from '../ast.js';
import type { Catalog } from './catalog.js';
import { finding, type Finding } from './finding.js';
import { entryPath, resolveAction } from './resolve-actions.js';

export function checkActions(catalog: Catalog, st: Statement): Finding[] {
  const list = st.action;
  if (!list) return [];
  const out: Finding[] = [];
  list.values.forEach((text, i) => {
    const path = entryPath(list, i);
    const r = resolveAction(catalog, text);
    if (r.kind === 'invalid') {
      out.push(finding('ERROR', 'INVALID_ACTION', path, `"${text}" is not an action: write service:Action, e.g. s3:GetObject.`));
    } else if (r.kind === 'unknown-service') {
      out.push(finding('ERROR', 'UNKNOWN_SERVICE', path, `The service prefix "${r.service}" in "${text}" is not an AWS service.`));
    } else if (r.kind === 'actions' && r.actions.length === 0) {
      const what = /[*?]/.test(text) ? 'matches no action' : 'is not an action';
      out.push(finding('ERROR', 'UNKNOWN_ACTION', path, `"${text}" ${what} of the service ${r.service.prefix}.`));
    }
  });
  return out;
}
