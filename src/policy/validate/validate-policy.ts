// ValidatePolicy: JSON syntax, then size, then grammar (the parser's errors), then the
// semantic checks against the service catalog. Synchronous: the catalog is loaded before.

import type { PolicyDocument } from '../ast.js';
import { parsePolicy } from '../parse.js';
import { PolicyParseError } from '../policy-parse-error.js';
import type { Catalog } from './catalog.js';
import { checkActions } from './check-actions.js';
import { checkBroadAccess } from './check-broad-access.js';
import { checkConditionKeys } from './check-condition-keys.js';
import { checkConditionTypes } from './check-condition-types.js';
import { checkElements, checkSids, checkVersion } from './check-document.js';
import { checkRedundantEntries, checkRedundantStatements } from './check-redundancy.js';
import { checkResources } from './check-resources.js';
import { checkSetOperators } from './check-set-operators.js';
import { finding, type Finding, type ValidateOptions } from './finding.js';
import { parseJson } from './json-syntax.js';
import { checkSize } from './size-limits.js';

/** The parser's error as a finding (its code is the API's `MalformedPolicyDocument`; ours is Access Analyzer's style). */
function grammarFinding(e: unknown): Finding {
  if (e instanceof PolicyParseError) return finding('ERROR', 'INVALID_POLICY_GRAMMAR', e.path, e.message);
  throw e; // anything else is a bug in the parser, not a finding about the policy
}

function semanticChecks(doc: PolicyDocument, catalog: Catalog, options: Required<ValidateOptions>): Finding[] {
  const out: Finding[] = [...checkVersion(doc), ...checkSids(doc, options.policyType)];
  for (const st of doc.statements) {
    out.push(
      ...checkElements(st, options.policyType),
      ...checkActions(catalog, st),
      ...checkResources(catalog, st),
      ...checkConditionKeys(catalog, st),
      ...checkConditionTypes(catalog, st),
      ...checkSetOperators(catalog, st),
      ...checkBroadAccess(st),
      ...checkRedundantEntries(st),
    );
  }
  out.push(...checkRedundantStatements(doc));
  return out;
}

export function validatePolicy(json: string, catalog: Catalog, options: ValidateOptions = {}): Finding[] {
  const resolved: Required<ValidateOptions> = {
    policyType: options.policyType ?? 'IDENTITY_POLICY',
    identityPolicyKind: options.identityPolicyKind ?? 'managed',
  };
  const syntax = parseJson(json);
  if (!syntax.ok) return [syntax.finding];
  const out = checkSize(json, resolved.policyType, resolved.identityPolicyKind);
  let doc: PolicyDocument;
  try {
    doc = parsePolicy(json);
  } catch (e) {
    return [...out, grammarFinding(e)];
  }
  return [...out, ...semanticChecks(doc, catalog, resolved)];
}
