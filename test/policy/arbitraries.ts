// fast-check generators for policies and requests over a small alphabet, so that actions,
// resources and conditions actually match often.

import fc from 'fast-check';
import type { AuthorizationRequest, ContextValue } from '../../src/policy/index.js';
import { ACCOUNT, OTHER_ACCOUNT, type RawPolicies } from './helpers.js';

const ACTIONS = ['s3:GetObject', 's3:PutObject', 's3:ListBucket', 'ec2:RunInstances', 'iam:CreateUser'];
const ACTION_PATTERNS = ['*', 's3:*', 's3:Get*', 's3:GetObject', 'S3:getobject', 'ec2:*', 's3:?utObject', '*:Get*', 'iam:Create*', 's3:*Object'];
const RESOURCES = [
  'arn:aws:s3:::b1/a',
  'arn:aws:s3:::b1/a:b',
  'arn:aws:s3:::b2/x',
  'arn:aws:s3:::b1/*',
  'arn:aws:ec2:us-east-1:111122223333:instance/i-1',
  '*',
];
const RESOURCE_PATTERNS = [
  '*',
  'arn:aws:s3:::b1/*',
  'arn:aws:s3:::b?/*',
  'arn:aws:s3:::*',
  'arn:aws:s3:*',
  'arn:aws:ec2:*:*:instance/*',
  'arn:aws:ec2:us-*-1:111122223333:instance/*',
  'arn:aws:s3:::b1/${aws:username}',
  "arn:aws:s3:::b1/${aws:username, 'a'}",
  'arn:aws:s3:::b1/${*}',
  'arn:aws:s3:::b1/a',
];
const USER = `arn:aws:iam::${ACCOUNT}:user/alice`;
const SESSION = `arn:aws:sts::${ACCOUNT}:assumed-role/Dev/alice`;
const ROLE = `arn:aws:iam::${ACCOUNT}:role/Dev`;

/** Condition operator families with keys and values that fit them. */
const CONDITIONS: [string[], string, string[]][] = [
  [['StringEquals', 'StringNotEquals', 'StringLike', 'StringNotLike', 'StringEqualsIgnoreCase'], 'aws:username', ['a', 'A', 'b', 'a*', '${aws:PrincipalTag/team}', '${*}']],
  [['StringEquals', 'StringLike', 'StringNotEquals'], 'aws:PrincipalTag/team', ['red', 'blue', 'r?d', '${aws:username}']],
  [['ForAllValues:StringEquals', 'ForAnyValue:StringEquals', 'ForAllValues:StringNotLike', 'ForAnyValue:StringLike', 'StringEquals'], 'aws:TagKeys', ['a', 'b', 'c*']],
  [['NumericLessThan', 'NumericGreaterThanEquals', 'NumericEquals', 'NumericNotEquals'], 's3:max-keys', ['5', '10', '7.5']],
  [['DateGreaterThan', 'DateLessThanEquals', 'DateEquals'], 'aws:CurrentTime', ['2024-01-01T00:00:00Z', '1704067200', '2025-06-01']],
  [['Bool'], 'aws:SecureTransport', ['true', 'false']],
  [['IpAddress', 'NotIpAddress'], 'aws:SourceIp', ['10.0.0.0/8', '2001:db8::/32', '10.1.2.3']],
  [['ArnLike', 'ArnNotEquals'], 'aws:PrincipalArn', ['arn:aws:iam::*:role/Dev', ROLE, 'arn:aws:iam::111122223333:*']],
  [['Null'], 'aws:PrincipalTag/team', ['true', 'false']],
];

const condition = fc
  .tuple(fc.constantFrom(...CONDITIONS), fc.boolean(), fc.nat())
  .chain(([[ops, key, values], ifExists, n]) =>
    fc.record({
      op: fc.constant(ops[n % ops.length]! + (ifExists && ops[n % ops.length] !== 'Null' ? 'IfExists' : '')),
      key: fc.constantFrom(key, key.toUpperCase()),
      values: fc.subarray(values, { minLength: 1 }),
    }),
  );

