import { test } from 'node:test';
import assert from 'node:assert/strict';
import { statementSpans, policyContextKeys, parsePolicy } from '../../src/policy/index.js';

test('statement spans give 1-based line and column of each statement', () => {
  const text = `{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "s3:*", "Resource": "*" },
    {
      "Effect": "Deny", "Action": "s3:Delete*", "Resource": "arn:aws:s3:::b/\\"x]"
    }
  ]
}`;
  const spans = statementSpans(text);
  assert.equal(spans.length, 2);
  assert.deepEqual(spans[0], { start: { line: 4, column: 5 }, end: { line: 4, column: 60 } });
  assert.deepEqual(spans[1].start, { line: 5, column: 5 });
  assert.deepEqual(spans[1].end, { line: 7, column: 5 });
});

test('a single statement object has one span; no Statement, none', () => {
  assert.equal(statementSpans('{"Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}').length, 1);
  assert.deepEqual(statementSpans('{"Version":"2012-10-17"}'), []);
  // A nested "Statement" key inside a condition value does not count.
  assert.equal(statementSpans('{"Id":"x","Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEquals":{"Statement":"a"}}}]}').length, 1);
});

test('context keys: condition keys and variables, each once, variables only in 2012-10-17', () => {
  const doc = parsePolicy({
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Action: 's3:*', Resource: 'arn:aws:s3:::b/${aws:username}/*', Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } } },
      { Effect: 'Deny', Action: 's3:*', Resource: '*', Condition: { StringEquals: { 'AWS:SourceIP': 'x', 's3:prefix': '${aws:PrincipalTag/team}' } } },
    ],
  });
  assert.deepEqual(policyContextKeys([doc]), ['aws:username', 'aws:SourceIp', 's3:prefix', 'aws:PrincipalTag/team']);
  const old = parsePolicy({ Version: '2008-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: 'arn:aws:s3:::b/${aws:username}' }] });
  assert.deepEqual(policyContextKeys([old]), []);
});
