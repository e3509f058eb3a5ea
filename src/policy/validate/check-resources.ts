// A resource that fits none of the ARN formats of the statement's actions never matches a
// request for those actions: IAM accepts it, but that part of the statement does nothing.
// A warning rather than an error: the reference sometimes lags the services.

import type { Statement } from '../ast.js';
import type { Catalog, CatalogAction } from './catalog.js';
import { finding, type Finding } from './finding.js';
import { templateToWildcard } from './key-template.js';
import { entryPath, statementActions } from './resolve-actions.js';
import { wildcardsIntersect } from './wildcard.js';

/** Policy variables stand for any text at request time. */
const variablesAsWildcards = (arn: string): string => arn.replace(/\$\{[^}]*\}/g, '*');

/** arn:partition:service:region:account:resource (the resource part may be empty or hold colons). */
const looksLikeArn = (text: string): boolean => /^arn:[^:]*:[^:]*:[^:]*:[^:]*:/.test(text) || /^arn:\*/.test(text);

/** The ARN formats of the actions' resource types, as wildcard patterns (deduplicated: `s3:*` repeats them). */
function arnFormats(catalog: Catalog, actions: readonly CatalogAction[]): Set<string> {
  const formats = new Set<string>();
  for (const action of actions) {
    const service = catalog.services.get(action.service.toLowerCase());
    for (const name of action.resourceTypes) {
      const rt = service?.resourceTypes.get(name);
      if (rt) formats.add(templateToWildcard(rt.arn));
    }
  }
  return formats;
}

export function checkResources(catalog: Catalog, st: Statement): Finding[] {
  const list = st.resource;
  if (!list) return [];
  const out: Finding[] = [];
  const actions = statementActions(catalog, st);
  let formats: Set<string> | undefined;
  list.values.forEach((text, i) => {
    const path = entryPath(list, i);
    if (text === '*') return;
    if (!looksLikeArn(text)) {
      out.push(finding('ERROR', 'INVALID_ARN', path, `"${text}" is neither "*" nor an ARN (arn:partition:service:region:account:resource).`));
      return;
    }
    // NotResource lists what is excluded; an exclusion that fits no action is harmless.
    if (list.not || !actions || actions.length === 0) return;
    formats ??= arnFormats(catalog, actions);
    const arn = variablesAsWildcards(text);
    for (const format of formats) if (wildcardsIntersect(arn, format)) return;
    const message =
      formats.size === 0
        ? `The actions of this statement support only "Resource": "*"; "${text}" never matches.`
        : `"${text}" fits none of the resource types of the statement's actions, so it never matches.`;
    out.push(finding('WARNING', 'UNSUPPORTED_RESOURCE_ARN', path, message));
  });
  return out;
}
