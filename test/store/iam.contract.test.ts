// The storage contract for IAM (roles, users, keys, inline and managed policies, versions,
// attachments, SAML providers, account aliases) on every back end.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BACKENDS } from '../support/backends.js';
import { openIamStore } from '../domain/iam/support.js';
import type { Store } from '../../src/domain/store.js';
import type { IamRole, ManagedPolicy, SamlProvider } from '../../src/domain/iam/iam-repository.js';

const A = '111122223333';
const B = '444455556666';

for (const backend of BACKENDS) {
  describe(`iam storage contract (${backend.name})`, () => {
    let store: Store;
    let dispose: () => Promise<void>;
    before(async () => ({ store, dispose } = await openIamStore(backend)));
    after(() => dispose());

    const role: IamRole = {
      accountId: A,
      roleName: 'DevRole',
      roleId: 'AROAEXAMPLEEXAMPLE01',
      path: '/team/',
      arn: `arn:aws:iam::${A}:role/team/DevRole`,
      createdAt: 1_700_000_000_123,
      assumeRolePolicyDocument: '{"Statement":[]}',
      description: 'dev',
      maxSessionDuration: 3600,
      permissionsBoundaryArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess',
      tags: [{ key: 'team', value: 'blue' }],
    };

    test('roles round-trip and are found regardless of case', async () => {
      await store.iam.createRole(role);
      assert.deepEqual(await store.iam.getRole(A, 'DevRole'), role);
      assert.deepEqual(await store.iam.getRole(A, 'devrole'), role);
      assert.equal(await store.iam.getRole(B, 'DevRole'), undefined);
    });

    test('a role whose name differs only in case is a Conflict', async () => {
      await assert.rejects(store.iam.createRole({ ...role, roleName: 'DEVROLE', roleId: 'AROAEXAMPLEEXAMPLE02' }), {
        code: 'Conflict',
        message: 'Role with name DEVROLE already exists.',
      });
      await store.iam.createRole({ ...role, accountId: B, roleId: 'AROAEXAMPLEEXAMPLE03', arn: `arn:aws:iam::${B}:role/team/DevRole` });
    });

    test('optional role fields are cleared by an update', async () => {
      const { description: _d, permissionsBoundaryArn: _b, ...bare } = role;
      await store.iam.updateRole({ ...bare, maxSessionDuration: 7200, tags: [] });
      assert.deepEqual(await store.iam.getRole(A, 'DevRole'), { ...bare, maxSessionDuration: 7200, tags: [] });
      assert.equal((await store.iam.listRoles(A)).length, 1);
      await store.iam.updateRole(role);
    });

    test('users round-trip with boundary and tags, found regardless of case', async () => {
      const user = { accountId: A, userName: 'Alice', userId: 'AIDAEXAMPLE1', path: '/', arn: `arn:aws:iam::${A}:user/Alice`, createdAt: 5 };
      await store.iam.createUser(user);
      assert.deepEqual(await store.iam.getUser(A, 'alice'), user);
      await assert.rejects(store.iam.createUser({ ...user, userName: 'ALICE', userId: 'AIDAEXAMPLE2' }), { code: 'Conflict' });
      const updated = { ...user, permissionsBoundaryArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess', tags: [{ key: 'k', value: 'v' }] };
      await store.iam.updateUser(updated);
      assert.deepEqual(await store.iam.getUser(A, 'Alice'), updated);
      await store.iam.updateUser(user);
      assert.deepEqual(await store.iam.listUsers(A), [user]);
    });

    test('access keys: list per user, status, last used, delete', async () => {
      const key = { accessKeyId: 'AKIAEXAMPLE0001', accountId: A, userName: 'Alice', secretSealed: 'gh1.k.x', status: 'Active' as const, createdAt: 7 };
      await store.iam.createAccessKey(key);
      await store.iam.createAccessKey({ ...key, accessKeyId: 'AKIAEXAMPLE0002', lastUsed: { at: 9, serviceName: 'sts', region: 'us-east-1' } });
      assert.deepEqual(await store.iam.getAccessKey('AKIAEXAMPLE0001'), key);
      assert.equal('lastUsed' in key, false);
      assert.deepEqual((await store.iam.listAccessKeys(A, 'Alice')).map((k) => k.accessKeyId), ['AKIAEXAMPLE0001', 'AKIAEXAMPLE0002']);
      assert.deepEqual((await store.iam.getAccessKey('AKIAEXAMPLE0002'))?.lastUsed, { at: 9, serviceName: 'sts', region: 'us-east-1' });
      await store.iam.recordAccessKeyUse('AKIAEXAMPLE0001', { at: 11, serviceName: 'iam', region: 'eu-west-1' });
      assert.deepEqual((await store.iam.getAccessKey('AKIAEXAMPLE0001'))?.lastUsed, { at: 11, serviceName: 'iam', region: 'eu-west-1' });
      await store.iam.updateAccessKeyStatus('AKIAEXAMPLE0001', 'Inactive');
      assert.equal((await store.iam.getAccessKey('AKIAEXAMPLE0001'))?.status, 'Inactive');
      await store.iam.deleteAccessKey('AKIAEXAMPLE0002');
      assert.equal(await store.iam.getAccessKey('AKIAEXAMPLE0002'), undefined);
    });

    test('inline policies are upserted by name regardless of case', async () => {
      const ref = { kind: 'role' as const, name: 'devrole' };
      await store.iam.putInlinePolicy({ accountId: A, principalKind: 'role', principalName: 'DevRole', policyName: 'Read', document: '{"a":1}' });
      await store.iam.putInlinePolicy({ accountId: A, principalKind: 'role', principalName: 'DevRole', policyName: 'READ', document: '{"a":2}' });
      const list = await store.iam.listInlinePolicies(A, ref);
      assert.deepEqual(list, [{ accountId: A, principalKind: 'role', principalName: 'DevRole', policyName: 'READ', document: '{"a":2}' }]);
      assert.equal((await store.iam.getInlinePolicy(A, ref, 'read'))?.document, '{"a":2}');
      assert.equal((await store.iam.listInlinePolicies(A, { kind: 'user', name: 'DevRole' })).length, 0);
      await store.iam.deleteInlinePolicy(A, ref, 'Read');
      assert.equal(await store.iam.getInlinePolicy(A, ref, 'READ'), undefined);
    });

    const policy: ManagedPolicy = {
      accountId: A,
      policyName: 'Mine',
      policyId: 'ANPAEXAMPLE1',
      arn: `arn:aws:iam::${A}:policy/Mine`,
      path: '/',
      description: 'mine',
      defaultVersionId: 'v1',
      nextVersion: 2,
      createdAt: 1,
      updatedAt: 1,
      tags: [],
    };

    test('managed policies and versions round-trip; names are unique per account regardless of case', async () => {
      await store.iam.createManagedPolicy(policy);
      await store.iam.createPolicyVersion({ policyArn: policy.arn, versionId: 'v1', document: '{}', createdAt: 1 });
      assert.deepEqual(await store.iam.getManagedPolicy(policy.arn), policy);
      await assert.rejects(
        store.iam.createManagedPolicy({ ...policy, policyName: 'MINE', policyId: 'ANPAEXAMPLE2', arn: `arn:aws:iam::${A}:policy/x/MINE` }),
        { code: 'Conflict' },
      );
      await store.iam.updateManagedPolicy({ ...policy, defaultVersionId: 'v2', nextVersion: 3, updatedAt: 2 });
      assert.deepEqual(await store.iam.getManagedPolicy(policy.arn), { ...policy, defaultVersionId: 'v2', nextVersion: 3, updatedAt: 2 });
      await store.iam.createPolicyVersion({ policyArn: policy.arn, versionId: 'v2', document: '{"b":1}', createdAt: 2 });
      assert.deepEqual((await store.iam.listPolicyVersions(policy.arn)).map((v) => v.versionId), ['v1', 'v2']);
      assert.equal((await store.iam.getPolicyVersion(policy.arn, 'v2'))?.document, '{"b":1}');
      await store.iam.deletePolicyVersion(policy.arn, 'v1');
      assert.equal(await store.iam.getPolicyVersion(policy.arn, 'v1'), undefined);
      assert.deepEqual((await store.iam.listManagedPolicies(A)).map((p) => p.policyName), ['Mine']);
    });

    test('attachments: idempotent attach, detach reports whether there was one', async () => {
      const att = { accountId: A, principalKind: 'role' as const, principalName: 'DevRole', policyArn: policy.arn };
      await store.iam.attachPolicy(att);
      await store.iam.attachPolicy({ ...att, principalName: 'devrole' });
      await store.iam.attachPolicy({ ...att, policyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' });
      assert.equal((await store.iam.listAttachedPolicies(A, { kind: 'role', name: 'DEVROLE' })).length, 2);
      assert.deepEqual(await store.iam.listAttachments(A, policy.arn), [att]);
      assert.equal((await store.iam.listAttachments(A)).length, 2);
      assert.equal(await store.iam.detachPolicy(att), true);
      assert.equal(await store.iam.detachPolicy(att), false);
    });

    test('SAML providers round-trip; a second of the same name is a Conflict', async () => {
      const p: SamlProvider = { accountId: A, name: 'Corp', arn: `arn:aws:iam::${A}:saml-provider/Corp`, metadataDocument: '<x/>', createdAt: 3, tags: [] };
      await store.iam.createSamlProvider(p);
      assert.deepEqual(await store.iam.getSamlProvider(p.arn), p);
      await assert.rejects(store.iam.createSamlProvider({ ...p, name: 'corp', arn: `${p.arn}2` }), { code: 'Conflict' });
      await store.iam.updateSamlProvider({ ...p, metadataDocument: '<y/>', validUntil: 10 });
      assert.deepEqual(await store.iam.listSamlProviders(A), [{ ...p, metadataDocument: '<y/>', validUntil: 10 }]);
      await store.iam.deleteSamlProvider(p.arn);
      assert.equal(await store.iam.getSamlProvider(p.arn), undefined);
    });

    test('account aliases are unique across accounts, one per account', async () => {
      await store.iam.createAccountAlias({ accountId: A, alias: 'acme' });
      await assert.rejects(store.iam.createAccountAlias({ accountId: B, alias: 'acme' }), { code: 'Conflict' });
      await assert.rejects(store.iam.createAccountAlias({ accountId: A, alias: 'acme2' }), { code: 'Conflict' });
      assert.deepEqual(await store.iam.listAccountAliases(A), [{ accountId: A, alias: 'acme' }]);
      await store.iam.deleteAccountAlias(A, 'acme');
      assert.deepEqual(await store.iam.listAccountAliases(A), []);
    });

    test('a failed transaction leaves nothing behind', async () => {
      await assert.rejects(
        store.transaction(async (tx) => {
          await tx.iam.createRole({ ...role, roleName: 'Temp', roleId: 'AROAEXAMPLEEXAMPLE09' });
          throw new Error('boom');
        }),
        /boom/,
      );
      assert.equal(await store.iam.getRole(A, 'Temp'), undefined);
    });

    test('deletes remove roles and users', async () => {
      await store.iam.deleteRole(A, 'devrole');
      assert.equal(await store.iam.getRole(A, 'DevRole'), undefined);
      await store.iam.deleteUser(A, 'ALICE');
      assert.equal(await store.iam.getUser(A, 'Alice'), undefined);
    });
  });
}
