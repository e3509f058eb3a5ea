// IAM's pure rules: URL-encoding of documents, size counting, markers, role protection, names,
// and the exception table's keys.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { urlEncodeDocument, countedSize, checkInlinePolicyDocument } from '../../../src/domain/iam/policy-document.js';
import { paginate } from '../../../src/domain/iam/pagination.js';
import { assertRoleMutable, isProtectedPath } from '../../../src/domain/iam/protection.js';
import { parsePolicyArn } from '../../../src/domain/iam/names.js';
import { mergeTags, removeTags } from '../../../src/domain/iam/tags.js';
import { getAwsManagedPolicy, isAwsManagedArn } from '../../../src/domain/iam/aws-managed-policies.js';
import { iamException, IAM_EXCEPTIONS } from '../../../src/protocols/iam/iam-exceptions.js';
import { GatehouseError } from '../../../src/lib/errors.js';
import * as errors from '../../../src/domain/iam/errors.js';

describe('iam rules', () => {
  test('documents are URL-encoded per RFC 3986 and decode back', () => {
    const text = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3:::b/(x)!\'~"}]}';
    const encoded = urlEncodeDocument(text);
    assert.match(encoded, /^[A-Za-z0-9%._~-]+$/);
    assert.ok(encoded.includes('%2A') && encoded.includes('%28') && encoded.includes('%21') && encoded.includes('%27'));
    assert.ok(encoded.includes('~'));
    assert.equal(decodeURIComponent(encoded), text);
    assert.equal(urlEncodeDocument('a b\n'), 'a%20b%0A');
  });

  test('policy size is counted without white space; the inline quota is on the aggregate', () => {
    assert.equal(countedSize('{ "a" :\n\t1 }'), 7);
    const d = (n: number) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: `s3:${'a'.repeat(n)}`, Resource: '*' }] });
    assert.doesNotThrow(() => checkInlinePolicyDocument(d(900), [d(900)], { kind: 'user', name: 'u' }));
    assert.throws(() => checkInlinePolicyDocument(d(1000), [d(1000)], { kind: 'user', name: 'u' }), { code: 'LimitExceeded' });
  });

  test('markers are opaque, bound to their list, and within the model length', () => {
    const items = Array.from({ length: 5 }, (_, i) => `${'x'.repeat(120)}${i}`);
    const p1 = paginate(items, (s) => s, 'scope-a', { maxItems: 2 });
    assert.equal(p1.isTruncated, true);
    assert.ok(p1.marker!.length <= 320);
    assert.ok(!p1.marker!.includes('scope-a'));
    const p2 = paginate(items, (s) => s, 'scope-a', { maxItems: 2, marker: p1.marker });
    assert.deepEqual(p2.items, items.slice(2, 4));
    assert.throws(() => paginate(items, (s) => s, 'scope-b', { marker: p1.marker }), { code: 'Validation' });
    const last = paginate(items, (s) => s, 'scope-a', { maxItems: 5 });
    assert.deepEqual(last, { items, isTruncated: false });
    assert.equal(paginate([], (s: string) => s, 's', {}).isTruncated, false);
  });

  test('roles under the service paths change only by the provisioner', () => {
    assert.equal(isProtectedPath('/aws-reserved/sso.amazonaws.com/'), true);
    assert.equal(isProtectedPath('/aws-reserved/sso.amazonaws.com/eu-west-1/'), true);
    assert.equal(isProtectedPath('/aws-service-role/sso.amazonaws.com/'), true);
    assert.equal(isProtectedPath('/aws-reserved/'), false);
    assert.equal(isProtectedPath('/'), false);
    const role = { roleName: 'AWSServiceRoleForSSO', path: '/aws-service-role/sso.amazonaws.com/' };
    assert.throws(() => assertRoleMutable(role, { provisioner: false }), {
      code: 'AccessDenied',
      message: "Cannot perform the operation on the protected role 'AWSServiceRoleForSSO' - this role is only modifiable by AWS",
    });
    assert.doesNotThrow(() => assertRoleMutable(role, { provisioner: true }));
    assert.doesNotThrow(() => assertRoleMutable({ roleName: 'x', path: '/' }, { provisioner: false }));
  });

  test('policy ARNs split into account, path and name', () => {
    assert.deepEqual(parsePolicyArn('arn:aws:iam::aws:policy/service-role/AWSLambdaRole'), { account: 'aws', path: '/service-role/', name: 'AWSLambdaRole' });
    assert.deepEqual(parsePolicyArn('arn:aws:iam::111122223333:policy/P'), { account: '111122223333', path: '/', name: 'P' });
    assert.throws(() => parsePolicyArn('arn:aws:iam::111122223333:role/P'), { code: 'Validation' });
  });

  test('tags merge regardless of key case and respect the quota', () => {
    assert.deepEqual(mergeTags('Role', [{ key: 'Env', value: 'a' }], [{ key: 'env', value: 'b' }]), [{ key: 'env', value: 'b' }]);
    assert.throws(() => mergeTags('Role', [], [{ key: 'a', value: '1' }, { key: 'A', value: '2' }]), { code: 'Validation' });
    assert.deepEqual(removeTags([{ key: 'A', value: '1' }, { key: 'b', value: '2' }], ['a']), [{ key: 'b', value: '2' }]);
  });

  test('AWS managed policies come from the package, with stable ids', () => {
    assert.equal(isAwsManagedArn('arn:aws:iam::aws:policy/ReadOnlyAccess'), true);
    const p = getAwsManagedPolicy('arn:aws:iam::aws:policy/job-function/ViewOnlyAccess');
    assert.equal(p?.name, 'ViewOnlyAccess');
    assert.equal(p?.path, '/job-function/');
    assert.equal(getAwsManagedPolicy('arn:aws:iam::aws:policy/DoesNotExist'), undefined);
  });

  test('every IAM error maps to its exception name and status', () => {
    const name = (e: GatehouseError) => iamException(e.code, e.details.resource);
    assert.deepEqual(name(errors.roleNotFound('x')), { name: 'NoSuchEntity', status: 404 });
    assert.deepEqual(name(errors.entityAlreadyExists('Role', 'x')), { name: 'EntityAlreadyExists', status: 409 });
    assert.deepEqual(name(errors.deleteConflict('Role', 'x')), { name: 'DeleteConflict', status: 409 });
    assert.deepEqual(name(errors.limitExceeded('Role', 'x')), { name: 'LimitExceeded', status: 409 });
    assert.deepEqual(name(errors.malformedPolicyDocument('x')), { name: 'MalformedPolicyDocument', status: 400 });
    assert.deepEqual(name(errors.invalidInput('F', 'x')), { name: 'InvalidInput', status: 400 });
    assert.deepEqual(name(errors.userNotFound('x')), { name: 'NoSuchEntity', status: 404 });
    assert.deepEqual(name(errors.policyNotAttachable('x')), { name: 'PolicyNotAttachable', status: 400 });
    assert.deepEqual(name(errors.protectedRole('x')), { name: 'UnmodifiableEntity', status: 400 });
    assert.deepEqual(name(errors.constraintViolation('MaxSessionDuration', 'x')), { name: 'ValidationError', status: 400 });
    assert.deepEqual(name(new GatehouseError('Validation', 'x', { resource: 'Input' })), { name: 'ValidationError', status: 400 });
    assert.deepEqual(name(new GatehouseError('Conflict', 'x', { resource: 'User' })), { name: 'EntityAlreadyExists', status: 409 });
    assert.ok(Object.keys(IAM_EXCEPTIONS).every((k) => /^[A-Za-z]+(:[A-Za-z]+)?$/.test(k)));
  });
});
