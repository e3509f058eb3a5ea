// Compiles a PolicySet once into indexed, precompiled statements so that `decide` answers in
// microseconds and grows slower than the number of statements: the action index narrows each
// request to the few statements whose Action can match, and the per-action answer is cached.

import type { PrincipalBlock, Effect, Statement } from './ast.js';
import type { MatchedStatement, NamedPolicy, PolicySet, PolicyType } from './request.js';
import { ActionIndex } from './action-index.js';
import { compileCondition, type CompiledCondition } from './compile-condition.js';
import { compileResource, type CompiledResource } from './compile-resource.js';
import { matchedStatement } from './matched-statement.js';
import { statementKeys } from './statement-keys.js';

export interface CompiledStatement {
  readonly slot: number;
  readonly effect: Effect;
  readonly principal: PrincipalBlock | undefined;
  readonly resource: CompiledResource;
  readonly conditions: readonly CompiledCondition[];
  /** Context keys the statement refers to (for missingContextKeys). */
  readonly keys: readonly string[];
  readonly matched: MatchedStatement;
}

/** Slots: one per policy type, and one per SCP / RCP level. */
export const IDENTITY = 0;
export const BOUNDARY = 1;
export const SESSION = 2;
export const RESOURCE = 3;
export const FIRST_LEVEL = 4;

export interface CompiledPolicySet {
  readonly kind: 'compiled-policy-set';
  readonly statements: readonly CompiledStatement[];
  readonly index: ActionIndex;
  readonly hasBoundary: boolean;
  readonly hasSession: boolean;
  readonly hasResource: boolean;
  readonly scpLevels: number | undefined;
  readonly rcpLevels: number | undefined;
  /** Candidate statements per action as requested; bounded (see decide.ts). */
  readonly actionCache: Map<string, readonly CompiledStatement[]>;
}

export function compilePolicySet(set: PolicySet): CompiledPolicySet {
  const statements: CompiledStatement[] = [];
  const index = new ActionIndex();
  const addAll = (policies: readonly NamedPolicy[], slot: number, policyType: PolicyType, level?: number) => {
    for (const policy of policies) {
      for (const s of policy.document.statements) {
        if (s.action) index.add(statements.length, s.action.values, s.action.not);
        statements.push(compileStatement(s, policy, slot, policyType, level));
      }
    }
  };
  // The order here is the interpreter's order, so matched statements come out the same.
  const scpLevels = set.scpLevels?.length;
  addAll(set.identity, IDENTITY, 'identity');
  if (set.boundary) addAll(set.boundary, BOUNDARY, 'boundary');
  if (set.session) addAll(set.session, SESSION, 'session');
  set.scpLevels?.forEach((level, i) => addAll(level, FIRST_LEVEL + i, 'scp', i));
  set.rcpLevels?.forEach((level, i) => addAll(level, FIRST_LEVEL + (scpLevels ?? 0) + i, 'rcp', i));
  if (set.resource) addAll(set.resource, RESOURCE, 'resource');
  return {
    kind: 'compiled-policy-set',
    statements,
    index,
    hasBoundary: set.boundary !== undefined,
    hasSession: set.session !== undefined,
    hasResource: set.resource !== undefined,
    scpLevels,
    rcpLevels: set.rcpLevels?.length,
    actionCache: new Map(),
  };
}

function compileStatement(
  s: Statement,
  policy: NamedPolicy,
  slot: number,
  policyType: PolicyType,
  level: number | undefined,
): CompiledStatement {
  const expand = policy.document.version === '2012-10-17';
  return {
    slot,
    effect: s.effect,
    principal: s.principal,
    resource: compileResource(s.resource, expand),
    conditions: s.conditions.map((c) => compileCondition(c, expand)),
    keys: statementKeys(s, expand),
    matched: Object.freeze(matchedStatement(s, policy, { policyType, level })),
  };
}
