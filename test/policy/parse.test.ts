import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePolicy, serializePolicy, PolicyParseError } from '../../src/policy/index.js';

function parseError(input: unknown): PolicyParseError {
  try {
    parsePolicy(input as object);
  } catch (e) {
    assert.ok(e instanceof PolicyParseError, `expected PolicyParseError, got ${String(e)}`);
    return e;
  }
  assert.fail('expected a parse error');
}

const allow = { Effect: 'Allow', Action: 's3:GetObject', Resource: '*' };

test('parses a full document with source paths', () => {
  const doc = parsePolicy(
    JSON.stringify({
      Version: '2012-10-17',
      Id: 'p1',
      Statement: [
        allow,
        {
          Sid: 'Two',
          Effect: 'Deny',
          NotPrincipal: { AWS: ['111122223333', 'arn:aws:iam::111122223333:role/R'], Service: 's3.amazonaws.com' },
          NotAction: ['iam:*'],
          NotResource: 'arn:aws:s3:::b/*',
          Condition: { 'ForAnyValue:StringLikeIfExists': { 'aws:TagKeys': ['a*', 3, true] }, Bool: { 'aws:SecureTransport': false } },
        },
      ],
    }),
  );
  assert.equal(doc.version, '2012-10-17');
  assert.equal(doc.id, 'p1');
  assert.equal(doc.singleStatement, false);
  const s = doc.statements[1]!;
  assert.equal(s.path, 'Statement[1]');
  assert.equal(s.sid, 'Two');
  assert.equal(s.effect, 'Deny');
  assert.equal(s.principal?.not, true);
  assert.deepEqual(s.principal?.entries.map((e) => [e.type, e.values, e.path]), [
    ['AWS', ['111122223333', 'arn:aws:iam::111122223333:role/R'], 'Statement[1].NotPrincipal.AWS'],
    ['Service', ['s3.amazonaws.com'], 'Statement[1].NotPrincipal.Service'],
  ]);
  assert.deepEqual([s.action?.not, s.action?.values, s.action?.path], [true, ['iam:*'], 'Statement[1].NotAction']);
  assert.deepEqual([s.resource?.not, s.resource?.single], [true, true]);
  const [c0, c1] = s.conditions;
  assert.deepEqual(
    [c0!.operator, c0!.baseOperator, c0!.setOperator, c0!.ifExists, c0!.key, c0!.values],
    ['ForAnyValue:StringLikeIfExists', 'StringLike', 'ForAnyValue', true, 'aws:TagKeys', ['a*', '3', 'true']],
  );
  assert.equal(c0!.path, 'Statement[1].Condition.ForAnyValue:StringLikeIfExists.aws:TagKeys');
  assert.deepEqual([c1!.baseOperator, c1!.setOperator, c1!.ifExists, c1!.values], ['Bool', undefined, false, ['false']]);
});

test('the AST is deeply frozen', () => {
  const doc = parsePolicy({ Statement: allow });
  assert.ok(Object.isFrozen(doc));
  assert.ok(Object.isFrozen(doc.statements[0]));
  assert.ok(Object.isFrozen(doc.statements[0]!.action!.values));
  assert.equal(doc.singleStatement, true);
  assert.equal(doc.statements[0]!.path, 'Statement');
  assert.equal(doc.version, undefined);
});

test('Principal "*" and each principal type', () => {
  const doc = parsePolicy({
    Statement: [
      { ...allow, Principal: '*' },
      { ...allow, Principal: { Federated: 'cognito-identity.amazonaws.com', CanonicalUser: 'abc' } },
    ],
  });
  assert.deepEqual(doc.statements[0]!.principal!.entries.map((e) => e.type), ['*']);
  assert.deepEqual(doc.statements[1]!.principal!.entries.map((e) => e.type), ['Federated', 'CanonicalUser']);
});

