// Runs every decision vector in test/policy/vectors/*.json through both engine paths.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { both, policySet, type RawPolicies } from './helpers.js';
import type { AuthorizationRequest } from '../../src/policy/index.js';

interface VectorCase {
  name: string;
  source?: string;
  policies: RawPolicies;
  request: AuthorizationRequest;
  expect: 'Allow' | 'ExplicitDeny' | 'ImplicitDeny';
  expectMissing?: string[];
}

const dir = new URL('./vectors/', import.meta.url);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort();

test('there are decision vectors', () => {
  assert.ok(files.length > 0, 'no files in test/policy/vectors');
});

for (const file of files) {
  const data = JSON.parse(readFileSync(new URL(file, dir), 'utf8')) as { source?: string; cases: VectorCase[] };
  test(`vectors/${file}`, async (t) => {
    assert.ok(Array.isArray(data.cases) && data.cases.length > 0, 'a vector file needs cases');
    for (const c of data.cases) {
      await t.test(c.name, () => runCase(c));
    }
  });
}

function runCase(c: VectorCase): void {
  const decision = both(policySet(c.policies), { ...c.request, context: c.request.context ?? {} });
  assert.equal(decision.decision, c.expect, `${c.name} (${c.source ?? 'no source'})`);
  if (c.expectMissing) {
    const norm = (keys: readonly string[]) => [...new Set(keys.map((k) => k.toLowerCase()))].sort();
    assert.deepEqual(norm(decision.missingContextKeys), norm(c.expectMissing), 'missing context keys');
  }
}
