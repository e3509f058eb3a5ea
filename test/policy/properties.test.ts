// Properties of the engine, checked on generated policies and requests.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { compilePolicySet, decide, evaluate, parsePolicy, serializePolicy } from '../../src/policy/index.js';
import type { PolicySet } from '../../src/policy/index.js';
import { policySet, type RawPolicies } from './helpers.js';
import { authRequest, policies, statement } from './arbitraries.js';
import { matchGlob, tokenizePattern } from '../../src/policy/glob.js';
import { compileMatcher } from '../../src/policy/matcher.js';
import { wildcardTest } from '../../src/policy/interpret-match.js';

const RUNS = { numRuns: 400 };

test('compiled path and interpreter agree', () => {
  fc.assert(
    fc.property(policies, fc.array(authRequest, { minLength: 1, maxLength: 4 }), (raw, requests) => {
      const set = policySet(raw);
      const compiled = compilePolicySet(set);
      for (const r of requests) assert.deepEqual(decide(compiled, r), evaluate(set, r));
    }),
    { numRuns: 600 },
  );
});

test('the three wildcard matchers agree (token matcher, compiled shapes, RegExp)', () => {
  const text = (chars: string[], max: number) => fc.array(fc.constantFrom(...chars), { maxLength: max }).map((cs) => cs.join(''));
  fc.assert(
    fc.property(text(['a', 'b', ':', '*', '?'], 12), text(['a', 'b', ':'], 14), fc.constantFrom('plain' as const, 'arn' as const), (pattern, value, mode) => {
      const tokens = tokenizePattern(pattern, mode);
      const expected = wildcardTest([{ text: pattern, literal: false }], mode, value);
      assert.equal(matchGlob(tokens, value), expected);
      assert.equal(compileMatcher(tokens)(value), expected);
    }),
    { numRuns: 3000 },
  );
});

test('adding a Deny statement never turns a deny into an allow', () => {
  const where = fc.constantFrom<keyof RawPolicies>('identity', 'boundary', 'session', 'resource');
  fc.assert(
    fc.property(policies, authRequest, statement(false), where, (raw, r, extra, type) => {
      const before = evaluate(policySet(raw), r).decision;
      const deny = { ...extra, Effect: 'Deny' };
      const list = (raw[type] as unknown[] | undefined) ?? [];
      const added = { ...raw, [type]: [...list, { Version: '2012-10-17', Statement: [type === 'resource' ? { ...deny, Principal: '*' } : deny] }] };
      const after = evaluate(policySet(added), r).decision;
      if (before !== 'Allow') assert.notEqual(after, 'Allow');
      if (before === 'ExplicitDeny') assert.equal(after, 'ExplicitDeny');
    }),
    RUNS,
  );
});

test('statement order and value order never change a decision', () => {
  fc.assert(
    fc.property(policies, authRequest, fc.integer(), (raw, r, seed) => {
      const shuffled = reorder(raw, seed);
      const a = evaluate(policySet(raw), r);
      const b = evaluate(policySet(shuffled), r);
      assert.equal(b.decision, a.decision);
      assert.deepEqual(b.byType, a.byType);
    }),
    RUNS,
  );
});

test('serialize → parse decides the same', () => {
  fc.assert(
    fc.property(policies, authRequest, (raw, r) => {
      const set = policySet(raw);
      assert.deepEqual(evaluate(roundTrip(set), r), evaluate(set, r));
    }),
    RUNS,
  );
});

function roundTrip(set: PolicySet): PolicySet {
  const again = (ps: PolicySet['identity']) => ps.map((p) => ({ ...p, document: parsePolicy(JSON.stringify(serializePolicy(p.document))) }));
  return {
    identity: again(set.identity),
    ...(set.boundary && { boundary: again(set.boundary) }),
    ...(set.session && { session: again(set.session) }),
    ...(set.scpLevels && { scpLevels: set.scpLevels.map(again) }),
    ...(set.resource && { resource: again(set.resource) }),
  };
}

/** Reverses or rotates statements, policies and every value list, driven by `seed`. */
function reorder(raw: RawPolicies, seed: number): RawPolicies {
  let s = seed;
  const next = () => (s = (s * 1103515245 + 12345) & 0x7fffffff);
  const mix = <T>(xs: readonly T[]): T[] => {
    const out = [...xs];
    for (let i = out.length - 1; i > 0; i--) {
      const j = next() % (i + 1);
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  };
  const deep = (v: unknown): unknown => {
    if (Array.isArray(v)) return mix(v.map(deep));
    if (typeof v === 'object' && v !== null) return Object.fromEntries(mix(Object.entries(v)).map(([k, x]) => [k, deep(x)]));
    return v;
  };
  const docs = (ps: unknown[] | undefined) => ps && mix(ps.map(deep));
  return {
    identity: docs(raw.identity)!,
    ...(raw.boundary && { boundary: docs(raw.boundary) }),
    ...(raw.session && { session: docs(raw.session) }),
    // SCP levels keep their order (root → account); policies inside a level may move.
    ...(raw.scps && { scps: raw.scps.map((level) => docs(level)!) }),
    ...(raw.resource && { resource: docs(raw.resource) }),
  };
}
