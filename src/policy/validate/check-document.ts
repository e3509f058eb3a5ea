// Document-level rules: Version, Sids, and the elements each policy type needs or forbids.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_version.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_sid.html

import type { PolicyDocument, Statement } from '../ast.js';
import { finding, type Finding, type ValidationPolicyType } from './finding.js';

/** Policy variables are literal text under 2008-10-17 (or no Version): the author meant them as variables. */
function variablesWithoutVersion(doc: PolicyDocument): Finding[] {
  if (doc.version === '2012-10-17') return [];
  const out: Finding[] = [];
  for (const st of doc.statements) {
    const places = [
      ...(st.resource && st.resource.values.some((v) => v.includes('${')) ? [st.resource.path] : []),
      ...st.conditions.filter((c) => c.values.some((v) => v.includes('${'))).map((c) => c.path),
    ];
    for (const path of places) {
      out.push(finding('WARNING', 'VARIABLE_UNSUPPORTED_IN_VERSION', path, 'Policy variables need "Version": "2012-10-17"; here they are literal text.'));
    }
  }
  return out;
}

export function checkVersion(doc: PolicyDocument): Finding[] {
  const out: Finding[] = [];
  if (doc.version === undefined) {
    out.push(finding('WARNING', 'MISSING_VERSION', doc.path, 'Add "Version": "2012-10-17"; without it policy variables are not replaced.'));
  }
  return [...out, ...variablesWithoutVersion(doc)];
}

export function checkSids(doc: PolicyDocument, policyType: ValidationPolicyType): Finding[] {
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const st of doc.statements) {
    if (st.sid === undefined) continue;
    const path = `${st.path}.Sid`;
    if (st.sid === '') {
      out.push(finding('SUGGESTION', 'EMPTY_SID', path, 'Remove the empty Sid or give the statement a name.'));
      continue; // several empty Sids are not duplicates of a name
    }
    if (seen.has(st.sid)) out.push(finding('ERROR', 'DUPLICATE_SID', path, `The Sid "${st.sid}" is already used; Sids must be unique in a policy.`));
    seen.add(st.sid);
    if (policyType === 'IDENTITY_POLICY' && !/^[A-Za-z0-9]+$/.test(st.sid)) {
      out.push(finding('ERROR', 'INVALID_SID', path, 'IAM policies accept only letters and digits (A-Z, a-z, 0-9) in a Sid.'));
    }
  }
  return out;
}

export function checkElements(st: Statement, policyType: ValidationPolicyType): Finding[] {
  const out: Finding[] = [];
  const principalForbidden = policyType === 'IDENTITY_POLICY' || policyType === 'SERVICE_CONTROL_POLICY';
  const principalRequired = policyType === 'RESOURCE_POLICY' || policyType === 'RESOURCE_CONTROL_POLICY';
  if (st.principal && principalForbidden) {
    out.push(finding('ERROR', 'UNSUPPORTED_PRINCIPAL', st.principal.path, 'Identity policies and SCPs apply to their principals; remove Principal/NotPrincipal.'));
  }
  if (!st.principal && principalRequired) {
    out.push(finding('ERROR', 'MISSING_PRINCIPAL', st.path, 'A resource-based policy statement must name a Principal or NotPrincipal.'));
  }
  // A statement without Action/NotAction never gets here: the parser rejects it.
  // Role trust policies have no Resource; every other type needs one.
  if (!st.resource && policyType !== 'RESOURCE_POLICY') out.push(finding('ERROR', 'MISSING_RESOURCE', st.path, 'Add a Resource or NotResource element.'));
  return out;
}
