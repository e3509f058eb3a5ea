// Policy documents as IAM accepts and returns them: valid JSON in the policy grammar, within the
// size quotas (counted without white space), and URL-encoded (RFC 3986) on the way out.

import { parsePolicy } from '../../policy/parse.js';
import { PolicyParseError } from '../../policy/policy-parse-error.js';
import { countedSize, IDENTITY_POLICY_LIMITS } from '../../policy/validate/size-limits.js';
import { limitExceeded, malformedPolicyDocument, type IamResource } from './errors.js';

/** IAM quotas: managed policy 6,144; inline aggregates per role 10,240 and per user 2,048. */
export const MANAGED_POLICY_LIMIT = IDENTITY_POLICY_LIMITS.managed;
export const ROLE_INLINE_LIMIT = IDENTITY_POLICY_LIMITS['inline-role'];
export const USER_INLINE_LIMIT = IDENTITY_POLICY_LIMITS['inline-user'];
/** The default quota of a role trust policy. */
export const TRUST_POLICY_LIMIT = 2048;

export { countedSize };

/** Throws MalformedPolicyDocument unless `text` is a JSON policy in the policy grammar. */
export function checkPolicyGrammar(text: string, field = 'PolicyDocument'): void {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw malformedPolicyDocument('This policy contains invalid Json', field);
  }
  try {
    parsePolicy(value as object);
  } catch (e) {
    if (e instanceof PolicyParseError) throw malformedPolicyDocument(`Syntax errors in policy. ${e.message}`, field);
    throw e;
  }
}

/** A customer managed policy document (CreatePolicy, CreatePolicyVersion). */
export function checkManagedPolicyDocument(text: string): void {
  checkPolicyGrammar(text);
  if (countedSize(text) > MANAGED_POLICY_LIMIT) {
    throw limitExceeded('PolicyDocument', `Cannot exceed quota for PolicySize: ${MANAGED_POLICY_LIMIT}`);
  }
}

/** A role trust policy (CreateRole, UpdateAssumeRolePolicy). */
export function checkTrustPolicyDocument(text: string, field = 'AssumeRolePolicyDocument'): void {
  checkPolicyGrammar(text, field);
  if (countedSize(text) > TRUST_POLICY_LIMIT) {
    throw limitExceeded('PolicyDocument', `Cannot exceed quota for ACLSizePerRole: ${TRUST_POLICY_LIMIT}`);
  }
}

/**
 * An inline policy, given the documents the principal keeps besides it: the quota is on the
 * aggregate of all its inline policies.
 */
export function checkInlinePolicyDocument(
  text: string,
  others: readonly string[],
  principal: { kind: 'user' | 'role'; name: string },
): void {
  checkPolicyGrammar(text);
  const limit = principal.kind === 'role' ? ROLE_INLINE_LIMIT : USER_INLINE_LIMIT;
  const total = others.reduce((n, d) => n + countedSize(d), countedSize(text));
  if (total > limit) {
    const resource: IamResource = principal.kind === 'role' ? 'RolePolicy' : 'UserPolicy';
    throw limitExceeded(resource, `Maximum policy size of ${limit} bytes exceeded for ${principal.kind} ${principal.name}`);
  }
}

/** RFC 3986 percent-encoding: everything but the unreserved characters `A-Za-z0-9-._~`. */
export const urlEncodeDocument = (text: string): string =>
  encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
