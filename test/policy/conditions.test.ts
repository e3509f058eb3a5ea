import { test } from 'node:test';
import assert from 'node:assert/strict';
import { both, identityOnly, request } from './helpers.js';
import { parseDate } from '../../src/policy/date-value.js';
import { cidrContains, parseCidr, parseIp } from '../../src/policy/ip-address.js';
import { splitOperator, operatorSpec } from '../../src/policy/condition-operator.js';
import type { ContextValue } from '../../src/policy/index.js';

/** Decision of one Allow statement with `condition`, for a request with `context`. */
function holds(condition: Record<string, unknown>, context: Record<string, ContextValue>): boolean {
  const set = identityOnly([{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: condition }]);
  return both(set, request('s3:GetObject', 'arn:aws:s3:::b/k', context)).decision === 'Allow';
}

test('operator names split into set operator, base and IfExists', () => {
  assert.deepEqual(splitOperator('ForAllValues:StringNotLikeIfExists'), {
    baseOperator: 'StringNotLike',
    setOperator: 'ForAllValues',
    ifExists: true,
  });
  assert.deepEqual(splitOperator('Bool'), { baseOperator: 'Bool', setOperator: undefined, ifExists: false });
  assert.equal(operatorSpec('ArnNotEquals')?.negated, true);
  assert.equal(operatorSpec('NoSuchOperator'), undefined);
});

test('string operators', () => {
  assert.ok(holds({ StringEquals: { k: 'Abc' } }, { k: 'Abc' }));
  assert.ok(!holds({ StringEquals: { k: 'Abc' } }, { k: 'abc' }));
  assert.ok(holds({ StringNotEqualsIgnoreCase: { k: 'Abc' } }, { k: 'xyz' }));
  assert.ok(!holds({ StringNotEqualsIgnoreCase: { k: 'Abc' } }, { k: 'ABC' }));
  assert.ok(holds({ StringLike: { k: ['x', 'a*c'] } }, { k: 'abbbc' }));
  assert.ok(!holds({ StringNotLike: { k: ['x', 'a*c'] } }, { k: 'abbbc' }));
  assert.ok(!holds({ StringLike: { k: 'ABC' } }, { k: 'abc' }));
});

test('numeric operators', () => {
  assert.ok(holds({ NumericEquals: { k: '5' } }, { k: '5' }));
  assert.ok(holds({ NumericNotEquals: { k: '5' } }, { k: '6' }));
  assert.ok(holds({ NumericGreaterThan: { k: '5' } }, { k: '5.5' }));
  assert.ok(holds({ NumericGreaterThanEquals: { k: '5' } }, { k: '5' }));
  assert.ok(!holds({ NumericLessThan: { k: '5' } }, { k: '5' }));
  assert.ok(!holds({ NumericLessThan: { k: '5' } }, { k: 'five' }));
  assert.ok(!holds({ NumericLessThan: { k: 'x' } }, { k: '1' }));
});

test('date operators accept ISO 8601 and epoch seconds', () => {
  assert.equal(parseDate('2020-01-01T00:00:00Z'), Date.UTC(2020, 0, 1));
  assert.equal(parseDate('2020-01-01T01:30:00+01:30'), Date.UTC(2020, 0, 1));
  assert.equal(parseDate('2020-01-01T00:00:00'), Date.UTC(2020, 0, 1), 'no zone means UTC');
  assert.equal(parseDate('1577836800'), Date.UTC(2020, 0, 1));
  assert.equal(parseDate('2020-13-01'), undefined);
  assert.equal(parseDate('yesterday'), undefined);
  assert.ok(holds({ DateEquals: { 'aws:CurrentTime': '2020-01-01T00:00:00Z' } }, { 'aws:CurrentTime': '1577836800' }));
  assert.ok(holds({ DateNotEquals: { 'aws:CurrentTime': '2020-01-01' } }, { 'aws:CurrentTime': '2020-01-02' }));
  assert.ok(holds({ DateLessThanEquals: { 'aws:CurrentTime': '2020-01-01' } }, { 'aws:CurrentTime': '2020-01-01T00:00:00Z' }));
  assert.ok(holds({ DateGreaterThanEquals: { 'aws:CurrentTime': '2020-01-01' } }, { 'aws:CurrentTime': '2020-01-01T00:00:00.001Z' }));
});

test('Bool and BinaryEquals', () => {
  assert.ok(holds({ Bool: { 'aws:SecureTransport': 'true' } }, { 'aws:SecureTransport': 'TRUE' }));
  assert.ok(!holds({ Bool: { 'aws:SecureTransport': 'true' } }, { 'aws:SecureTransport': 'false' }));
  assert.ok(holds({ BinaryEquals: { k: 'AAEC' } }, { k: 'AAEC' }));
  assert.ok(!holds({ BinaryEquals: { k: 'AAEC' } }, { k: 'AAED' }));
  assert.ok(!holds({ BinaryEquals: { k: 'AAEC' } }, { k: '!!!' }));
});

