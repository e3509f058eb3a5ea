// Which resources a call touches, from the catalog's ARN templates and the call's input.

import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { loadActionCatalog, isReadOnly, type ActionCatalog } from '../../../src/protocols/authorization/action-catalog.js';
import { resourceArns } from '../../../src/protocols/authorization/resource-arns.js';

let catalog: ActionCatalog;
before(async () => (catalog = await loadActionCatalog()));

const MGMT = { partition: 'aws', account: '111122223333', region: 'us-east-1', organizationId: 'o-abcdefghij', callerName: 'admin' };
const arns = (action: string, input: Record<string, unknown>, facts = MGMT) => resourceArns(catalog.get(action.toLowerCase()), input, facts).sort();

test('identitystore: the identity store and the user', () => {
  assert.deepEqual(arns('identitystore:DescribeUser', { IdentityStoreId: 'd-1234567890', UserId: 'u-1' }), [
    'arn:aws:identitystore::111122223333:identitystore/d-1234567890',
    'arn:aws:identitystore:::user/u-1',
  ]);
  // A membership's member id sits inside a union.
  assert.ok(arns('identitystore:CreateGroupMembership', { IdentityStoreId: 'd-1', GroupId: 'g-1', MemberId: { UserId: 'u-2' } }).includes('arn:aws:identitystore:::user/u-2'));
});

test('sso: a resource that does not exist yet is a wildcard', () => {
  assert.deepEqual(arns('sso:CreatePermissionSet', { InstanceArn: 'arn:aws:sso:::instance/ssoins-0123456789abcdef', Name: 'Admin' }), [
    'arn:aws:sso:::instance/ssoins-0123456789abcdef',
    'arn:aws:sso:::permissionSet/ssoins-0123456789abcdef/*',
  ]);
});

test('organizations: typed ids fill templates that write the prefix themselves', () => {
  const out = arns('organizations:AttachPolicy', { PolicyId: 'p-abcd1234', TargetId: 'ou-ab12-cdefgh34' });
  assert.deepEqual(out, [
    'arn:aws:organizations::111122223333:ou/o-abcdefghij/ou-ab12-cdefgh34',
    'arn:aws:organizations::111122223333:policy/o-abcdefghij/service_control_policy/p-abcd1234',
  ]);
});

test('iam and sts: names fill templates, and an input ARN that fits is used as it is', () => {
  assert.deepEqual(arns('iam:AttachRolePolicy', { RoleName: 'Deploy', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }), [
    'arn:aws:iam::111122223333:role/Deploy',
  ]);
  assert.deepEqual(arns('iam:GetPolicy', { PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }), ['arn:aws:iam::aws:policy/ReadOnlyAccess']);
  assert.deepEqual(arns('sts:AssumeRole', { RoleArn: 'arn:aws:iam::444455556666:role/path/Ops', RoleSessionName: 's' }), [
    'arn:aws:iam::444455556666:role/path/Ops',
  ]);
});

test('actions without resource types, and unknown actions, are on `*`', () => {
  assert.deepEqual(arns('organizations:DescribeOrganization', {}), ['*']);
  assert.deepEqual(resourceArns(undefined, {}, MGMT), ['*']);
});

test('access levels tell reads from writes', () => {
  assert.equal(isReadOnly(catalog.get('identitystore:describeuser')), true);
  assert.equal(isReadOnly(catalog.get('iam:attachrolepolicy')), false);
  assert.equal(isReadOnly(undefined), false);
});
