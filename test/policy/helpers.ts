// Shared test helpers: building policy sets from raw JSON and running both engine paths.

import assert from 'node:assert/strict';
import { compilePolicySet, decide, evaluate, parsePolicy } from '../../src/policy/index.js';
import type { AuthorizationRequest, ContextValue, Decision, NamedPolicy, PolicySet } from '../../src/policy/index.js';

export interface RawPolicies {
  identity?: unknown[];
  boundary?: unknown[];
  session?: unknown[];
  scps?: unknown[][];
  rcps?: unknown[][];
  resource?: unknown[];
}

const named = (kind: string) => (p: unknown, i: number): NamedPolicy => ({
  id: `${kind}[${i}]`,
  document: parsePolicy(p as object),
});

export function policySet(raw: RawPolicies): PolicySet {
  return {
    identity: (raw.identity ?? []).map(named('identity')),
    ...(raw.boundary && { boundary: raw.boundary.map(named('boundary')) }),
    ...(raw.session && { session: raw.session.map(named('session')) }),
    ...(raw.scps && { scpLevels: raw.scps.map((level, l) => level.map(named(`scp${l}`))) }),
    ...(raw.rcps && { rcpLevels: raw.rcps.map((level, l) => level.map(named(`rcp${l}`))) }),
    ...(raw.resource && { resource: raw.resource.map(named('resource')) }),
  };
}

export const ACCOUNT = '111122223333';
export const OTHER_ACCOUNT = '444455556666';

export function request(
  action: string,
  resource: string,
  context: Record<string, ContextValue> = {},
  extra: Partial<AuthorizationRequest> = {},
): AuthorizationRequest {
  return {
    action,
    resource,
    principalArn: `arn:aws:iam::${ACCOUNT}:user/alice`,
    principalAccount: ACCOUNT,
    context,
    ...extra,
  };
}

/** Decides with both paths, checks they agree exactly, returns the decision. */
export function both(set: PolicySet, req: AuthorizationRequest): Decision {
  const reference = evaluate(set, req);
  const fast = decide(compilePolicySet(set), req);
  assert.deepEqual(fast, reference, 'compiled path and interpreter disagree');
  assert.equal(reference.error, undefined, `evaluation fault: ${reference.error}`);
  return reference;
}

/** Shorthand: one identity policy with the given statements (Version 2012-10-17). */
export function identityOnly(statements: unknown[]): PolicySet {
  return policySet({ identity: [{ Version: '2012-10-17', Statement: statements }] });
}
