// Runs the validation vectors (test/policy/validation/vectors/*.json): each names a policy,
// the options, and exactly the findings expected (code, severity, path), so that both a
// missing finding and a spurious one fail.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { loadCatalog, validatePolicy, type Catalog, type ValidateOptions } from '../../../src/policy/validate/index.js';

interface ExpectedFinding {
  readonly code: string;
  readonly severity: string;
  readonly path: string;
}

interface ValidationVector {
  readonly name: string;
  /** The policy as JSON; `policyText` instead when the text itself matters (syntax errors). */
  readonly policy?: unknown;
  readonly policyText?: string;
  /** Fills a statement's Resource with `count` ARNs from `template` (`{i}` numbered), for size checks. */
  readonly fillResources?: { readonly statement: number; readonly template: string; readonly count: number };
  readonly options?: ValidateOptions;
  readonly expect: readonly ExpectedFinding[];
}

const here = dirname(fileURLToPath(import.meta.url));
const dir = join(here, 'vectors');
const sourceDir = join(here, '..', '..', '..', 'src', 'policy', 'validate');

function policyText(v: ValidationVector): string {
  if (v.policyText !== undefined) return v.policyText;
  const policy = structuredClone(v.policy) as { Statement: Record<string, unknown>[] };
  if (v.fillResources) {
    const { statement, template, count } = v.fillResources;
    policy.Statement[statement]!.Resource = Array.from({ length: count }, (_, i) => template.replace('{i}', String(i).padStart(4, '0')));
  }
  return JSON.stringify(policy, null, 2);
}

const key = (f: ExpectedFinding): string => `${f.severity} ${f.code} @ ${f.path}`;

let catalog: Catalog;
before(async () => {
  catalog = await loadCatalog();
});

for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
  const vectors = (JSON.parse(readFileSync(join(dir, file), 'utf8')) as { cases: ValidationVector[] }).cases;
  describe(`validation vectors: ${file}`, () => {
    for (const v of vectors) {
      it(v.name, () => {
        const findings = validatePolicy(policyText(v), catalog, v.options);
        assert.deepEqual(findings.map(key).sort(), v.expect.map(key).sort(), JSON.stringify(findings, null, 2));
      });
    }
  });
}

/** Every issue code the validator can emit, read from its sources (`finding('ERROR', 'CODE', ...)`). */
function emittableCodes(): Set<string> {
  const codes = new Set<string>();
  for (const file of readdirSync(sourceDir).filter((f) => f.endsWith('.ts'))) {
    const text = readFileSync(join(sourceDir, file), 'utf8');
    for (const m of text.matchAll(/finding\(\s*'[A-Z_]+',\s*'([A-Z_]+)'/g)) codes.add(m[1]!);
  }
  return codes;
}

it('every issue code has at least one vector', () => {
  const covered = new Set<string>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    for (const v of (JSON.parse(readFileSync(join(dir, file), 'utf8')) as { cases: ValidationVector[] }).cases) {
      for (const f of v.expect) covered.add(f.code);
    }
  }
  const codes = emittableCodes();
  assert.ok(codes.size > 20, `found only ${codes.size} codes in the sources`);
  assert.deepEqual([...codes].filter((c) => !covered.has(c)).sort(), []);
});
