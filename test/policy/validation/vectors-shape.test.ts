// Fails fast on a malformed decision-vector file (test/policy/vectors/aws-*.json), before the
// engine's runner has to make sense of it: every field in place, known decisions, policies
// that are JSON objects, and the agreed minimum number of cases.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'vectors');
const MIN_CASES = 420;
const EXPECT = new Set(['Allow', 'ExplicitDeny', 'ImplicitDeny']);
const POLICY_KEYS = new Set(['identity', 'boundary', 'session', 'scps', 'rcps', 'resource']);
const REQUEST_KEYS = new Set(['action', 'resource', 'principalArn', 'principalAccount', 'resourceAccount', 'context']);
const CASE_KEYS = new Set(['name', 'source', 'policies', 'request', 'expect', 'expectMissing']);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isPolicy = (v: unknown): boolean => isObject(v) && 'Statement' in v;
const isPolicyList = (v: unknown): boolean => Array.isArray(v) && v.every(isPolicy);
const isLevels = (v: unknown): boolean => Array.isArray(v) && v.every(isPolicyList);
const isDocUrl = (v: unknown): boolean => typeof v === 'string' && /^https:\/\/docs\.aws\.amazon\.com\//.test(v);

function checkCase(c: unknown, where: string): void {
  assert.ok(isObject(c), `${where}: a case must be an object`);
  for (const k of Object.keys(c)) assert.ok(CASE_KEYS.has(k), `${where}: unknown field "${k}"`);
  assert.ok(typeof c.name === 'string' && c.name !== '', `${where}: name`);
  if (c.source !== undefined) assert.ok(isDocUrl(c.source), `${where}: source must be an AWS documentation URL`);
  assert.ok(EXPECT.has(c.expect as string), `${where}: expect must be Allow, ExplicitDeny or ImplicitDeny`);
  const p = c.policies;
  assert.ok(isObject(p), `${where}: policies`);
  for (const k of Object.keys(p)) assert.ok(POLICY_KEYS.has(k), `${where}: unknown policy type "${k}"`);
  assert.ok(isPolicyList(p.identity), `${where}: policies.identity must be a list of policies`);
  for (const k of ['boundary', 'session', 'resource']) {
    if (p[k] !== undefined) assert.ok(isPolicyList(p[k]), `${where}: policies.${k} must be a list of policies`);
  }
  for (const k of ['scps', 'rcps']) {
    if (p[k] !== undefined) assert.ok(isLevels(p[k]), `${where}: policies.${k} must be a list of levels`);
  }
  const r = c.request;
  assert.ok(isObject(r), `${where}: request`);
  for (const k of Object.keys(r)) assert.ok(REQUEST_KEYS.has(k), `${where}: unknown request field "${k}"`);
  assert.match(String(r.action), /^[\w-]+:[\w*?-]+$/i, `${where}: request.action`);
  assert.ok(typeof r.resource === 'string' && r.resource !== '', `${where}: request.resource`);
  assert.ok(typeof r.principalArn === 'string' && r.principalArn !== '', `${where}: request.principalArn`);
  assert.match(String(r.principalAccount), /^\d{12}$/, `${where}: request.principalAccount`);
  if (r.resourceAccount !== undefined) assert.match(String(r.resourceAccount), /^\d{12}$/, `${where}: request.resourceAccount`);
  assert.ok(isObject(r.context), `${where}: request.context`);
  for (const [k, v] of Object.entries(r.context)) {
    const ok = typeof v === 'string' || (Array.isArray(v) && v.every((x) => typeof x === 'string'));
    assert.ok(ok, `${where}: context value of "${k}" must be a string or a list of strings`);
  }
  if (c.expectMissing !== undefined) {
    assert.ok(Array.isArray(c.expectMissing) && c.expectMissing.every((k) => typeof k === 'string'), `${where}: expectMissing`);
  }
}

describe('decision vector files', () => {
  const files = readdirSync(dir).filter((f) => /^aws-.*\.json$/.test(f)).sort();
  let total = 0;
  for (const file of files) {
    it(`${file} is well formed`, () => {
      const data = JSON.parse(readFileSync(join(dir, file), 'utf8')) as unknown;
      assert.ok(isObject(data), `${file}: top level must be an object`);
      assert.ok(isDocUrl(data.source), `${file}: source must be an AWS documentation URL`);
      assert.ok(Array.isArray(data.cases) && data.cases.length > 0, `${file}: cases`);
      const names = new Set<string>();
      data.cases.forEach((c: unknown, i: number) => {
        const where = `${file} case ${i}`;
        checkCase(c, where);
        const name = (c as { name: string }).name;
        assert.ok(!names.has(name), `${where}: duplicate name "${name}"`);
        names.add(name);
      });
      total += data.cases.length;
    });
  }
  it(`hold at least ${MIN_CASES} cases in total`, () => {
    assert.ok(total >= MIN_CASES, `only ${total} cases`);
  });
});
