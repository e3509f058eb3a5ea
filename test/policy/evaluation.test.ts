import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ACCOUNT, both, policySet, request } from './helpers.js';
import { PolicyCache, compilePolicySet, decide, evaluate, explainDecision } from '../../src/policy/index.js';

const V = '2012-10-17';
const allowAll = { Version: V, Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };
const s3Read = { Version: V, Statement: [{ Sid: 'Read', Effect: 'Allow', Action: 's3:Get*', Resource: '*' }] };
const req = request('s3:GetObject', 'arn:aws:s3:::b/k');

test('matched statements name their policy, type, level and place', () => {
  const set = policySet({
    identity: [s3Read],
    boundary: [allowAll],
    scps: [[allowAll], [allowAll, { Version: V, Statement: [{ Effect: 'Deny', Action: 'ec2:*', Resource: '*' }] }]],
  });
  const d = both(set, req);
  assert.equal(d.decision, 'Allow');
  assert.deepEqual(d.matched, [
    { policyType: 'identity', policyId: 'identity[0]', sid: 'Read', effect: 'Allow', path: 'Statement[0]' },
    { policyType: 'boundary', policyId: 'boundary[0]', sid: undefined, effect: 'Allow', path: 'Statement[0]' },
    { policyType: 'scp', level: 0, policyId: 'scp0[0]', sid: undefined, effect: 'Allow', path: 'Statement[0]' },
    { policyType: 'scp', level: 1, policyId: 'scp1[0]', sid: undefined, effect: 'Allow', path: 'Statement[0]' },
  ]);
  assert.deepEqual(d.byType, { identity: 'Allow', boundary: 'Allow', scp: 'Allow' });
  assert.deepEqual(d.missingContextKeys, []);
});

test('byType reports each layer', () => {
  const set = policySet({
    identity: [s3Read],
    session: [{ Version: V, Statement: [{ Effect: 'Allow', Action: 'ec2:*', Resource: '*' }] }],
    rcps: [[allowAll]],
    resource: [{ Version: V, Statement: [{ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*' }] }],
  });
  const d = both(set, req);
  assert.equal(d.decision, 'ExplicitDeny');
  assert.deepEqual(d.byType, { identity: 'Allow', session: 'ImplicitDeny', rcp: 'Allow', resource: 'ExplicitDeny' });
});

test('an empty SCP level denies; a PolicySet without scpLevels is not subject to SCPs', () => {
  assert.equal(both(policySet({ identity: [s3Read], scps: [[allowAll], []] }), req).decision, 'ImplicitDeny');
  assert.equal(both(policySet({ identity: [s3Read] }), req).decision, 'Allow');
  assert.equal(both(policySet({ identity: [s3Read], scps: [] }), req).decision, 'Allow');
});

test('missing context keys come from statements that apply to the request', () => {
  const set = policySet({
    identity: [
      {
        Version: V,
        Statement: [
          { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/${aws:username}', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } },
          { Effect: 'Allow', Action: 'ec2:*', Resource: '*', Condition: { StringEquals: { 'ec2:Region': 'x' } } },
          { Effect: 'Deny', Action: 's3:*', Resource: '*', Condition: { StringEquals: { 'aws:SourceVpc': '${aws:PrincipalTag/vpc}', 'AWS:SourceVpc': 'y' } } },
        ],
      },
    ],
  });
  const d = both(set, request('s3:GetObject', 'arn:aws:s3:::b/alice', { 'aws:PrincipalTag/vpc': 'v' }));
  assert.equal(d.decision, 'ImplicitDeny');
  assert.deepEqual(d.missingContextKeys, ['aws:username', 'aws:MultiFactorAuthPresent', 'aws:SourceVpc']);
});

test('explicit deny anywhere wins, even over a direct resource grant', () => {
  const set = policySet({
    identity: [{ Version: V, Statement: [{ Effect: 'Deny', Action: 's3:GetObject', Resource: '*' }] }],
    resource: [{ Version: V, Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:user/alice` }, Action: 's3:*', Resource: '*' }] }],
  });
  assert.equal(both(set, req).decision, 'ExplicitDeny');
});

test('a statement without Resource (a trust policy) matches any resource', () => {
  const trust = policySet({
    identity: [],
    resource: [{ Version: V, Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] }],
  });
  const r = request('sts:AssumeRole', `arn:aws:iam::${ACCOUNT}:role/R`, {}, { principalArn: 'ec2.amazonaws.com' });
  assert.equal(both(trust, r).decision, 'Allow');
});

test('explain says what decided', () => {
  const d = both(policySet({ identity: [s3Read], boundary: [] }), req);
  const text = explainDecision(d);
  assert.match(text, /implicit deny/);
  assert.match(text, /Identity-based policies allow/);
  assert.match(text, /permissions boundary does not allow/);
  assert.match(text, /Allow in identity policy identity\[0\] at Statement\[0\] \(Sid "Read"\)/);
  const denied = both(policySet({ identity: [{ Version: V, Statement: [{ Effect: 'Deny', Action: '*', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }] }] }), request('s3:GetObject', '*', { 'aws:SecureTransport': 'false' }));
  assert.match(explainDecision(denied), /explicit Deny/);
});

test('never throws on odd but well-formed input', () => {
  const set = policySet({ identity: [s3Read] });
  const odd = { ...req, action: '', resource: '', principalArn: '', context: { '': '', k: [] as string[] } };
  assert.equal(evaluate(set, odd).decision, 'ImplicitDeny');
  assert.equal(decide(compilePolicySet(set), odd).decision, 'ImplicitDeny');
});

test('PolicyCache compiles once per key and evicts the least recently used', () => {
  const cache = new PolicyCache(2);
  let loads = 0;
  const load = () => {
    loads++;
    return policySet({ identity: [s3Read] });
  };
  const a = cache.get('a', load);
  assert.equal(cache.get('a', load), a);
  cache.get('b', load);
  cache.get('a', load); // a is now most recent
  cache.get('c', load); // evicts b
  assert.equal(loads, 3);
  assert.equal(cache.size, 2);
  assert.equal(cache.peek('b'), undefined);
  assert.equal(cache.peek('a'), a);
  assert.equal(decide(a, req).decision, 'Allow');
  assert.throws(() => new PolicyCache(0), RangeError);
});

test('the compiled path caches candidates per action, bounded', () => {
  const compiled = compilePolicySet(policySet({ identity: [s3Read] }));
  for (let i = 0; i < 5000; i++) decide(compiled, request(`s3:Get${i}`, '*'));
  assert.ok(compiled.actionCache.size <= 4096);
  assert.equal(decide(compiled, req).decision, 'Allow');
});
