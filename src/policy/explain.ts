// A Decision in words, for people: the answer, the layer that settled it, the statements
// that matched, and the context keys the request lacked.

import type { Decision, MatchedStatement, PolicyType } from './request.js';

const TYPE_NAMES: Record<PolicyType, string> = {
  identity: 'identity-based policies',
  boundary: 'the permissions boundary',
  session: 'the session policy',
  scp: 'service control policies',
  rcp: 'resource control policies',
  resource: 'the resource-based policy',
};

export function explainDecision(decision: Decision): string {
  const lines = [headline(decision), ...reasons(decision)];
  if (decision.matched.length > 0) {
    lines.push('Matched statements:');
    for (const m of decision.matched) lines.push(`  - ${describe(m)}`);
  }
  if (decision.missingContextKeys.length > 0) {
    lines.push(`Context keys the policies use that the request did not supply: ${decision.missingContextKeys.join(', ')}`);
  }
  if (decision.error !== undefined) lines.push(`Evaluation fault (denied by default): ${decision.error}`);
  return lines.join('\n');
}

function headline(d: Decision): string {
  if (d.decision === 'Allow') return 'Allowed.';
  if (d.decision === 'ExplicitDeny') return 'Denied: an explicit Deny statement applies.';
  return 'Denied: nothing allows this request (implicit deny).';
}

function reasons(d: Decision): string[] {
  const out: string[] = [];
  for (const [type, name] of Object.entries(d.byType) as [PolicyType, string][]) {
    const verdict = name === 'Allow' ? 'allow' : name === 'ExplicitDeny' ? 'explicitly deny' : 'do not allow';
    out.push(`  ${capital(TYPE_NAMES[type])} ${plural(type) ? verdict : singular(verdict)}.`);
  }
  if (d.decision === 'ImplicitDeny' && out.length > 0) {
    out.push('  Every layer that applies must allow: SCP and RCP levels, boundary and session policy.');
  }
  return out;
}

function describe(m: MatchedStatement): string {
  const level = m.level === undefined ? '' : ` level ${m.level}`;
  const sid = m.sid === undefined ? '' : ` (Sid "${m.sid}")`;
  return `${m.effect} in ${m.policyType}${level} policy ${m.policyId} at ${m.path || 'Statement'}${sid}`;
}

function plural(type: PolicyType): boolean {
  return type === 'identity' || type === 'scp' || type === 'rcp';
}

function singular(verdict: string): string {
  return verdict === 'allow' ? 'allows' : verdict === 'explicitly deny' ? 'explicitly denies' : 'does not allow';
}

function capital(s: string): string {
  return s[0]!.toUpperCase() + s.slice(1);
}
