// Entries and statements that add nothing: harmless, but they make a policy longer (it has a
// size quota) and harder to review. Suggestions, as in Access Analyzer.

import type { PolicyDocument, Statement, ValueList } from '../ast.js';
import { finding, type Finding } from './finding.js';
import { entryPath } from './resolve-actions.js';
import { hasWildcard, wildcardCovers, wildcardToRegExp } from './wildcard.js';

/**
 * Entries another entry of the same list already covers; of two equal entries the later one.
 * Lists run to a thousand actions, so plain entries are checked by set and compiled pattern
 * and only wildcard entries pairwise.
 */
function redundantEntries(list: ValueList, ignoreCase: boolean): number[] {
  const fold = (v: string) => (ignoreCase ? v.toLowerCase() : v);
  const vs = list.values;
  const wild = vs.map((v, i) => ({ v, i })).filter(({ v }) => hasWildcard(v));
  const patterns = wild.map(({ v }) => wildcardToRegExp(v, ignoreCase));
  const seen = new Set<string>();
  const out: number[] = [];
  vs.forEach((v, j) => {
    if (!hasWildcard(v)) {
      const key = fold(v);
      if (seen.has(key) || patterns.some((p) => p.test(v))) out.push(j);
      seen.add(key);
      return;
    }
    // A wildcard entry is covered only by another wildcard entry; mutual cover means equal
    // sets, and then the first of them is kept.
    const covered = wild.some(
      ({ v: u, i }) => i !== j && wildcardCovers(u, v, ignoreCase) && (!wildcardCovers(v, u, ignoreCase) || i < j),
    );
    if (covered) out.push(j);
  });
  return out;
}

export function checkRedundantEntries(st: Statement): Finding[] {
  const out: Finding[] = [];
  if (st.action) {
    for (const j of redundantEntries(st.action, true)) {
      out.push(finding('SUGGESTION', 'REDUNDANT_ACTION', entryPath(st.action, j), `"${st.action.values[j]}" is already covered by another entry.`));
    }
  }
  if (st.resource) {
    for (const j of redundantEntries(st.resource, false)) {
      out.push(finding('SUGGESTION', 'REDUNDANT_RESOURCE', entryPath(st.resource, j), `"${st.resource.values[j]}" is already covered by another entry.`));
    }
  }
  return out;
}

/** A statement's meaning without its Sid and source positions. */
function meaning(st: Statement): string {
  const list = (l: ValueList | undefined) => (l ? { not: l.not, values: [...l.values].sort() } : null);
  return JSON.stringify({
    effect: st.effect,
    principal: st.principal
      ? { not: st.principal.not, entries: st.principal.entries.map((e) => [e.type, [...e.values].sort()]).sort() }
      : null,
    action: list(st.action),
    resource: list(st.resource),
    conditions: st.conditions.map((c) => [c.operator, c.key.toLowerCase(), [...c.values].sort()]).sort(),
  });
}

export function checkRedundantStatements(doc: PolicyDocument): Finding[] {
  const seen = new Map<string, Statement>();
  const out: Finding[] = [];
  for (const st of doc.statements) {
    const m = meaning(st);
    const first = seen.get(m);
    if (first) out.push(finding('SUGGESTION', 'REDUNDANT_STATEMENT', st.path, `This statement repeats ${first.path}.`));
    else seen.set(m, st);
  }
  return out;
}
