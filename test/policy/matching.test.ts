import { test } from 'node:test';
import assert from 'node:assert/strict';
import { matchGlob, tokenizePattern, tokenize } from '../../src/policy/glob.js';
import { compileMatcher } from '../../src/policy/matcher.js';
import { wildcardTest } from '../../src/policy/interpret-match.js';
import { ActionIndex } from '../../src/policy/action-index.js';
import { ACCOUNT, OTHER_ACCOUNT, both, identityOnly, policySet, request } from './helpers.js';

/** All three matchers (token matcher, compiled matcher, interpreter's RegExp) must agree. */
function arnMatch(pattern: string, value: string): boolean {
  const tokens = tokenizePattern(pattern, 'arn');
  const a = matchGlob(tokens, value);
  assert.equal(compileMatcher(tokens)(value), a, `compiled ${pattern} ~ ${value}`);
  assert.equal(wildcardTest([{ text: pattern, literal: false }], 'arn', value), a, `regexp ${pattern} ~ ${value}`);
  return a;
}

test('plain wildcards: * and ? anywhere', () => {
  const m = (p: string, v: string) => matchGlob(tokenizePattern(p, 'plain'), v);
  assert.ok(m('s3:get*', 's3:getobject'));
  assert.ok(m('*', ''));
  assert.ok(m('a*b*c', 'abc'));
  assert.ok(m('a*b*c', 'aXbYbZc'));
  assert.ok(!m('a*b*c', 'aXbYbZ'));
  assert.ok(m('a?c', 'abc'));
  assert.ok(!m('a?c', 'ac'));
  assert.ok(m('*:*', 'x:y:z'));
  assert.ok(m('a**b', 'ab'));
  assert.ok(!m('abc', 'abcd'));
});

test('ARN wildcards stay in their segment unless they end it', () => {
  assert.ok(arnMatch('arn:aws:s3:::bucket/*', 'arn:aws:s3:::bucket/a/b:c'));
  assert.ok(arnMatch('arn:aws:sqs:us-*-1:111122223333:q', 'arn:aws:sqs:us-east-1:111122223333:q'));
  // A star inside a segment does not cross a colon...
  assert.ok(!arnMatch('arn:aws:sqs:us-*-1:111122223333:q', 'arn:aws:sqs:us-x:y-1:111122223333:q'));
  // ...but a star that ends a segment may (AWS: "it can expand to match beyond the colon boundaries").
  assert.ok(arnMatch('arn:aws:ec2:*:*:instance/*', 'arn:aws:ec2:us-east-1:111122223333:instance/i-1'));
  assert.ok(arnMatch('arn:aws:s3:*', 'arn:aws:s3:::bucket/key'));
  assert.ok(!arnMatch('arn:aws:s3:?', 'arn:aws:s3:::b'));
  assert.ok(arnMatch('arn:aws:s3:::b?cket', 'arn:aws:s3:::bucket'));
  assert.ok(!arnMatch('arn:aws:s3:::Bucket', 'arn:aws:s3:::bucket'));
  assert.ok(arnMatch('*', 'anything:at:all'));
  assert.ok(!arnMatch('arn:aws:s3:::*', '*'));
  assert.ok(arnMatch('arn:aws:iam::*:role/a*b', 'arn:aws:iam::111122223333:role/a:b'));
  assert.ok(!arnMatch('arn:aws:iam::1*1:role/r', 'arn:aws:iam::1:2:1:role/r'));
});

test('literal chunks from variables are never wildcards', () => {
  const tokens = tokenize([{ text: 'arn:aws:s3:::b/', literal: false }, { text: '*', literal: true }], 'arn');
  assert.ok(matchGlob(tokens, 'arn:aws:s3:::b/*'));
  assert.ok(!matchGlob(tokens, 'arn:aws:s3:::b/x'));
});

test('compiled matchers keep the shapes right', () => {
  const cases: [string, string, boolean][] = [
    ['abc', 'abc', true],
    ['abc*', 'abcdef', true],
    ['*def', 'abcdef', true],
    ['ab*ef', 'abef', true],
    ['ab*bc', 'abc', false],
    ['a*c*e', 'abcde', true],
    ['', '', true],
    ['', 'a', false],
  ];
  for (const [p, v, want] of cases) assert.equal(compileMatcher(tokenizePattern(p, 'plain'))(v), want, `${p} ~ ${v}`);
});

test('action index finds exact, per-service wildcard, global and NotAction candidates', () => {
  const index = new ActionIndex();
  index.add(0, ['s3:GetObject'], false);
  index.add(1, ['s3:Get*', 'ec2:*'], false);
  index.add(2, ['*'], false);
  index.add(3, ['iam:*'], true);
  index.add(4, ['*3:Get?bject'], false);
  index.add(5, ['sqs:*'], false);
  assert.deepEqual(index.candidates('S3:GETOBJECT'), [0, 1, 2, 3, 4]);
  assert.deepEqual(index.candidates('iam:ListUsers'), [2]);
  assert.deepEqual(index.candidates('ec2:RunInstances'), [1, 2, 3]);
});

