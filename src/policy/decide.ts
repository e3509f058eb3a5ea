// Decides a request against a compiled policy set. Same answers as `evaluate`, much faster.

import type { AuthorizationRequest, Decision, MatchedStatement } from './request.js';
import { combineOutcomes, type Outcome } from './combine.js';
import { ContextView } from './context-view.js';
import { NO_MATCH, UNRESOLVED } from './compile-resource.js';
import {
  BOUNDARY,
  FIRST_LEVEL,
  IDENTITY,
  RESOURCE,
  SESSION,
  type CompiledPolicySet,
  type CompiledStatement,
} from './compile.js';
import { failedDecision } from './failed-decision.js';
import { Grant, principalGrant, roleArnOf, type Caller } from './principal-match.js';

const ACTION_CACHE_LIMIT = 4096;
const NONE: readonly string[] = Object.freeze([]);

export function decide(compiled: CompiledPolicySet, request: AuthorizationRequest): Decision {
  try {
    return decideUnsafe(compiled, request);
  } catch (e) {
    return failedDecision(e);
  }
}

function decideUnsafe(cs: CompiledPolicySet, request: AuthorizationRequest): Decision {
  const ctx = new ContextView(request.context);
  const slots = FIRST_LEVEL + (cs.scpLevels ?? 0) + (cs.rcpLevels ?? 0);
  // Plain arrays: cheaper to allocate than typed arrays for a handful of slots.
  const allow: boolean[] = new Array<boolean>(slots).fill(false);
  const deny: boolean[] = new Array<boolean>(slots).fill(false);
  const matched: MatchedStatement[] = [];
  let missing: Map<string, string> | undefined;
  let caller: Caller | undefined;
  let grant: Grant = Grant.none;
  for (const st of candidates(cs, request.action)) {
    let g: Grant = Grant.direct;
    if (st.principal) {
      caller ??= callerOf(request, ctx);
      g = principalGrant(st.principal, caller, st.effect, cs.hasBoundary);
      if (g === Grant.none) continue;
    }
    const r = st.resource(request.resource, ctx);
    if (r === NO_MATCH) continue;
    if (st.keys.length > 0) missing = noteMissing(st.keys, ctx, missing);
    if (r === UNRESOLVED || !conditionsHold(st, ctx)) continue;
    matched.push(st.matched);
    if (st.effect === 'Deny') deny[st.slot] = true;
    else {
      allow[st.slot] = true;
      if (st.slot === RESOURCE && g > grant) grant = g;
    }
  }
  // No closures here: the hot path allocates only what the Decision needs.
  const scpFirst = FIRST_LEVEL;
  const rcpFirst = FIRST_LEVEL + (cs.scpLevels ?? 0);
  const combined = combineOutcomes({
    identity: outcome(allow, deny, IDENTITY),
    boundary: cs.hasBoundary ? outcome(allow, deny, BOUNDARY) : undefined,
    session: cs.hasSession ? outcome(allow, deny, SESSION) : undefined,
    scp: cs.scpLevels === undefined ? undefined : levels(allow, deny, scpFirst, cs.scpLevels),
    rcp: cs.rcpLevels === undefined ? undefined : levels(allow, deny, rcpFirst, cs.rcpLevels),
    resource: cs.hasResource ? { allow: allow[RESOURCE]!, deny: deny[RESOURCE]!, grant } : undefined,
    crossAccount: (request.resourceAccount ?? request.principalAccount) !== request.principalAccount,
  });
  return {
    decision: combined.decision,
    byType: combined.byType,
    matched,
    missingContextKeys: missing ? [...missing.values()] : NONE,
  };
}

function outcome(allow: readonly boolean[], deny: readonly boolean[], slot: number): Outcome {
  return { allow: allow[slot]!, deny: deny[slot]! };
}

function levels(allow: readonly boolean[], deny: readonly boolean[], first: number, count: number): Outcome[] {
  const list: Outcome[] = [];
  for (let i = 0; i < count; i++) list.push(outcome(allow, deny, first + i));
  return list;
}

function candidates(cs: CompiledPolicySet, action: string): readonly CompiledStatement[] {
  let list = cs.actionCache.get(action);
  if (list === undefined) {
    list = cs.index.candidates(action).map((i) => cs.statements[i]!);
    // A bound on memory: actions are a finite vocabulary, but requests come from outside.
    if (cs.actionCache.size >= ACTION_CACHE_LIMIT) cs.actionCache.clear();
    cs.actionCache.set(action, list);
  }
  return list;
}

function conditionsHold(st: CompiledStatement, ctx: ContextView): boolean {
  for (const c of st.conditions) if (!c.holds(ctx)) return false;
  return true;
}

function noteMissing(keys: readonly string[], ctx: ContextView, missing: Map<string, string> | undefined) {
  for (const key of keys) {
    if (ctx.has(key)) continue;
    missing ??= new Map();
    const lower = key.toLowerCase();
    if (!missing.has(lower)) missing.set(lower, key);
  }
  return missing;
}

function callerOf(request: AuthorizationRequest, ctx: ContextView): Caller {
  return {
    arn: request.principalArn,
    account: request.principalAccount,
    roleArn: roleArnOf(request.principalArn, ctx.single('aws:PrincipalArn')),
  };
}
