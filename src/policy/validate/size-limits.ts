// IAM counts policy size without white space; a policy over its quota is rejected on save,
// so this is an ERROR. Quotas from "IAM and AWS STS quotas" and the AWS Organizations quotas:
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html
// https://docs.aws.amazon.com/organizations/latest/userguide/orgs_reference_limits.html

import { finding, type Finding, type IdentityPolicyKind, type ValidationPolicyType } from './finding.js';

export const IDENTITY_POLICY_LIMITS: Readonly<Record<IdentityPolicyKind, number>> = {
  managed: 6144,
  // Inline quotas are the aggregate of all inline policies of the entity; one policy is
  // checked against it here, which is the most a single document can use.
  'inline-role': 10240,
  'inline-user': 2048,
  'inline-group': 5120,
};

/** SCPs and RCPs share the Organizations quota of 5,120 characters. */
export const ORGANIZATIONS_POLICY_LIMIT = 5120;

/** Characters as IAM counts them: everything but white space. */
export const countedSize = (json: string): number => json.replace(/\s/g, '').length;

export function sizeLimit(policyType: ValidationPolicyType, kind: IdentityPolicyKind): number | undefined {
  if (policyType === 'IDENTITY_POLICY') return IDENTITY_POLICY_LIMITS[kind];
  if (policyType === 'SERVICE_CONTROL_POLICY' || policyType === 'RESOURCE_CONTROL_POLICY') return ORGANIZATIONS_POLICY_LIMIT;
  // Resource policy quotas differ per service (S3 20 KB, trust policies 2,048+): not checked.
  return undefined;
}

export function checkSize(json: string, policyType: ValidationPolicyType, kind: IdentityPolicyKind): Finding[] {
  const limit = sizeLimit(policyType, kind);
  const size = countedSize(json);
  if (limit === undefined || size <= limit) return [];
  const what = policyType === 'IDENTITY_POLICY' ? `${kind} identity policy` : policyType.toLowerCase().replace(/_/g, ' ');
  return [finding('ERROR', 'POLICY_SIZE_EXCEEDED', '', `The policy has ${size} characters without white space; a ${what} may have at most ${limit}.`)];
}
