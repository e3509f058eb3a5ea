// The reference interpreter: walks every statement of every policy for one request, in the
// plainest form. `decide` (compile.ts / decide.ts) must always give the same Decision.

import type { PolicyDocument, Statement } from './ast.js';
import type { AuthorizationRequest, Decision, MatchedStatement, NamedPolicy, PolicySet, PolicyType } from './request.js';
import { combineOutcomes, type ResourceOutcome } from './combine.js';
import { ContextView } from './context-view.js';
import { conditionHolds } from './interpret-condition.js';
import { actionMatches, resourceMatches } from './interpret-match.js';
import { Grant, principalGrant, roleArnOf, type Caller } from './principal-match.js';
import { statementKeys } from './statement-keys.js';
import { failedDecision } from './failed-decision.js';
import { matchedStatement, type Slot } from './matched-statement.js';

interface Env {
  readonly request: AuthorizationRequest;
  readonly ctx: ContextView;
  readonly caller: Caller;
  readonly hasBoundary: boolean;
  readonly matched: MatchedStatement[];
  /** Missing keys, lower-cased → as first written. */
  readonly missing: Map<string, string>;
}


export function evaluate(set: PolicySet, request: AuthorizationRequest): Decision {
  try {
    return evaluateUnsafe(set, request);
  } catch (e) {
    return failedDecision(e);
  }
}

function evaluateUnsafe(set: PolicySet, request: AuthorizationRequest): Decision {
  const ctx = new ContextView(request.context);
  const caller: Caller = {
    arn: request.principalArn,
    account: request.principalAccount,
    roleArn: roleArnOf(request.principalArn, ctx.single('aws:PrincipalArn')),
  };
  const env: Env = { request, ctx, caller, hasBoundary: set.boundary !== undefined, matched: [], missing: new Map() };
  const run = (policies: readonly NamedPolicy[], policyType: PolicyType, level?: number) =>
    policiesOutcome(policies, { policyType, level }, env);
  const identity = run(set.identity, 'identity');
  const boundary = set.boundary && run(set.boundary, 'boundary');
  const session = set.session && run(set.session, 'session');
  const scp = set.scpLevels?.map((level, i) => run(level, 'scp', i));
  const rcp = set.rcpLevels?.map((level, i) => run(level, 'rcp', i));
  const resource = set.resource && run(set.resource, 'resource');
  const crossAccount = (request.resourceAccount ?? request.principalAccount) !== request.principalAccount;
  const combined = combineOutcomes({ identity, boundary, session, scp, rcp, resource, crossAccount });
  return { ...combined, matched: env.matched, missingContextKeys: [...env.missing.values()] };
}

function policiesOutcome(policies: readonly NamedPolicy[], slot: Slot, env: Env): ResourceOutcome {
  let allow = false;
  let deny = false;
  let grant: Grant = Grant.none;
  for (const policy of policies) {
    for (const statement of policy.document.statements) {
      const g = statementGrant(statement, policy, slot, env);
      if (g === Grant.none) continue;
      if (statement.effect === 'Deny') deny = true;
      else {
        allow = true;
        if (g > grant) grant = g;
      }
    }
  }
  return { allow, deny, grant };
}

/** Grant.none when the statement does not apply; otherwise how it named the caller. */
function statementGrant(statement: Statement, policy: NamedPolicy, slot: Slot, env: Env): Grant {
  const doc: PolicyDocument = policy.document;
  if (!actionMatches(statement, env.request.action)) return Grant.none;
  const grant = statement.principal
    ? principalGrant(statement.principal, env.caller, statement.effect, env.hasBoundary)
    : Grant.direct;
  if (grant === Grant.none) return Grant.none;
  const expand = doc.version === '2012-10-17';
  const resource = resourceMatches(statement, env.request.resource, expand, (k) => env.ctx.single(k));
  if (resource === 'nomatch') return Grant.none;
  noteMissingKeys(statement, expand, env);
  if (resource === 'unresolved') return Grant.none;
  for (const clause of statement.conditions) if (!conditionHolds(clause, env.ctx, expand)) return Grant.none;
  env.matched.push(matchedStatement(statement, policy, slot));
  return grant;
}

function noteMissingKeys(statement: Statement, expand: boolean, env: Env): void {
  for (const key of statementKeys(statement, expand)) {
    const lower = key.toLowerCase();
    if (!env.missing.has(lower) && !env.ctx.has(key)) env.missing.set(lower, key);
  }
}
