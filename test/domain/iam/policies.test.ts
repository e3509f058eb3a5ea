// Managed policies in the domain: customer managed policies and their versions, AWS managed
// policies, listing and usage, and DeleteConflict cases.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sqliteBackend } from '../../support/backends.js';
import { listAwsManagedPolicies } from '../../../src/domain/iam/aws-managed-policies.js';
import { iamFixture, rejects, TRUST, doc, ACCOUNT, OTHER_ACCOUNT, type IamFixture } from './support.js';

const ADMIN = 'arn:aws:iam::aws:policy/AdministratorAccess';
const READONLY = 'arn:aws:iam::aws:policy/ReadOnlyAccess';

describe('iam managed policies', () => {
  let f: IamFixture;
  let arn: string;
  before(async () => {
    f = await iamFixture(sqliteBackend);
    await f.iam.createRole(ACCOUNT, { roleName: 'Worker', assumeRolePolicyDocument: TRUST });
    await f.iam.createIamUser(ACCOUNT, { userName: 'bob', path: '/people/' });
  });
  after(() => f.dispose());

  test('CreatePolicy returns an ANPA id, its ARN with path, v1 as default, no attachments', async () => {
    const p = await f.iam.createPolicy(ACCOUNT, {
      policyName: 'S3Read',
      path: '/data/',
      policyDocument: doc(),
      description: 'read s3',
      tags: [{ key: 'owner', value: 'data' }],
    });
    arn = p.arn;
    assert.match(p.policyId, /^ANPA[A-Z2-7]{17}$/);
    assert.equal(p.arn, `arn:aws:iam::${ACCOUNT}:policy/data/S3Read`);
    assert.equal(p.defaultVersionId, 'v1');
    assert.equal(p.attachmentCount, 0);
    assert.equal(p.isAttachable, true);
    assert.equal(p.description, 'read s3');
    assert.deepEqual(p.tags, [{ key: 'owner', value: 'data' }]);
  });

  test('policy names are unique per account regardless of case and path', async () => {
    await rejects(f.iam.createPolicy(ACCOUNT, { policyName: 's3read', policyDocument: doc() }), {
      code: 'Conflict',
      reason: 'EntityAlreadyExists',
      message: 'A policy called s3read already exists. Duplicate names are not allowed.',
    });
    await f.iam.createPolicy(OTHER_ACCOUNT, { policyName: 'S3Read', policyDocument: doc() });
  });

  test('documents: invalid JSON and grammar are MalformedPolicyDocument; over 6,144 characters is LimitExceeded', async () => {
    await rejects(f.iam.createPolicy(ACCOUNT, { policyName: 'Bad', policyDocument: 'nope' }), { code: 'Validation', reason: 'MalformedPolicyDocument' });
    await rejects(f.iam.createPolicy(ACCOUNT, { policyName: 'Bad', policyDocument: '{"Version":"2012-10-17"}' }), { reason: 'MalformedPolicyDocument' });
    const huge = doc(`s3:${'x'.repeat(6200)}`);
    await rejects(f.iam.createPolicy(ACCOUNT, { policyName: 'Huge', policyDocument: huge }), { code: 'LimitExceeded', message: 'Cannot exceed quota for PolicySize: 6144' });
    await rejects(f.iam.createPolicyVersion(ACCOUNT, arn, huge), { code: 'LimitExceeded' });
  });

  test('GetPolicy reports attachments and boundary usage; unknown ARNs are NoSuchEntity', async () => {
    await f.iam.attachRolePolicy(ACCOUNT, 'Worker', arn);
    await f.iam.putUserPermissionsBoundary(ACCOUNT, 'bob', arn);
    const p = await f.iam.getPolicy(ACCOUNT, arn);
    assert.equal(p.attachmentCount, 1);
    assert.equal(p.permissionsBoundaryUsageCount, 1);
    await rejects(f.iam.getPolicy(ACCOUNT, `arn:aws:iam::${ACCOUNT}:policy/Missing`), { code: 'NotFound', resource: 'Policy' });
    await rejects(f.iam.getPolicy(OTHER_ACCOUNT, arn), { code: 'NotFound' });
    await rejects(f.iam.getPolicy(ACCOUNT, 'arn:aws:s3:::bucket'), { reason: 'InvalidInput' });
  });

  test('AWS managed policies: GetPolicy and GetPolicyVersion (URL-encoded) work; they cannot be changed', async () => {
    const p = await f.iam.getPolicy(ACCOUNT, ADMIN);
    assert.equal(p.policyName, 'AdministratorAccess');
    assert.equal(p.path, '/');
    assert.match(p.policyId, /^ANPA[A-Z2-7]{17}$/);
    assert.equal((await f.iam.getPolicy(ACCOUNT, ADMIN)).policyId, p.policyId);
    const v = await f.iam.getPolicyVersion(ACCOUNT, ADMIN, p.defaultVersionId);
    assert.equal(v.isDefaultVersion, true);
    assert.deepEqual(JSON.parse(decodeURIComponent(v.document!)), {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
    });
    assert.ok(!v.document!.includes('{'));
    const lambda = await f.iam.getPolicy(ACCOUNT, 'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole');
    assert.equal(lambda.path, '/service-role/');
    await rejects(f.iam.getPolicyVersion(ACCOUNT, ADMIN, 'v999'), { code: 'NotFound', resource: 'PolicyVersion' });
    const old = await f.iam.getPolicyVersion(ACCOUNT, 'arn:aws:iam::aws:policy/PowerUserAccess', 'v1');
    assert.equal(old.isDefaultVersion, false);
    assert.deepEqual(JSON.parse(decodeURIComponent(old.document!)).Statement, [{ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }]);
    await rejects(f.iam.createPolicyVersion(ACCOUNT, ADMIN, doc()), { reason: 'InvalidInput' });
    await rejects(f.iam.deletePolicy(ACCOUNT, ADMIN), { reason: 'InvalidInput' });
    const versions = await f.iam.listPolicyVersions(ACCOUNT, READONLY, { maxItems: 3 });
    assert.equal(versions.items.length, 3);
    assert.equal(versions.items[0]!.isDefaultVersion, true);
  });

  test('policy versions: create, default, at most five, list newest first, delete, set default', async () => {
    const v2 = await f.iam.createPolicyVersion(ACCOUNT, arn, doc('s3:ListBucket'));
    assert.deepEqual(v2, { versionId: 'v2', isDefaultVersion: false, createdAt: f.clock.now() });
    const v3 = await f.iam.createPolicyVersion(ACCOUNT, arn, doc('s3:PutObject'), true);
    assert.equal(v3.isDefaultVersion, true);
    assert.equal((await f.iam.getPolicy(ACCOUNT, arn)).defaultVersionId, 'v3');
    await f.iam.createPolicyVersion(ACCOUNT, arn, doc('s3:A'));
    await f.iam.createPolicyVersion(ACCOUNT, arn, doc('s3:B'));
    await rejects(f.iam.createPolicyVersion(ACCOUNT, arn, doc('s3:C')), {
      code: 'LimitExceeded',
      message: 'A managed policy can have up to 5 versions. Before you create a new version, you must delete an existing version.',
    });
    const listed = await f.iam.listPolicyVersions(ACCOUNT, arn);
    assert.deepEqual(listed.items.map((v) => [v.versionId, v.isDefaultVersion]), [
      ['v5', false],
      ['v4', false],
      ['v3', true],
      ['v2', false],
      ['v1', false],
    ]);
    const p1 = await f.iam.listPolicyVersions(ACCOUNT, arn, { maxItems: 2 });
    const p2 = await f.iam.listPolicyVersions(ACCOUNT, arn, { maxItems: 2, marker: p1.marker });
    assert.deepEqual([...p1.items, ...p2.items].map((v) => v.versionId), ['v5', 'v4', 'v3', 'v2']);
    await rejects(f.iam.deletePolicyVersion(ACCOUNT, arn, 'v3'), {
      code: 'InvalidState',
      reason: 'DeleteConflict',
      message: 'Cannot delete the default version of a policy.',
    });
    await f.iam.deletePolicyVersion(ACCOUNT, arn, 'v1');
    await rejects(f.iam.getPolicyVersion(ACCOUNT, arn, 'v1'), { code: 'NotFound' });
    await rejects(f.iam.deletePolicyVersion(ACCOUNT, arn, 'v1'), { code: 'NotFound' });
    // Version numbers are never reused.
    assert.equal((await f.iam.createPolicyVersion(ACCOUNT, arn, doc('s3:D'))).versionId, 'v6');
    await f.iam.setDefaultPolicyVersion(ACCOUNT, arn, 'v2');
    const v = await f.iam.getPolicyVersion(ACCOUNT, arn, 'v2');
    assert.equal(v.isDefaultVersion, true);
    assert.equal(decodeURIComponent(v.document!), doc('s3:ListBucket'));
    await rejects(f.iam.setDefaultPolicyVersion(ACCOUNT, arn, 'v9'), { code: 'NotFound' });
  });

  test('ListEntitiesForPolicy lists the users and roles using a policy, filtered', async () => {
    const all = await f.iam.listEntitiesForPolicy(ACCOUNT, arn);
    assert.deepEqual(all.items.map((e) => [e.kind, e.name]), [['role', 'Worker'], ['user', 'bob']].sort());
    const roles = await f.iam.listEntitiesForPolicy(ACCOUNT, arn, { entityFilter: 'Role' });
    assert.deepEqual(roles.items.map((e) => e.name), ['Worker']);
    const boundaries = await f.iam.listEntitiesForPolicy(ACCOUNT, arn, { policyUsageFilter: 'PermissionsBoundary' });
    assert.deepEqual(boundaries.items.map((e) => e.name), ['bob']);
    const byPath = await f.iam.listEntitiesForPolicy(ACCOUNT, arn, { pathPrefix: '/people/' });
    assert.deepEqual(byPath.items.map((e) => e.name), ['bob']);
    await rejects(f.iam.listEntitiesForPolicy(ACCOUNT, `arn:aws:iam::${ACCOUNT}:policy/Missing`), { code: 'NotFound' });
  });

  test('ListPolicies: scope, OnlyAttached, PathPrefix, usage filter, pagination', async () => {
    const local = await f.iam.listPolicies(ACCOUNT, { scope: 'Local' });
    assert.deepEqual(local.items.map((p) => p.policyName), ['S3Read']);
    const aws = await f.iam.listPolicies(ACCOUNT, { scope: 'AWS' }, { maxItems: 5 });
    assert.equal(aws.items.length, 5);
    assert.equal(aws.isTruncated, true);
    assert.ok(aws.items.every((p) => p.arn.startsWith('arn:aws:iam::aws:policy/')));
    await f.iam.attachRolePolicy(ACCOUNT, 'Worker', READONLY);
    const attached = await f.iam.listPolicies(ACCOUNT, { onlyAttached: true });
    assert.deepEqual(attached.items.map((p) => p.policyName), ['ReadOnlyAccess', 'S3Read']);
    const boundaries = await f.iam.listPolicies(ACCOUNT, { onlyAttached: true, policyUsageFilter: 'PermissionsBoundary' });
    assert.deepEqual(boundaries.items.map((p) => p.policyName), ['S3Read']);
    const byPath = await f.iam.listPolicies(ACCOUNT, { pathPrefix: '/data/' });
    assert.deepEqual(byPath.items.map((p) => p.arn), [arn]);
    const serviceRole = await f.iam.listPolicies(ACCOUNT, { scope: 'AWS', pathPrefix: '/service-role/' }, { maxItems: 1000 });
    assert.ok(serviceRole.items.length > 10 && serviceRole.items.every((p) => p.path === '/service-role/'));
    // Walk every AWS managed policy page by page: no duplicates, nothing lost.
    const seen = new Set<string>();
    let marker: string | undefined;
    do {
      const page = await f.iam.listPolicies(ACCOUNT, { scope: 'AWS' }, { maxItems: 400, ...(marker ? { marker } : {}) });
      for (const p of page.items) {
        assert.ok(!seen.has(p.arn));
        seen.add(p.arn);
      }
      assert.ok(!page.marker || page.marker.length <= 320);
      marker = page.marker;
    } while (marker);
    assert.equal(seen.size, listAwsManagedPolicies().length);
  });

  test('DeletePolicy is refused while attached, used as a boundary, or with non-default versions', async () => {
    await rejects(f.iam.deletePolicy(ACCOUNT, arn), { code: 'InvalidState', reason: 'DeleteConflict', message: 'Cannot delete a policy attached to entities.' });
    await f.iam.detachRolePolicy(ACCOUNT, 'Worker', arn);
    await rejects(f.iam.deletePolicy(ACCOUNT, arn), { reason: 'DeleteConflict' });
    await f.iam.deleteUserPermissionsBoundary(ACCOUNT, 'bob');
    await rejects(f.iam.deletePolicy(ACCOUNT, arn), { reason: 'DeleteConflict', message: /more than one version/ });
    for (const v of (await f.iam.listPolicyVersions(ACCOUNT, arn)).items) {
      if (!v.isDefaultVersion) await f.iam.deletePolicyVersion(ACCOUNT, arn, v.versionId);
    }
    await f.iam.deletePolicy(ACCOUNT, arn);
    await rejects(f.iam.getPolicy(ACCOUNT, arn), { code: 'NotFound' });
    await rejects(f.iam.deletePolicy(ACCOUNT, arn), { code: 'NotFound' });
    // The name is free again.
    await f.iam.createPolicy(ACCOUNT, { policyName: 'S3Read', path: '/data/', policyDocument: doc() });
  });
});