const conditionBlock = fc.array(condition, { maxLength: 2 }).map((cs) => {
  const block: Record<string, Record<string, string[]>> = {};
  for (const c of cs) (block[c.op] ??= {})[c.key] = c.values;
  return block;
});

const principal = fc.constantFrom<unknown>('*', { AWS: ACCOUNT }, { AWS: USER }, { AWS: ROLE }, { AWS: SESSION }, { AWS: OTHER_ACCOUNT });

export const statement = (withPrincipal: boolean) =>
  fc
    .record({
      effect: fc.constantFrom('Allow', 'Allow', 'Deny'),
      notAction: fc.boolean(),
      actions: fc.subarray(ACTION_PATTERNS, { minLength: 1, maxLength: 3 }),
      notResource: fc.boolean(),
      resources: fc.subarray(RESOURCE_PATTERNS, { minLength: 1, maxLength: 3 }),
      condition: conditionBlock,
      principal,
      notPrincipal: fc.boolean(),
    })
    .map((s) => {
      const out: Record<string, unknown> = { Effect: s.effect };
      if (withPrincipal) out[s.notPrincipal && s.effect === 'Deny' ? 'NotPrincipal' : 'Principal'] = s.principal;
      out[s.notAction && s.actions.length > 1 ? 'NotAction' : 'Action'] = s.actions;
      out[s.notResource && s.resources.length > 1 ? 'NotResource' : 'Resource'] = s.resources;
      if (Object.keys(s.condition).length > 0) out['Condition'] = s.condition;
      return out;
    });

export const policy = (withPrincipal = false) =>
  fc
    .record({ version: fc.constantFrom('2012-10-17', '2012-10-17', '2008-10-17'), statements: fc.array(statement(withPrincipal), { minLength: 1, maxLength: 4 }) })
    .map(({ version, statements }) => ({ Version: version, Statement: statements }));

/** Present about one time in four: layers that must allow make Allow rare otherwise. */
const sometimes = <T>(arb: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: fc.constant(undefined), weight: 3 }, { arbitrary: arb, weight: 1 });

export const policies: fc.Arbitrary<RawPolicies> = fc
  .record({
    identity: fc.array(policy(), { maxLength: 2 }),
    boundary: sometimes(fc.array(policy(), { maxLength: 1 })),
    session: sometimes(fc.array(policy(), { maxLength: 1 })),
    scps: sometimes(fc.array(fc.array(policy(), { minLength: 1, maxLength: 1 }), { maxLength: 2 })),
    resource: fc.option(fc.array(policy(true), { minLength: 1, maxLength: 1 })),
  })
  .map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined && v !== null)) as RawPolicies);

const context: fc.Arbitrary<Record<string, ContextValue>> = fc
  .record(
    {
      'aws:username': fc.constantFrom('a', 'b', 'a*'),
      'aws:PrincipalTag/team': fc.constantFrom('red', 'blue', 'a'),
      'aws:TagKeys': fc.subarray(['a', 'b', 'c1']),
      's3:max-keys': fc.constantFrom('5', '10', 'x'),
      'aws:CurrentTime': fc.constantFrom('2024-01-01T00:00:00Z', '2025-01-01T00:00:00Z'),
      'aws:SecureTransport': fc.constantFrom('true', 'false'),
      'aws:SourceIp': fc.constantFrom('10.1.2.3', '2001:db8::1', '192.0.2.1'),
    },
    { requiredKeys: [] },
  )
  .map((c) => c as Record<string, ContextValue>);

export const authRequest: fc.Arbitrary<AuthorizationRequest> = fc
  .record({
    action: fc.constantFrom(...ACTIONS),
    resource: fc.constantFrom(...RESOURCES),
    session: fc.boolean(),
    crossAccount: fc.boolean(),
    context,
  })
  .map((r) => ({
    action: r.action,
    resource: r.resource,
    principalArn: r.session ? SESSION : USER,
    principalAccount: ACCOUNT,
    ...(r.crossAccount && { resourceAccount: OTHER_ACCOUNT }),
    context: r.session ? { ...r.context, 'aws:PrincipalArn': ROLE } : r.context,
  }));