test('actions: case-insensitive, wildcards, NotAction', () => {
  const set = identityOnly([{ Effect: 'Allow', Action: ['S3:Get*', 'ec2:Describe?nstances'], Resource: '*' }]);
  assert.equal(both(set, request('s3:getobject', '*')).decision, 'Allow');
  assert.equal(both(set, request('ec2:DescribeInstances', '*')).decision, 'Allow');
  assert.equal(both(set, request('s3:PutObject', '*')).decision, 'ImplicitDeny');
  const not = identityOnly([{ Effect: 'Allow', NotAction: ['iam:*', 's3:Delete*'], Resource: '*' }]);
  assert.equal(both(not, request('s3:GetObject', '*')).decision, 'Allow');
  assert.equal(both(not, request('s3:DeleteBucket', '*')).decision, 'ImplicitDeny');
  assert.equal(both(not, request('IAM:CreateUser', '*')).decision, 'ImplicitDeny');
});

test('NotResource under Allow and Deny', () => {
  const set = identityOnly([
    { Effect: 'Allow', Action: 's3:*', Resource: '*' },
    { Effect: 'Deny', Action: 's3:*', NotResource: ['arn:aws:s3:::mine', 'arn:aws:s3:::mine/*'] },
  ]);
  assert.equal(both(set, request('s3:GetObject', 'arn:aws:s3:::mine/k')).decision, 'Allow');
  assert.equal(both(set, request('s3:GetObject', 'arn:aws:s3:::yours/k')).decision, 'ExplicitDeny');
});

const bucket = 'arn:aws:s3:::shared/doc';
const resourcePolicy = (principal: unknown, effect = 'Allow', key = 'Principal') =>
  policySet({ identity: [], resource: [{ Version: '2012-10-17', Statement: [{ Effect: effect, [key]: principal, Action: 's3:GetObject', Resource: 'arn:aws:s3:::shared/*' }] }] });

test('principals: *, account id, root ARN, user, role via session, wildcards, services', () => {
  const alice = `arn:aws:iam::${ACCOUNT}:user/alice`;
  const session = { principalArn: `arn:aws:sts::${ACCOUNT}:assumed-role/Dev/alice` };
  const decision = (p: unknown, extra = {}, key = 'Principal') =>
    both(resourcePolicy(p, 'Allow', key), request('s3:GetObject', bucket, {}, extra)).decision;
  assert.equal(decision('*'), 'Allow');
  assert.equal(decision({ AWS: '*' }), 'Allow');
  assert.equal(decision({ AWS: alice }), 'Allow');
  assert.equal(decision({ AWS: `arn:aws:iam::${ACCOUNT}:user/bob` }), 'ImplicitDeny');
  // Naming the account delegates to identity policies (none here).
  assert.equal(decision({ AWS: ACCOUNT }), 'ImplicitDeny');
  assert.equal(decision({ AWS: `arn:aws:iam::${ACCOUNT}:root` }), 'ImplicitDeny');
  // A role ARN names its sessions; without a boundary or session policy that suffices.
  assert.equal(decision({ AWS: `arn:aws:iam::${ACCOUNT}:role/Dev` }, session), 'Allow');
  assert.equal(decision({ AWS: `arn:aws:iam::${ACCOUNT}:role/Ops` }, session), 'ImplicitDeny');
  // aws:PrincipalArn carries the role's path.
  const withPath = { ...session, context: { 'aws:PrincipalArn': `arn:aws:iam::${ACCOUNT}:role/team/Dev` } };
  assert.equal(
    both(resourcePolicy({ AWS: `arn:aws:iam::${ACCOUNT}:role/team/Dev` }), request('s3:GetObject', bucket, withPath.context, session)).decision,
    'Allow',
  );
  assert.equal(decision({ AWS: `arn:aws:sts::${ACCOUNT}:assumed-role/Dev/*` }, session), 'Allow');
  assert.equal(decision({ Service: 'Lambda.amazonaws.com' }, { principalArn: 'lambda.amazonaws.com' }), 'Allow');
  assert.equal(decision({ Federated: 'cognito-identity.amazonaws.com' }, { principalArn: 'cognito-identity.amazonaws.com' }), 'Allow');
  assert.equal(decision({ CanonicalUser: 'ABC123' }, { principalArn: 'ABC123' }), 'Allow');
  assert.equal(decision({ CanonicalUser: 'ABC123' }, { principalArn: 'abc123' }), 'ImplicitDeny');
  // NotPrincipal with Allow: everyone except those listed.
  assert.equal(decision({ AWS: `arn:aws:iam::${ACCOUNT}:user/bob` }, {}, 'NotPrincipal'), 'Allow');
  assert.equal(decision({ AWS: alice }, {}, 'NotPrincipal'), 'ImplicitDeny');
});

test('cross-account: the resource policy may name the principal account', () => {
  const set = policySet({
    identity: [{ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] }],
    resource: [{ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: ACCOUNT }, Action: 's3:GetObject', Resource: '*' }] }],
  });
  assert.equal(both(set, request('s3:GetObject', bucket, {}, { resourceAccount: OTHER_ACCOUNT })).decision, 'Allow');
  assert.equal(
    both(set, request('s3:GetObject', bucket, {}, { principalAccount: OTHER_ACCOUNT, principalArn: `arn:aws:iam::${OTHER_ACCOUNT}:user/x`, resourceAccount: ACCOUNT })).decision,
    'ImplicitDeny',
  );
});

test('a NotPrincipal Deny always applies to a principal with a boundary (AWS note)', () => {
  const set = policySet({
    identity: [{ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }],
    boundary: [{ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }],
    resource: [{ Version: '2012-10-17', Statement: [{ Effect: 'Deny', NotPrincipal: { AWS: `arn:aws:iam::${ACCOUNT}:user/alice` }, Action: '*', Resource: '*' }] }],
  });
  assert.equal(both(set, request('s3:GetObject', bucket)).decision, 'ExplicitDeny');
});
