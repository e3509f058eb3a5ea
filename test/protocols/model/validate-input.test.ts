// The model validator, one constraint kind at a time, on the real models where they have the
// constraint and on small schemas where they do not.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadServiceModel } from '../../../src/protocols/model/load-service-model.js';
import type { Schema } from '../../../src/protocols/model/schema.js';
import { InputTypeError, validateInput } from '../../../src/protocols/model/validate-input.js';
import { validationMessage } from '../../../src/protocols/model/validation-message.js';

const identitystore = loadServiceModel('identitystore');
const iam = loadServiceModel('iam');
const input = (model: typeof iam, op: string) => model.operations.get(op)!.input;

const messageFor = (schema: Schema, value: unknown): string => {
  const out = validateInput(schema, value);
  assert.equal(out.ok, false, 'expected a validation failure');
  return out.ok ? '' : validationMessage(out.failures);
};

test('required members: Value null ... Member must not be null', () => {
  assert.equal(
    messageFor(input(identitystore, 'CreateUser'), {}),
    "1 validation error detected: Value null at 'identityStoreId' failed to satisfy constraint: Member must not be null",
  );
});

test('string length, with sensitive values left out of the message', () => {
  const msg = messageFor(input(identitystore, 'CreateUser'), { IdentityStoreId: 'd-1234567890', UserName: 'x'.repeat(129) });
  assert.equal(msg, "1 validation error detected: Value at 'userName' failed to satisfy constraint: Member must have length less than or equal to 128");
  const iamMsg = messageFor(input(iam, 'CreateUser'), { UserName: '' });
  assert.match(iamMsg, /Value '' at 'userName' failed to satisfy constraint: Member must have length greater than or equal to 1/);
});

test('patterns: Java regex translated, message quotes the model pattern', () => {
  const msg = messageFor(input(iam, 'CreateUser'), { UserName: 'bad name' });
  assert.equal(msg, "1 validation error detected: Value 'bad name' at 'userName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+");
  // \p{L} and friends work with the u flag.
  const ok = validateInput(input(identitystore, 'CreateUser'), { IdentityStoreId: 'd-1234567890', UserName: 'Zoë-Łukasz' });
  assert.equal(ok.ok, true);
  assert.match(messageFor(input(identitystore, 'CreateUser'), { IdentityStoreId: 'D-XYZ' }), /identityStoreId.*regular expression pattern/);
});

test('enums', () => {
  const msg = messageFor(input(iam, 'ListPolicies'), { Scope: 'Everything' });
  assert.equal(msg, "1 validation error detected: Value 'Everything' at 'scope' failed to satisfy constraint: Member must satisfy enum value set: [All, AWS, Local]");
});

test('numeric ranges', () => {
  const msg = messageFor(input(identitystore, 'ListUsers'), { IdentityStoreId: 'd-1234567890', MaxResults: 101 });
  assert.equal(msg, "1 validation error detected: Value '101' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 100");
  assert.match(messageFor(input(identitystore, 'ListUsers'), { IdentityStoreId: 'd-1234567890', MaxResults: 0 }), /greater than or equal to 1/);
});

test('list sizes and list member paths', () => {
  const emails = [{ Value: 'a@example.com' }, { Value: 'b@example.com' }];
  const msg = messageFor(input(identitystore, 'CreateUser'), { IdentityStoreId: 'd-1234567890', Emails: emails });
  assert.match(msg, /Value at 'emails' failed to satisfy constraint: Member must have length less than or equal to 1/);
  const tags = [{ Key: 'k', Value: 'v' }, { Key: '', Value: 'v' }];
  assert.match(messageFor(input(iam, 'CreateUser'), { UserName: 'bob', Tags: tags }), /at 'tags\.2\.member\.key' failed/);
});

test('several failures are counted and joined', () => {
  const msg = messageFor(input(identitystore, 'ListUsers'), { MaxResults: 500 });
  assert.match(msg, /^2 validation errors detected: Value '500' at 'maxResults'.*; Value null at 'identityStoreId'/);
});

test('maps: key and value constraints', () => {
  const schema: Schema = { kind: 'map', key: { kind: 'string', max: 3, sensitive: false }, value: { kind: 'integer', min: 0 }, max: 2 };
  const wrap: Schema = { kind: 'structure', members: { M: schema }, required: [], union: false };
  assert.match(messageFor(wrap, { M: { abcd: 1 } }), /at 'm\.key'.*length less than or equal to 3/);
  assert.match(messageFor(wrap, { M: { a: -1 } }), /Value '-1' at 'm\.a'.*greater than or equal to 0/);
  assert.match(messageFor(wrap, { M: { a: 1, b: 2, c: 3 } }), /at 'm' failed.*length less than or equal to 2/);
});

test('unions: exactly one member', () => {
  const schema = input(identitystore, 'GetUserId');
  const both = { IdentityStoreId: 'd-1234567890', AlternateIdentifier: { ExternalId: { Issuer: 'i', Id: 'x' }, UniqueAttribute: { AttributePath: 'userName', AttributeValue: 'bob' } } };
  assert.match(messageFor(schema, both), /at 'alternateIdentifier' failed to satisfy constraint: Exactly one member must be set/);
  assert.match(messageFor(schema, { ...both, AlternateIdentifier: {} }), /Exactly one member/);
  assert.equal(validateInput(schema, { ...both, AlternateIdentifier: { ExternalId: { Issuer: 'i', Id: 'x' } } }).ok, true);
});

test('wrong JSON types are type errors, not constraint failures', () => {
  const schema = input(identitystore, 'ListUsers');
  for (const bad of [{ IdentityStoreId: 5 }, { IdentityStoreId: 'd-1234567890', MaxResults: '5' }, { IdentityStoreId: 'd-1234567890', MaxResults: 1.5 }, { IdentityStoreId: ['x'] }, { IdentityStoreId: 'd-1234567890', Filters: {} }]) {
    assert.throws(() => validateInput(schema, bad), InputTypeError);
  }
  assert.throws(() => validateInput(schema, []), InputTypeError);
});

test('timestamps, booleans and blobs are converted; unknown members dropped', () => {
  const schema: Schema = {
    kind: 'structure',
    members: { T: { kind: 'timestamp' }, B: { kind: 'boolean' }, D: { kind: 'blob' } },
    required: [],
    union: false,
  };
  const out = validateInput(schema, { T: 1767225600, B: false, D: 'aGk=', Extra: 'ignored', __proto__: { x: 1 } });
  assert.equal(out.ok, true);
  if (!out.ok) return;
  assert.deepEqual(out.value, { T: new Date('2026-01-01T00:00:00Z'), B: false, D: Buffer.from('hi') });
  assert.throws(() => validateInput(schema, { T: 'yesterday' }), InputTypeError);
  assert.throws(() => validateInput(schema, { B: 'true' }), InputTypeError);
});

test('documented constraints are found through the newest model\'s member paths', () => {
  const s = input(identitystore, 'CreateUser');
  assert.equal(s.kind, 'structure');
  if (s.kind !== 'structure') return;
  const userName = s.members.UserName!;
  assert.equal(userName.kind, 'string');
  if (userName.kind === 'string') {
    assert.equal(userName.max, 128);
    assert.equal(userName.sensitive, true);
    assert.ok(userName.pattern?.unicode);
  }
});
