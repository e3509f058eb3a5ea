// The AST back to a JSON-ready object, in the shape it was written (bare string or array,
// single statement or list), so that parse → serialize → parse is the identity.

import type { ConditionClause, PolicyDocument, PrincipalBlock, Statement, ValueList } from './ast.js';

export function serializePolicy(doc: PolicyDocument): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (doc.version !== undefined) out['Version'] = doc.version;
  if (doc.id !== undefined) out['Id'] = doc.id;
  const statements = doc.statements.map(serializeStatement);
  out['Statement'] = doc.singleStatement && statements.length === 1 ? statements[0] : statements;
  return out;
}

function serializeStatement(s: Statement): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (s.sid !== undefined) out['Sid'] = s.sid;
  out['Effect'] = s.effect;
  if (s.principal) out[s.principal.not ? 'NotPrincipal' : 'Principal'] = principal(s.principal);
  if (s.action) out[s.action.not ? 'NotAction' : 'Action'] = list(s.action);
  if (s.resource) out[s.resource.not ? 'NotResource' : 'Resource'] = list(s.resource);
  if (s.conditions.length > 0) out['Condition'] = conditions(s.conditions);
  return out;
}

function list(v: ValueList): string | string[] {
  return v.single && v.values.length === 1 ? v.values[0]! : [...v.values];
}

function principal(p: PrincipalBlock): unknown {
  if (p.entries.length === 1 && p.entries[0]!.type === '*') return '*';
  const out: Record<string, string | string[]> = {};
  for (const e of p.entries) out[e.type] = e.single && e.values.length === 1 ? e.values[0]! : [...e.values];
  return out;
}

function conditions(clauses: readonly ConditionClause[]): Record<string, Record<string, string | string[]>> {
  const out: Record<string, Record<string, string | string[]>> = {};
  for (const c of clauses) {
    const block = (out[c.operator] ??= {});
    block[c.key] = c.single && c.values.length === 1 ? c.values[0]! : [...c.values];
  }
  return out;
}