test('IP addresses: IPv4, IPv6, single hosts, families kept apart', () => {
  const block = (c: string) => parseCidr(c)!;
  const ip = (a: string) => parseIp(a)!;
  assert.ok(cidrContains(block('192.0.2.0/24'), ip('192.0.2.255')));
  assert.ok(!cidrContains(block('192.0.2.0/24'), ip('192.0.3.0')));
  assert.ok(cidrContains(block('0.0.0.0/0'), ip('8.8.8.8')));
  assert.ok(cidrContains(block('192.0.2.7'), ip('192.0.2.7')));
  assert.ok(cidrContains(block('2001:db8::/32'), ip('2001:DB8:ffff::1')));
  assert.ok(!cidrContains(block('2001:db8::/33'), ip('2001:db8:8000::1')));
  assert.ok(cidrContains(block('10.0.0.0/8'), ip('::ffff:10.1.2.3')));
  assert.ok(!cidrContains(block('::/0'), ip('10.1.2.3')), 'an IPv6 block does not hold IPv4 addresses');
  assert.equal(parseCidr('10.0.0.0/33'), undefined);
  assert.equal(parseIp('1.2.3.256'), undefined);
  assert.equal(parseIp('1::2::3'), undefined);
  assert.ok(holds({ IpAddress: { 'aws:SourceIp': ['10.0.0.0/8', '2001:db8::/32'] } }, { 'aws:SourceIp': '2001:db8::5' }));
  assert.ok(holds({ NotIpAddress: { 'aws:SourceIp': '10.0.0.0/8' } }, { 'aws:SourceIp': '11.0.0.1' }));
  assert.ok(!holds({ IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } }, { 'aws:SourceIp': 'not-an-ip' }));
});

test('ARN operators compare segment by segment', () => {
  const arn = 'arn:aws:iam::111122223333:role/Admin';
  assert.ok(holds({ ArnEquals: { 'aws:PrincipalArn': arn } }, { 'aws:PrincipalArn': arn }));
  assert.ok(holds({ ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/Adm?n' } }, { 'aws:PrincipalArn': arn }));
  assert.ok(!holds({ ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/admin' } }, { 'aws:PrincipalArn': arn }));
  assert.ok(holds({ ArnNotEquals: { 'aws:PrincipalArn': 'arn:aws:iam::111122223333:role/Other' } }, { 'aws:PrincipalArn': arn }));
  assert.ok(!holds({ ArnNotLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/*' } }, { 'aws:PrincipalArn': arn }));
});

test('missing keys, IfExists, Null', () => {
  assert.ok(!holds({ NumericLessThan: { k: '5' } }, {}));
  assert.ok(holds({ NumericLessThanIfExists: { k: '5' } }, {}));
  assert.ok(holds({ NotIpAddress: { 'aws:SourceIp': '10.0.0.0/8' } }, {}));
  assert.ok(holds({ ArnNotLike: { k: 'arn:*' } }, {}));
  assert.ok(holds({ Null: { k: 'true' } }, {}));
  assert.ok(holds({ Null: { k: 'false' } }, { k: 'v' }));
  assert.ok(holds({ Null: { k: 'true' } }, { k: [] }), 'an empty list is no value');
  assert.ok(!holds({ Null: { k: 'TRUE' } }, { k: 'v' }));
});

test('set operators over multivalued keys', () => {
  const keys = (v: string[]) => ({ 'aws:TagKeys': v });
  assert.ok(holds({ 'ForAllValues:StringLike': { 'aws:TagKeys': ['env', 'cost*'] } }, keys(['env', 'costcenter'])));
  assert.ok(!holds({ 'ForAllValues:StringLike': { 'aws:TagKeys': ['env', 'cost*'] } }, keys(['env', 'owner'])));
  assert.ok(holds({ 'ForAnyValue:StringLike': { 'aws:TagKeys': ['cost*'] } }, keys(['env', 'costcenter'])));
  assert.ok(!holds({ 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['x'] } }, keys([])));
  assert.ok(holds({ 'ForAnyValue:StringEqualsIfExists': { 'aws:TagKeys': ['x'] } }, {}));
  assert.ok(holds({ 'ForAnyValue:StringNotEquals': { 'aws:TagKeys': ['env'] } }, keys(['env', 'owner'])));
  assert.ok(!holds({ 'ForAllValues:StringNotLike': { 'aws:TagKeys': ['sec*'] } }, keys(['env', 'secret'])));
  // A single-valued operator on a list: positive if any value matches, negated if none does.
  assert.ok(holds({ StringEquals: { 'aws:TagKeys': 'env' } }, keys(['owner', 'env'])));
  assert.ok(!holds({ StringNotEquals: { 'aws:TagKeys': 'env' } }, keys(['owner', 'env'])));
});

test('unknown operators never hold', () => {
  assert.ok(!holds({ StringSortOf: { k: 'v' } }, { k: 'v' }));
  const deny = identityOnly([
    { Effect: 'Allow', Action: '*', Resource: '*' },
    { Effect: 'Deny', Action: '*', Resource: '*', Condition: { Bogus: { k: 'v' } } },
  ]);
  assert.equal(both(deny, request('s3:GetObject', '*', { k: 'v' })).decision, 'Allow');
});

test('condition values with policy variables', () => {
  const cond = { StringLike: { 's3:prefix': ['home/${aws:username}/*', 'public/${*}'] } };
  assert.ok(holds(cond, { 's3:prefix': 'home/alice/x', 'aws:username': 'alice' }));
  assert.ok(!holds(cond, { 's3:prefix': 'home/bob/x', 'aws:username': 'alice' }));
  assert.ok(holds(cond, { 's3:prefix': 'public/*' }));
  assert.ok(!holds(cond, { 's3:prefix': 'public/x' }));
  // A user name holding a wildcard is text, not a pattern.
  assert.ok(!holds(cond, { 's3:prefix': 'home/abc/x', 'aws:username': 'a*' }));
  // Numeric operators do not expand variables.
  assert.ok(!holds({ NumericEquals: { k: '${aws:n}' } }, { k: '1', 'aws:n': '1' }));
  // StringNotEquals against a variable with no value: nothing to be equal to.
  assert.ok(holds({ StringNotEquals: { k: '${aws:username}' } }, { k: 'x' }));
});
