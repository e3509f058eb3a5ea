// IAM users in the domain: users, access keys (sealed secrets, quota, status), user inline and
// attached policies, boundary, and DeleteConflict cases.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sqliteBackend } from '../../support/backends.js';
import { iamFixture, rejects, doc, ACCOUNT, OTHER_ACCOUNT, type IamFixture } from './support.js';

describe('iam users and access keys', () => {
  let f: IamFixture;
  before(async () => (f = await iamFixture(sqliteBackend)));
  after(() => f.dispose());

  test('CreateUser returns an AIDA id and ARN with path; names are unique regardless of case', async () => {
    const u = await f.iam.createIamUser(ACCOUNT, { userName: 'Carol', path: '/staff/', tags: [{ key: 'dept', value: 'ops' }] });
    assert.match(u.userId, /^AIDA[A-Z2-7]{17}$/);
    assert.equal(u.arn, `arn:aws:iam::${ACCOUNT}:user/staff/Carol`);
    assert.deepEqual(u.tags, [{ key: 'dept', value: 'ops' }]);
    await rejects(f.iam.createIamUser(ACCOUNT, { userName: 'carol' }), { code: 'Conflict', reason: 'EntityAlreadyExists' });
    await f.iam.createIamUser(OTHER_ACCOUNT, { userName: 'carol' });
    await rejects(f.iam.createIamUser(ACCOUNT, { userName: 'x', permissionsBoundary: 'arn:aws:iam::aws:policy/Nope' }), { code: 'NotFound' });
  });

  test('GetUser and ListUsers (path prefix, pagination)', async () => {
    assert.equal((await f.iam.getUser(ACCOUNT, 'CAROL')).userName, 'Carol');
    await rejects(f.iam.getUser(ACCOUNT, 'nobody'), { code: 'NotFound', message: 'The user with name nobody cannot be found.' });
    await f.iam.createIamUser(ACCOUNT, { userName: 'dave', path: '/staff/' });
    await f.iam.createIamUser(ACCOUNT, { userName: 'erin' });
    assert.deepEqual((await f.iam.listUsers(ACCOUNT, '/staff/')).items.map((u) => u.userName), ['Carol', 'dave']);
    const p1 = await f.iam.listUsers(ACCOUNT, undefined, { maxItems: 2 });
    const p2 = await f.iam.listUsers(ACCOUNT, undefined, { maxItems: 2, marker: p1.marker });
    assert.deepEqual([...p1.items, ...p2.items].map((u) => u.userName), ['Carol', 'dave', 'erin']);
    assert.equal(p2.isTruncated, false);
  });

  test('CreateAccessKey: AKIA id, secret returned once and sealed at rest, at most two a user', async () => {
    const k1 = await f.iam.createUserAccessKey(ACCOUNT, 'carol');
    assert.match(k1.accessKeyId, /^AKIA[A-Z2-7]{16}$/);
    assert.equal(k1.secretAccessKey.length, 40);
    assert.equal(k1.userName, 'Carol');
    assert.equal(k1.status, 'Active');
    const stored = await f.store.iam.getAccessKey(k1.accessKeyId);
    assert.ok(stored && !stored.secretSealed.includes(k1.secretAccessKey));
    const resolved = await f.iam.resolveAccessKey(k1.accessKeyId);
    assert.equal(resolved?.secretAccessKey, k1.secretAccessKey);
    assert.equal(resolved?.principal.arn, `arn:aws:iam::${ACCOUNT}:user/staff/Carol`);
    await f.iam.createUserAccessKey(ACCOUNT, 'Carol');
    await rejects(f.iam.createUserAccessKey(ACCOUNT, 'Carol'), { code: 'LimitExceeded', message: 'Cannot exceed quota for AccessKeysPerUser: 2' });
    await rejects(f.iam.createUserAccessKey(ACCOUNT, 'nobody'), { code: 'NotFound' });
  });

  test('ListAccessKeys, UpdateAccessKey (Inactive keys do not resolve), GetAccessKeyLastUsed, DeleteAccessKey', async () => {
    const keys = await f.iam.listAccessKeys(ACCOUNT, 'Carol');
    assert.equal(keys.items.length, 2);
    assert.ok(keys.items.every((k) => !('secretAccessKey' in k)));
    const id = keys.items[0]!.accessKeyId;
    await f.iam.updateAccessKey(ACCOUNT, 'Carol', id, 'Inactive');
    assert.equal((await f.iam.listAccessKeys(ACCOUNT, 'Carol')).items[0]!.status, 'Inactive');
    assert.equal(await f.iam.resolveAccessKey(id), undefined);
    await f.iam.updateAccessKey(ACCOUNT, 'Carol', id, 'Active');
    assert.ok(await f.iam.resolveAccessKey(id));
    assert.deepEqual(await f.iam.getAccessKeyLastUsed(ACCOUNT, id), { userName: 'Carol', lastUsed: { serviceName: 'N/A', region: 'N/A' } });
    await rejects(f.iam.getAccessKeyLastUsed(OTHER_ACCOUNT, id), { code: 'NotFound' });
    await f.iam.recordAccessKeyUse(id, 'sts', 'us-east-1');
    assert.deepEqual(await f.iam.getAccessKeyLastUsed(ACCOUNT, id), { userName: 'Carol', lastUsed: { at: f.clock.now(), serviceName: 'sts', region: 'us-east-1' } });
    await rejects(f.iam.updateAccessKey(ACCOUNT, 'dave', id, 'Inactive'), { code: 'NotFound', message: `The Access Key with id ${id} cannot be found.` });
    await rejects(f.iam.deleteAccessKey(ACCOUNT, 'Carol', 'AKIADOESNOTEXIST0000'), { code: 'NotFound' });
    await f.iam.deleteAccessKey(ACCOUNT, 'Carol', id);
    assert.equal((await f.iam.listAccessKeys(ACCOUNT, 'Carol')).items.length, 1);
  });

  test('user inline policies: put, get URL-encoded, list, the 2,048-character quota, delete', async () => {
    await f.iam.putUserPolicy(ACCOUNT, 'Carol', 'Mine', doc('sqs:SendMessage'));
    const got = await f.iam.getUserPolicy(ACCOUNT, 'carol', 'mine');
    assert.equal(got.principalName, 'Carol');
    assert.equal(decodeURIComponent(got.policyDocument), doc('sqs:SendMessage'));
    assert.ok(got.policyDocument.startsWith('%7B%22Version%22%3A'));
    assert.deepEqual((await f.iam.listUserPolicies(ACCOUNT, 'Carol')).items, ['Mine']);
    await rejects(f.iam.putUserPolicy(ACCOUNT, 'Carol', 'Big', doc(`s3:${'x'.repeat(2000)}`)), {
      code: 'LimitExceeded',
      message: 'Maximum policy size of 2048 bytes exceeded for user Carol',
    });
    await rejects(f.iam.getUserPolicy(ACCOUNT, 'Carol', 'Nope'), { code: 'NotFound', message: 'The user policy with name Nope cannot be found.' });
  });

  test('user attached policies and boundary', async () => {
    await f.iam.attachUserPolicy(ACCOUNT, 'Carol', 'arn:aws:iam::aws:policy/ReadOnlyAccess');
    assert.deepEqual((await f.iam.listAttachedUserPolicies(ACCOUNT, 'Carol')).items, [
      { policyName: 'ReadOnlyAccess', policyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' },
    ]);
    assert.equal((await f.iam.listAttachedUserPolicies(ACCOUNT, 'Carol', '/service-role/')).items.length, 0);
    await rejects(f.iam.attachUserPolicy(ACCOUNT, 'Carol', 'arn:aws:iam::aws:policy/Nope'), { code: 'NotFound' });
    await f.iam.putUserPermissionsBoundary(ACCOUNT, 'Carol', 'arn:aws:iam::aws:policy/PowerUserAccess');
    assert.equal((await f.iam.getUser(ACCOUNT, 'Carol')).permissionsBoundaryArn, 'arn:aws:iam::aws:policy/PowerUserAccess');
  });

  test('DeleteUser is refused while it has access keys, inline policies or attached policies', async () => {
    await rejects(f.iam.deleteUser(ACCOUNT, 'Carol'), { code: 'InvalidState', reason: 'DeleteConflict', message: 'Cannot delete entity, must delete access keys first.' });
    for (const k of (await f.iam.listAccessKeys(ACCOUNT, 'Carol')).items) await f.iam.deleteAccessKey(ACCOUNT, 'Carol', k.accessKeyId);
    await rejects(f.iam.deleteUser(ACCOUNT, 'Carol'), { reason: 'DeleteConflict', message: 'Cannot delete entity, must delete policies first.' });
    await f.iam.deleteUserPolicy(ACCOUNT, 'Carol', 'Mine');
    await rejects(f.iam.deleteUserPolicy(ACCOUNT, 'Carol', 'Mine'), { code: 'NotFound' });
    await rejects(f.iam.deleteUser(ACCOUNT, 'Carol'), { reason: 'DeleteConflict', message: 'Cannot delete entity, must detach all policies first.' });
    await f.iam.detachUserPolicy(ACCOUNT, 'Carol', 'arn:aws:iam::aws:policy/ReadOnlyAccess');
    await f.iam.deleteUserPermissionsBoundary(ACCOUNT, 'Carol');
    await f.iam.deleteUser(ACCOUNT, 'Carol');
    await rejects(f.iam.getUser(ACCOUNT, 'Carol'), { code: 'NotFound' });
    await rejects(f.iam.deleteUser(ACCOUNT, 'Carol'), { code: 'NotFound' });
  });

  test('the bootstrap path: createUser(repos, …) and createAccessKey(repos, user, fixed) inside a transaction', async () => {
    const fixed = { accessKeyId: 'AKIAFIXEDFIXEDFIXED2', secretAccessKey: 'fixed-secret-fixed-secret-fixed-secret-00' };
    await f.store.transaction(async (tx) => {
      const admin = await f.iam.createUser(tx, ACCOUNT, 'admin');
      assert.deepEqual(await f.iam.createAccessKey(tx, admin, fixed), fixed);
    });
    const resolved = await f.iam.resolveAccessKey(fixed.accessKeyId);
    assert.equal(resolved?.principal.arn, `arn:aws:iam::${ACCOUNT}:user/admin`);
    assert.equal(resolved?.secretAccessKey, fixed.secretAccessKey);
  });
});