test('grammar errors name the place', () => {
  const cases: [unknown, string, RegExp][] = [
    ['{"Statement": [', '', /not valid JSON/],
    [[], '', /JSON object/],
    [{ Statement: allow, Extra: 1 }, 'Extra', /Unknown top-level element/],
    [{ Version: '2020-01-01', Statement: allow }, 'Version', /Version/],
    [{ Id: 5, Statement: allow }, 'Id', /Id/],
    [{ Version: '2012-10-17' }, 'Statement', /required/],
    [{ Statement: [allow, 'x'] }, 'Statement[1]', /object/],
    [{ Statement: [{ Action: '*', Resource: '*' }] }, 'Statement[0].Effect', /Effect/],
    [{ Statement: [{ ...allow, Effect: 'allow' }] }, 'Statement[0].Effect', /"Allow" or "Deny"/],
    [{ Statement: [{ ...allow, NotAction: 'x' }] }, 'Statement[0].NotAction', /both Action and NotAction/],
    [{ Statement: [{ Effect: 'Allow', Resource: '*' }] }, 'Statement[0].Action', /Action or NotAction/],
    [{ Statement: [{ ...allow, NotResource: 'x' }] }, 'Statement[0].NotResource', /both Resource and NotResource/],
    [{ Statement: [{ ...allow, Principal: '*', NotPrincipal: '*' }] }, 'Statement[0].NotPrincipal', /both/],
    [{ Statement: [{ ...allow, Principal: 'arn:aws:iam::1:root' }] }, 'Statement[0].Principal', /"\*" or an object/],
    [{ Statement: [{ ...allow, Principal: { User: 'x' } }] }, 'Statement[0].Principal.User', /Unknown principal type/],
    [{ Statement: [{ ...allow, Principal: {} }] }, 'Statement[0].Principal', /at least one/],
    [{ Statement: [{ ...allow, Action: ['s3:Get', 3] }] }, 'Statement[0].Action[1]', /strings/],
    [{ Statement: [{ ...allow, Resource: 3 }] }, 'Statement[0].Resource', /string or an array/],
    [{ Statement: [{ ...allow, Sid: 1 }] }, 'Statement[0].Sid', /Sid/],
    [{ Statement: [{ ...allow, Foo: 1 }] }, 'Statement[0].Foo', /Unknown statement element/],
    [{ Statement: [{ ...allow, Condition: 'x' }] }, 'Statement[0].Condition', /object/],
    [{ Statement: [{ ...allow, Condition: { StringLike: 'x' } }] }, 'Statement[0].Condition.StringLike', /map keys/],
    [{ Statement: [{ ...allow, Condition: { StringLike: { k: null } } }] }, 'Statement[0].Condition.StringLike.k', /string, number or boolean/],
    [{ Statement: [{ ...allow, Condition: { StringLike: { k: ['a', {}] } } }] }, 'Statement[0].Condition.StringLike.k[1]', /string, number or boolean/],
  ];
  for (const [input, path, message] of cases) {
    const e = parseError(input);
    assert.equal(e.path, path, `path for ${JSON.stringify(input)}`);
    assert.match(e.message, message);
    assert.equal(e.code, 'MalformedPolicyDocument');
  }
});

test('serialize → parse is the identity, shapes kept', () => {
  const raw = {
    Version: '2012-10-17',
    Id: 'x',
    Statement: [
      { Sid: 'A', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 's3:*', Resource: ['a', 'b'] },
      { Effect: 'Deny', NotPrincipal: '*', NotAction: ['iam:*'], NotResource: 'x', Condition: { StringLike: { k: 'v', j: ['1', '2'] } } },
    ],
  };
  const doc = parsePolicy(raw);
  assert.deepEqual(serializePolicy(doc), raw);
  assert.deepEqual(parsePolicy(serializePolicy(doc)), doc);
  const single = { Statement: { Effect: 'Allow', Action: ['*'], Resource: '*' } };
  assert.deepEqual(serializePolicy(parsePolicy(single)), single);
});

test('condition numbers and booleans serialize as text', () => {
  const doc = parsePolicy({ Statement: { ...allow, Condition: { NumericLessThan: { 's3:max-keys': 10 } } } });
  assert.deepEqual(serializePolicy(doc)['Statement'], { ...allow, Condition: { NumericLessThan: { 's3:max-keys': '10' } } });
});
