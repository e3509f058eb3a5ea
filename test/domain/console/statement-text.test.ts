// A statement's text and first line, cut out of a policy as shown: multi-line documents keep
// their lines; a one-line stored document is shown pretty-printed, so its lines mean something.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { statementText, statementIndex } from '../../../src/domain/console/statement-text.js';
import { displayText } from '../../../src/domain/console/role-policies.js';

const DOC = `{
  "Version": "2012-10-17",
  "Statement": [
    { "Sid": "A", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" },
    {
      "Sid": "B",
      "Effect": "Deny",
      "Action": "s3:DeleteBucket",
      "Resource": "*"
    }
  ]
}`;

test('statement paths name their index; a lone statement is index 0', () => {
  assert.equal(statementIndex('Statement[3].Condition.StringLike'), 3);
  assert.equal(statementIndex('Statement'), 0);
});

test('each statement comes out whole, with the line it starts on', () => {
  assert.deepEqual(statementText(DOC, 'Statement[0]'), { text: '    { "Sid": "A", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" }', firstLine: 4 });
  const b = statementText(DOC, 'Statement[1].Action')!;
  assert.equal(b.firstLine, 5);
  assert.deepEqual(JSON.parse(b.text), { Sid: 'B', Effect: 'Deny', Action: 's3:DeleteBucket', Resource: '*' });
  assert.equal(statementText(DOC, 'Statement[2]'), undefined);
});

test('a single statement object (not a list) is found too', () => {
  const doc = displayText('{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}');
  assert.match(doc, /\n {2}"Statement": \{/);
  const s = statementText(doc, 'Statement')!;
  assert.equal(s.firstLine, 3);
  assert.deepEqual(JSON.parse(s.text), { Effect: 'Allow', Action: '*', Resource: '*' });
});

test('displayText keeps written documents as they are and leaves invalid JSON alone', () => {
  assert.equal(displayText(DOC), DOC);
  assert.equal(displayText('{not json'), '{not json');
});
