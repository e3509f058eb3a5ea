// IAM roles in the domain: every role operation, its errors, protected roles, URL-encoded
// trust policies, tags and pagination.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sqliteBackend } from '../../support/backends.js';
import { iamFixture, rejects, TRUST, doc, ACCOUNT, OTHER_ACCOUNT, type IamFixture } from './support.js';
import { PROVISIONER } from '../../../src/domain/iam/protection.js';

describe('iam roles', () => {
  let f: IamFixture;
  before(async () => (f = await iamFixture(sqliteBackend)));
  after(() => f.dispose());

  test('CreateRole returns the role with an AROA id, its ARN and the trust policy URL-encoded', async () => {
    const role = await f.iam.createRole(ACCOUNT, {
      roleName: 'Dev',
      path: '/team/',
      assumeRolePolicyDocument: TRUST,
      description: 'developers',
      maxSessionDuration: 7200,
      tags: [{ key: 'team', value: 'blue' }],
    });
    assert.match(role.roleId, /^AROA[A-Z2-7]{17}$/);
    assert.equal(role.arn, `arn:aws:iam::${ACCOUNT}:role/team/Dev`);
    assert.equal(role.assumeRolePolicyDocument, encodeURIComponent(TRUST));
    assert.equal(decodeURIComponent(role.assumeRolePolicyDocument), TRUST);
    assert.equal(role.maxSessionDuration, 7200);
    assert.equal(role.createdAt, f.clock.now());
    assert.deepEqual(role.tags, [{ key: 'team', value: 'blue' }]);
  });

  test('defaults: path /, MaxSessionDuration 3600', async () => {
    const role = await f.iam.createRole(ACCOUNT, { roleName: 'Plain', assumeRolePolicyDocument: TRUST });
    assert.equal(role.path, '/');
    assert.equal(role.maxSessionDuration, 3600);
    assert.equal(role.description, undefined);
  });

  test('role names are unique per account regardless of case, and per account only', async () => {
    await rejects(f.iam.createRole(ACCOUNT, { roleName: 'DEV', assumeRolePolicyDocument: TRUST }), {
      code: 'Conflict',
      resource: 'Role', reason: 'EntityAlreadyExists',
    });
    await f.iam.createRole(OTHER_ACCOUNT, { roleName: 'Dev', assumeRolePolicyDocument: TRUST });
  });

  test('GetRole finds a role regardless of case; an unknown role is NoSuchEntity', async () => {
    assert.equal((await f.iam.getRole(ACCOUNT, 'dev')).roleName, 'Dev');
    await rejects(f.iam.getRole(ACCOUNT, 'Nope'), { code: 'NotFound', message: 'The role with name Nope cannot be found.' });
  });

  test('MaxSessionDuration outside 3600..43200 is a validation error', async () => {
    for (const d of [3599, 43201]) {
      await rejects(f.iam.createRole(ACCOUNT, { roleName: `R${d}`, assumeRolePolicyDocument: TRUST, maxSessionDuration: d }), {
        code: 'Validation',
        field: 'MaxSessionDuration',
      });
    }
    await rejects(f.iam.updateRole(ACCOUNT, 'Dev', { maxSessionDuration: 100 }), { code: 'Validation' });
  });

  test('a trust policy that is not JSON, or not a policy, is MalformedPolicyDocument', async () => {
    await rejects(f.iam.createRole(ACCOUNT, { roleName: 'Bad', assumeRolePolicyDocument: '{not json' }), {
      code: 'Validation',
      reason: 'MalformedPolicyDocument',
    });
    await rejects(f.iam.createRole(ACCOUNT, { roleName: 'Bad', assumeRolePolicyDocument: '{"Statement":[{"Effect":"Perhaps"}]}' }), {
      reason: 'MalformedPolicyDocument',
    });
    await rejects(f.iam.updateAssumeRolePolicy(ACCOUNT, 'Dev', '[]'), { reason: 'MalformedPolicyDocument' });
  });

  test('invalid names and paths are InvalidInput', async () => {
    await rejects(f.iam.createRole(ACCOUNT, { roleName: 'has space', assumeRolePolicyDocument: TRUST }), { reason: 'InvalidInput' });
    await rejects(f.iam.createRole(ACCOUNT, { roleName: 'x', path: 'nopath', assumeRolePolicyDocument: TRUST }), { reason: 'InvalidInput' });
  });

  test('UpdateRole, UpdateRoleDescription and UpdateAssumeRolePolicy change the role', async () => {
    await f.iam.updateRole(ACCOUNT, 'Dev', { maxSessionDuration: 43200 });
    const described = await f.iam.updateRoleDescription(ACCOUNT, 'dev', 'new words');
    assert.equal(described.description, 'new words');
    assert.equal(described.maxSessionDuration, 43200);
    const trust = TRUST.replace('ec2', 'lambda');
    await f.iam.updateAssumeRolePolicy(ACCOUNT, 'Dev', trust);
    assert.equal(decodeURIComponent((await f.iam.getRole(ACCOUNT, 'Dev')).assumeRolePolicyDocument), trust);
  });

  test('permissions boundary: put, reported, deleted; an unknown policy is NoSuchEntity', async () => {
    await f.iam.putRolePermissionsBoundary(ACCOUNT, 'Dev', 'arn:aws:iam::aws:policy/ReadOnlyAccess');
    assert.equal((await f.iam.getRole(ACCOUNT, 'Dev')).permissionsBoundaryArn, 'arn:aws:iam::aws:policy/ReadOnlyAccess');
    await rejects(f.iam.putRolePermissionsBoundary(ACCOUNT, 'Dev', 'arn:aws:iam::aws:policy/NoSuchPolicyAnywhere'), { code: 'NotFound' });
    await rejects(f.iam.putRolePermissionsBoundary(ACCOUNT, 'Dev', `arn:aws:iam::${ACCOUNT}:policy/Missing`), { code: 'NotFound' });
    await f.iam.deleteRolePermissionsBoundary(ACCOUNT, 'Dev');
    assert.equal((await f.iam.getRole(ACCOUNT, 'Dev')).permissionsBoundaryArn, undefined);
    await rejects(
      f.iam.createRole(ACCOUNT, { roleName: 'Bounded', assumeRolePolicyDocument: TRUST, permissionsBoundary: 'arn:aws:iam::aws:policy/Nope' }),
      { code: 'NotFound' },
    );
  });

  test('tags: TagRole merges (keys regardless of case), UntagRole removes, ListRoleTags pages', async () => {
    await f.iam.tagRole(ACCOUNT, 'Dev', [{ key: 'TEAM', value: 'red' }, { key: 'env', value: 'dev' }]);
    let tags = await f.iam.listRoleTags(ACCOUNT, 'Dev');
    assert.deepEqual(tags.items, [{ key: 'TEAM', value: 'red' }, { key: 'env', value: 'dev' }]);
    const first = await f.iam.listRoleTags(ACCOUNT, 'Dev', { maxItems: 1 });
    assert.equal(first.isTruncated, true);
    const second = await f.iam.listRoleTags(ACCOUNT, 'Dev', { maxItems: 1, marker: first.marker });
    assert.equal(second.isTruncated, false);
    assert.equal(second.marker, undefined);
    await f.iam.untagRole(ACCOUNT, 'Dev', ['team']);
    tags = await f.iam.listRoleTags(ACCOUNT, 'Dev');
    assert.deepEqual(tags.items, [{ key: 'env', value: 'dev' }]);
    await rejects(f.iam.tagRole(ACCOUNT, 'Dev', [{ key: 'aws:x', value: '1' }]), { code: 'Validation' });
    const many = Array.from({ length: 50 }, (_, i) => ({ key: `k${i}`, value: 'v' }));
    await rejects(f.iam.tagRole(ACCOUNT, 'Dev', many), { code: 'LimitExceeded' });
  });

  test('inline role policies: put, get URL-encoded, list, replace, delete', async () => {
    await f.iam.putRolePolicy(ACCOUNT, 'Dev', 'Read', doc('s3:GetObject'));
    await f.iam.putRolePolicy(ACCOUNT, 'Dev', 'Write', doc('s3:PutObject'));
    const got = await f.iam.getRolePolicy(ACCOUNT, 'dev', 'read');
    assert.deepEqual(got, { principalName: 'Dev', policyName: 'Read', policyDocument: encodeURIComponent(doc('s3:GetObject')).replace('*', '%2A') });
    assert.equal(decodeURIComponent(got.policyDocument), doc('s3:GetObject'));
    assert.deepEqual((await f.iam.listRolePolicies(ACCOUNT, 'Dev')).items, ['Read', 'Write']);
    await f.iam.putRolePolicy(ACCOUNT, 'Dev', 'Read', doc('s3:ListBucket'));
    assert.equal(decodeURIComponent((await f.iam.getRolePolicy(ACCOUNT, 'Dev', 'Read')).policyDocument), doc('s3:ListBucket'));
    await rejects(f.iam.getRolePolicy(ACCOUNT, 'Dev', 'Nope'), { code: 'NotFound', message: 'The role policy with name Nope cannot be found.' });
    await rejects(f.iam.putRolePolicy(ACCOUNT, 'Nope', 'P', doc()), { code: 'NotFound' });
    await rejects(f.iam.putRolePolicy(ACCOUNT, 'Dev', 'Bad', '{"Statement": 5}'), { reason: 'MalformedPolicyDocument' });
    await f.iam.deleteRolePolicy(ACCOUNT, 'Dev', 'Write');
    await rejects(f.iam.deleteRolePolicy(ACCOUNT, 'Dev', 'Write'), { code: 'NotFound' });
  });

  test('inline role policies share a 10,240-character quota (white space not counted)', async () => {
    await f.iam.createRole(ACCOUNT, { roleName: 'Big', assumeRolePolicyDocument: TRUST });
    const big = (n: number) => doc(`s3:${'a'.repeat(n)}`);
    const base = big(0).length - 's3:'.length;
    await f.iam.putRolePolicy(ACCOUNT, 'Big', 'One', big(6000 - base));
    await rejects(f.iam.putRolePolicy(ACCOUNT, 'Big', 'Two', big(5000 - base)), {
      code: 'LimitExceeded',
      message: 'Maximum policy size of 10240 bytes exceeded for role Big',
    });
    // Replacing a policy counts its new size, not both.
    await f.iam.putRolePolicy(ACCOUNT, 'Big', 'One', big(9000 - base));
    const spaced = JSON.stringify(JSON.parse(big(1000)), null, 40);
    await f.iam.putRolePolicy(ACCOUNT, 'Big', 'Spaced', spaced);
    await f.iam.deleteRolePolicy(ACCOUNT, 'Big', 'One');
    await f.iam.deleteRolePolicy(ACCOUNT, 'Big', 'Spaced');
    await f.iam.deleteRole(ACCOUNT, 'Big');
  });

  test('attached role policies: customer and AWS managed, idempotent, detach, unknown ARNs', async () => {
    const p = await f.iam.createPolicy(ACCOUNT, { policyName: 'RoleAttach', policyDocument: doc() });
    await f.iam.attachRolePolicy(ACCOUNT, 'Dev', p.arn);
    await f.iam.attachRolePolicy(ACCOUNT, 'Dev', p.arn);
    await f.iam.attachRolePolicy(ACCOUNT, 'Dev', 'arn:aws:iam::aws:policy/ReadOnlyAccess');
    const listed = await f.iam.listAttachedRolePolicies(ACCOUNT, 'Dev');
    assert.deepEqual(listed.items, [
      { policyName: 'ReadOnlyAccess', policyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' },
      { policyName: 'RoleAttach', policyArn: p.arn },
    ]);
    const page1 = await f.iam.listAttachedRolePolicies(ACCOUNT, 'Dev', undefined, { maxItems: 1 });
    const page2 = await f.iam.listAttachedRolePolicies(ACCOUNT, 'Dev', undefined, { maxItems: 1, marker: page1.marker });
    assert.deepEqual([...page1.items, ...page2.items], listed.items);
    await rejects(f.iam.attachRolePolicy(ACCOUNT, 'Dev', 'arn:aws:iam::aws:policy/NotARealPolicy'), {
      code: 'NotFound',
      message: 'Policy arn:aws:iam::aws:policy/NotARealPolicy does not exist or is not attachable.',
    });
    await rejects(f.iam.attachRolePolicy(ACCOUNT, 'Dev', `arn:aws:iam::${OTHER_ACCOUNT}:policy/RoleAttach`), { code: 'NotFound' });
    await rejects(f.iam.attachRolePolicy(ACCOUNT, 'Dev', 'not-an-arn'), { reason: 'InvalidInput' });
    await rejects(
      f.iam.attachRolePolicy(ACCOUNT, 'Dev', 'arn:aws:iam::aws:policy/aws-service-role/AccessAnalyzerServiceRolePolicy'),
      { reason: 'PolicyNotAttachable' },
    );
  });

  test('DeleteRole is refused while policies are attached or inline policies exist', async () => {
    await rejects(f.iam.deleteRole(ACCOUNT, 'Dev'), {
      code: 'InvalidState',
      reason: 'DeleteConflict',
      message: 'Cannot delete entity, must detach all policies first.',
    });
    for (const a of (await f.iam.listAttachedRolePolicies(ACCOUNT, 'Dev')).items) await f.iam.detachRolePolicy(ACCOUNT, 'Dev', a.policyArn);
    await rejects(f.iam.detachRolePolicy(ACCOUNT, 'Dev', 'arn:aws:iam::aws:policy/ReadOnlyAccess'), { code: 'NotFound' });
    await rejects(f.iam.deleteRole(ACCOUNT, 'Dev'), { message: 'Cannot delete entity, must delete policies first.' });
    await f.iam.deleteRolePolicy(ACCOUNT, 'Dev', 'Read');
    await f.iam.deleteRole(ACCOUNT, 'Dev');
    await rejects(f.iam.getRole(ACCOUNT, 'Dev'), { code: 'NotFound' });
    await rejects(f.iam.deleteRole(ACCOUNT, 'Dev'), { code: 'NotFound' });
  });

  test('ListRoles filters by path prefix and pages with opaque markers', async () => {
    for (const n of ['A1', 'A2', 'A3']) await f.iam.createRole(ACCOUNT, { roleName: n, path: '/paged/', assumeRolePolicyDocument: TRUST });
    const all = await f.iam.listRoles(ACCOUNT, '/paged/');
    assert.deepEqual(all.items.map((r) => r.roleName), ['A1', 'A2', 'A3']);
    assert.equal(all.isTruncated, false);
    assert.ok(all.items.every((r) => r.assumeRolePolicyDocument.startsWith('%7B')));
    const p1 = await f.iam.listRoles(ACCOUNT, '/paged/', { maxItems: 2 });
    assert.deepEqual(p1.items.map((r) => r.roleName), ['A1', 'A2']);
    assert.equal(p1.isTruncated, true);
    assert.ok(p1.marker && p1.marker.length <= 320);
    const p2 = await f.iam.listRoles(ACCOUNT, '/paged/', { maxItems: 2, marker: p1.marker });
    assert.deepEqual(p2.items.map((r) => r.roleName), ['A3']);
    await rejects(f.iam.listRoles(ACCOUNT, '/', { marker: p1.marker }), { reason: 'InvalidInput', field: 'Marker' });
    await rejects(f.iam.listRoles(ACCOUNT, '/', { marker: 'garbage' }), { field: 'Marker' });
    await rejects(f.iam.listRoles(ACCOUNT, '/', { maxItems: 1001 }), { field: 'MaxItems' });
    await rejects(f.iam.listRoles(ACCOUNT, '/', { maxItems: 0 }), { field: 'MaxItems' });
    assert.ok((await f.iam.listRoles(OTHER_ACCOUNT, undefined)).items.every((r) => r.accountId === OTHER_ACCOUNT));
  });
});

describe('iam protected roles', () => {
  let f: IamFixture;
  const SSO_PATH = '/aws-reserved/sso.amazonaws.com/';
  const NAME = 'AWSReservedSSO_Admin_0123456789abcdef';
  before(async () => {
    f = await iamFixture(sqliteBackend);
    await f.iam.createRole(ACCOUNT, { roleName: NAME, path: SSO_PATH, assumeRolePolicyDocument: TRUST, maxSessionDuration: 43200 }, PROVISIONER);
    await f.iam.putRolePolicy(ACCOUNT, NAME, 'Inline', doc(), PROVISIONER);
    await f.iam.attachRolePolicy(ACCOUNT, NAME, 'arn:aws:iam::aws:policy/ReadOnlyAccess', PROVISIONER);
  });
  after(() => f.dispose());

  const refused = { code: 'AccessDenied', reason: 'UnmodifiableEntity', message: `Cannot perform the operation on the protected role '${NAME}' - this role is only modifiable by AWS` };

  test('API callers cannot create roles under the service paths', async () => {
    await rejects(f.iam.createRole(ACCOUNT, { roleName: 'Sneaky', path: SSO_PATH, assumeRolePolicyDocument: TRUST }), { code: 'AccessDenied' });
    await rejects(
      f.iam.createRole(ACCOUNT, { roleName: 'AWSServiceRoleForX', path: '/aws-service-role/x.amazonaws.com/', assumeRolePolicyDocument: TRUST }),
      { code: 'AccessDenied' },
    );
  });

  test('every role-mutating operation refuses API callers', async () => {
    const arn = 'arn:aws:iam::aws:policy/ReadOnlyAccess';
    const attempts: [string, () => Promise<unknown>][] = [
      ['DeleteRole', () => f.iam.deleteRole(ACCOUNT, NAME)],
      ['UpdateRole', () => f.iam.updateRole(ACCOUNT, NAME, { maxSessionDuration: 3600 })],
      ['UpdateRoleDescription', () => f.iam.updateRoleDescription(ACCOUNT, NAME, 'x')],
      ['UpdateAssumeRolePolicy', () => f.iam.updateAssumeRolePolicy(ACCOUNT, NAME, TRUST)],
      ['PutRolePolicy', () => f.iam.putRolePolicy(ACCOUNT, NAME, 'X', doc())],
      ['DeleteRolePolicy', () => f.iam.deleteRolePolicy(ACCOUNT, NAME, 'Inline')],
      ['AttachRolePolicy', () => f.iam.attachRolePolicy(ACCOUNT, NAME, 'arn:aws:iam::aws:policy/AdministratorAccess')],
      ['DetachRolePolicy', () => f.iam.detachRolePolicy(ACCOUNT, NAME, arn)],
      ['PutRolePermissionsBoundary', () => f.iam.putRolePermissionsBoundary(ACCOUNT, NAME, arn)],
      ['DeleteRolePermissionsBoundary', () => f.iam.deleteRolePermissionsBoundary(ACCOUNT, NAME)],
      ['TagRole', () => f.iam.tagRole(ACCOUNT, NAME, [{ key: 'a', value: 'b' }])],
      ['UntagRole', () => f.iam.untagRole(ACCOUNT, NAME, ['a'])],
    ];
    for (const [op, attempt] of attempts) await rejects(attempt(), refused, op);
  });

  test('reads are allowed, and the provisioner may change and delete the role', async () => {
    assert.equal((await f.iam.getRole(ACCOUNT, NAME)).maxSessionDuration, 43200);
    assert.deepEqual((await f.iam.listRolePolicies(ACCOUNT, NAME)).items, ['Inline']);
    await f.iam.tagRole(ACCOUNT, NAME, [{ key: 'a', value: 'b' }], PROVISIONER);
    await f.iam.detachRolePolicy(ACCOUNT, NAME, 'arn:aws:iam::aws:policy/ReadOnlyAccess', PROVISIONER);
    await f.iam.deleteRolePolicy(ACCOUNT, NAME, 'Inline', PROVISIONER);
    await f.iam.deleteRole(ACCOUNT, NAME, PROVISIONER);
  });
});
