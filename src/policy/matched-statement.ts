// The MatchedStatement record a Decision lists for a statement that applied.

import type { Statement } from './ast.js';
import type { MatchedStatement, NamedPolicy, PolicyType } from './request.js';

/** Where a policy sits in the set: its type and, for SCPs and RCPs, its level (0 = root). */
export interface Slot {
  readonly policyType: PolicyType;
  readonly level: number | undefined;
}

export function matchedStatement(statement: Statement, policy: NamedPolicy, slot: Slot): MatchedStatement {
  const m: MatchedStatement = {
    policyType: slot.policyType,
    policyId: policy.id,
    sid: statement.sid,
    effect: statement.effect,
    path: statement.path,
  };
  return slot.level === undefined ? m : { ...m, level: slot.level };
}
