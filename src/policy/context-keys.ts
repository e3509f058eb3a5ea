// The context keys a policy refers to (condition keys and policy-variable keys), as the IAM
// API's GetContextKeysFor*Policy reports them: each once, in the order first written.

import type { PolicyDocument } from './ast.js';
import { statementKeys } from './statement-keys.js';

export function policyContextKeys(docs: readonly PolicyDocument[]): string[] {
  const seen = new Map<string, string>();
  for (const doc of docs) {
    // Version 2008-10-17 has no policy variables: `${...}` is literal text there.
    const expand = doc.version === '2012-10-17';
    for (const statement of doc.statements) {
      for (const key of statementKeys(statement, expand)) {
        if (!seen.has(key.toLowerCase())) seen.set(key.toLowerCase(), key);
      }
    }
  }
  return [...seen.values()];
}
