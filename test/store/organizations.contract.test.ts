// The organizations storage contract: every back end must pass it.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BACKENDS } from '../support/backends.js';
import type { KyselyStore } from '../../src/store/kysely-store.js';
import type { OrganizationsRepository } from '../../src/domain/organizations/organizations-repository.js';
import type { Account, OrganizationalUnit, Policy } from '../../src/domain/organizations/model.js';
import { isGatehouseError } from '../../src/lib/errors.js';

const ORG = {
  id: 'o-abcdefghij',
  arn: 'arn:aws:organizations::111111111111:organization/o-abcdefghij',
  featureSet: 'ALL' as const,
  managementAccountId: '111111111111',
  managementAccountArn: 'arn:aws:organizations::111111111111:account/o-abcdefghij/111111111111',
  managementAccountEmail: 'mgmt@example.com',
  createdAt: 1_700_000_000_000,
};

const account = (id: string, email: string, parentId = 'r-ab12', joinedAt = 1_700_000_000_000): Account => ({
  id, arn: `arn:aws:organizations::111111111111:account/o-abcdefghij/${id}`, name: `acct ${id}`, email,
  status: 'ACTIVE', joinedMethod: 'CREATED', joinedAt, parentId,
});

const ou = (id: string, name: string, parentId = 'r-ab12'): OrganizationalUnit => ({
  id, arn: `arn:aws:organizations::111111111111:ou/o-abcdefghij/${id}`, name, parentId, createdAt: 1_700_000_000_000,
});

const policy = (id: string, name: string, awsManaged = false): Policy => ({
  id, arn: `arn:x:${id}`, name, description: 'd', type: 'SERVICE_CONTROL_POLICY', awsManaged, content: '{"Statement":[]}',
});

const rejectsConflict = async (p: Promise<unknown>, resource: string) =>
  assert.rejects(p, (e: unknown) => isGatehouseError(e) && e.code === 'Conflict' && e.details.resource === resource);

for (const backend of BACKENDS) {
  describe(`organizations repository contract (${backend.name})`, () => {
    let store: KyselyStore;
    let dispose: () => Promise<void>;
    let repo: OrganizationsRepository;

    before(async () => {
      ({ store, dispose } = await backend.open());
      repo = store.organizations;
      await repo.createOrganization(ORG);
      await repo.createRoot({ id: 'r-ab12', arn: 'arn:root', name: 'Root', createdAt: 1 });
    });
    after(async () => dispose());

    it('keeps one organization', async () => {
      assert.deepEqual(await repo.getOrganization(), ORG);
      await rejectsConflict(repo.createOrganization({ ...ORG, id: 'o-zzzzzzzzzz' }), 'Organization');
    });

    it('stores roots and their policy types', async () => {
      assert.deepEqual(await repo.getRoot('r-ab12'), { id: 'r-ab12', arn: 'arn:root', name: 'Root', createdAt: 1 });
      assert.equal(await repo.getRoot('r-none'), undefined);
      assert.equal((await repo.listRoots()).length, 1);
      await repo.putRootPolicyType({ rootId: 'r-ab12', type: 'SERVICE_CONTROL_POLICY', status: 'PENDING_ENABLE' });
      await repo.putRootPolicyType({ rootId: 'r-ab12', type: 'SERVICE_CONTROL_POLICY', status: 'ENABLED' });
      await repo.putRootPolicyType({ rootId: 'r-ab12', type: 'TAG_POLICY', status: 'ENABLED' });
      assert.deepEqual((await repo.listRootPolicyTypes('r-ab12')).map((t) => `${t.type}=${t.status}`),
        ['SERVICE_CONTROL_POLICY=ENABLED', 'TAG_POLICY=ENABLED']);
      await repo.deleteRootPolicyType('r-ab12', 'TAG_POLICY');
      assert.equal((await repo.listRootPolicyTypes('r-ab12')).length, 1);
    });

    it('stores OUs with names unique per parent', async () => {
      await repo.createOrganizationalUnit(ou('ou-ab12-11111111', 'Prod'));
      await repo.createOrganizationalUnit(ou('ou-ab12-22222222', 'Dev'));
      await repo.createOrganizationalUnit(ou('ou-ab12-33333333', 'Prod', 'ou-ab12-22222222'));
      await rejectsConflict(repo.createOrganizationalUnit(ou('ou-ab12-44444444', 'Prod')), 'OrganizationalUnit');
      await rejectsConflict(repo.renameOrganizationalUnit('ou-ab12-22222222', 'Prod'), 'OrganizationalUnit');
      await repo.renameOrganizationalUnit('ou-ab12-22222222', 'Development');
      assert.equal((await repo.getOrganizationalUnit('ou-ab12-22222222'))?.name, 'Development');
      assert.deepEqual((await repo.listOrganizationalUnitsForParent('r-ab12')).map((o) => o.id), ['ou-ab12-11111111', 'ou-ab12-22222222']);
      assert.equal((await repo.listOrganizationalUnits()).length, 3);
      await repo.deleteOrganizationalUnit('ou-ab12-33333333');
      assert.equal(await repo.getOrganizationalUnit('ou-ab12-33333333'), undefined);
    });

    it('stores accounts with unique, case-insensitive e-mail addresses', async () => {
      await repo.createAccount(account('111111111111', 'Mgmt@Example.com', 'r-ab12', 1));
      await repo.createAccount(account('222222222222', 'two@example.com', 'r-ab12', 2));
      await assert.rejects(repo.createAccount(account('333333333333', 'MGMT@example.COM')),
        (e: unknown) => isGatehouseError(e) && e.code === 'Conflict' && e.details.resource === 'Account');
      assert.equal((await repo.getAccountByEmail('mgmt@example.com'))?.id, '111111111111');
      assert.deepEqual(await repo.getAccount('222222222222'), account('222222222222', 'two@example.com', 'r-ab12', 2));
      await repo.setAccountParent('222222222222', 'ou-ab12-11111111');
      assert.deepEqual((await repo.listAccountsForParent('ou-ab12-11111111')).map((a) => a.id), ['222222222222']);
      assert.deepEqual((await repo.listAccounts()).map((a) => a.id), ['111111111111', '222222222222']);
    });

    it('stores create-account statuses and filters them by state', async () => {
      await repo.createCreateAccountStatus({ id: 'car-1', accountName: 'a', state: 'SUCCEEDED', requestedAt: 1, completedAt: 2, accountId: '222222222222' });
      await repo.createCreateAccountStatus({ id: 'car-2', accountName: 'b', state: 'FAILED', requestedAt: 3, completedAt: 3, failureReason: 'EMAIL_ALREADY_EXISTS' });
      assert.deepEqual(await repo.getCreateAccountStatus('car-2'),
        { id: 'car-2', accountName: 'b', state: 'FAILED', requestedAt: 3, completedAt: 3, failureReason: 'EMAIL_ALREADY_EXISTS' });
      assert.equal(await repo.getCreateAccountStatus('car-none'), undefined);
      assert.deepEqual((await repo.listCreateAccountStatuses()).map((s) => s.id), ['car-1', 'car-2']);
      assert.deepEqual((await repo.listCreateAccountStatuses(['FAILED'])).map((s) => s.id), ['car-2']);
    });

    it('stores policies with names unique per type', async () => {
      await repo.createPolicy(policy('p-FullAWSAccess', 'FullAWSAccess', true));
      await repo.createPolicy(policy('p-aaaaaaaa', 'DenyS3'));
      await rejectsConflict(repo.createPolicy(policy('p-bbbbbbbb', 'DenyS3')), 'Policy');
      assert.equal((await repo.getPolicy('p-FullAWSAccess'))?.awsManaged, true);
      assert.deepEqual(await repo.getPolicy('p-aaaaaaaa'), policy('p-aaaaaaaa', 'DenyS3'));
      await repo.updatePolicy({ ...policy('p-aaaaaaaa', 'DenyS3Writes'), content: '{"x":1}' });
      assert.equal((await repo.getPolicy('p-aaaaaaaa'))?.content, '{"x":1}');
      await rejectsConflict(repo.updatePolicy(policy('p-aaaaaaaa', 'FullAWSAccess')), 'Policy');
      assert.equal((await repo.listPolicies('SERVICE_CONTROL_POLICY')).length, 2);
      assert.equal((await repo.listPolicies('TAG_POLICY')).length, 0);
      await repo.createPolicy(policy('p-cccccccc', 'Temp'));
      await repo.deletePolicy('p-cccccccc');
      assert.equal(await repo.getPolicy('p-cccccccc'), undefined);
    });

    it('stores attachments', async () => {
      const at = { policyType: 'SERVICE_CONTROL_POLICY' as const, attachedAt: 5 };
      await repo.attachPolicy({ ...at, policyId: 'p-FullAWSAccess', targetId: 'r-ab12', targetType: 'ROOT' });
      await repo.attachPolicy({ ...at, policyId: 'p-FullAWSAccess', targetId: 'ou-ab12-11111111', targetType: 'ORGANIZATIONAL_UNIT' });
      await repo.attachPolicy({ ...at, policyId: 'p-aaaaaaaa', targetId: 'ou-ab12-11111111', targetType: 'ORGANIZATIONAL_UNIT' });
      await rejectsConflict(repo.attachPolicy({ ...at, policyId: 'p-aaaaaaaa', targetId: 'ou-ab12-11111111', targetType: 'ORGANIZATIONAL_UNIT' }), 'PolicyAttachment');
      assert.deepEqual((await repo.listAttachmentsForTarget('ou-ab12-11111111')).map((a) => a.policyId), ['p-FullAWSAccess', 'p-aaaaaaaa']);
      assert.deepEqual((await repo.listAttachmentsForPolicy('p-FullAWSAccess')).map((a) => a.targetId), ['ou-ab12-11111111', 'r-ab12']);
      assert.equal(await repo.detachPolicy('p-aaaaaaaa', 'ou-ab12-11111111'), true);
      assert.equal(await repo.detachPolicy('p-aaaaaaaa', 'ou-ab12-11111111'), false);
      await repo.detachAllFromTarget('ou-ab12-11111111');
      assert.equal((await repo.listAttachmentsForTarget('ou-ab12-11111111')).length, 0);
      await repo.detachAllOfType('SERVICE_CONTROL_POLICY');
      assert.equal((await repo.listAttachmentsForPolicy('p-FullAWSAccess')).length, 0);
    });

    it('stores trusted service access idempotently', async () => {
      await repo.enableServiceAccess({ servicePrincipal: 'sso.amazonaws.com', enabledAt: 10 });
      await repo.enableServiceAccess({ servicePrincipal: 'sso.amazonaws.com', enabledAt: 20 });
      assert.deepEqual(await repo.getServiceAccess('sso.amazonaws.com'), { servicePrincipal: 'sso.amazonaws.com', enabledAt: 10 });
      await repo.enableServiceAccess({ servicePrincipal: 'config.amazonaws.com', enabledAt: 30 });
      assert.deepEqual((await repo.listServiceAccess()).map((s) => s.servicePrincipal), ['config.amazonaws.com', 'sso.amazonaws.com']);
      await repo.disableServiceAccess('config.amazonaws.com');
      assert.equal(await repo.getServiceAccess('config.amazonaws.com'), undefined);
    });

    it('stores delegated administrators', async () => {
      await repo.registerDelegatedAdministrator({ accountId: '222222222222', servicePrincipal: 'sso.amazonaws.com', enabledAt: 7 });
      await repo.registerDelegatedAdministrator({ accountId: '222222222222', servicePrincipal: 'config.amazonaws.com', enabledAt: 8 });
      await rejectsConflict(repo.registerDelegatedAdministrator({ accountId: '222222222222', servicePrincipal: 'sso.amazonaws.com', enabledAt: 9 }), 'DelegatedAdministrator');
      assert.equal((await repo.listDelegatedAdministrations()).length, 2);
      assert.deepEqual(await repo.listDelegatedAdministrations('sso.amazonaws.com'),
        [{ accountId: '222222222222', servicePrincipal: 'sso.amazonaws.com', enabledAt: 7 }]);
      assert.equal((await repo.listDelegatedServicesForAccount('222222222222')).length, 2);
      assert.equal(await repo.deregisterDelegatedAdministrator('222222222222', 'config.amazonaws.com'), true);
      assert.equal(await repo.deregisterDelegatedAdministrator('222222222222', 'config.amazonaws.com'), false);
    });

    it('stores tags, overwriting values by key', async () => {
      await repo.putTags('222222222222', [{ key: 'team', value: 'a' }, { key: 'env', value: 'prod' }]);
      await repo.putTags('222222222222', [{ key: 'team', value: 'b' }]);
      assert.deepEqual(await repo.listTags('222222222222'), [{ key: 'env', value: 'prod' }, { key: 'team', value: 'b' }]);
      await repo.removeTags('222222222222', ['env', 'missing']);
      await repo.removeTags('222222222222', []);
      assert.deepEqual(await repo.listTags('222222222222'), [{ key: 'team', value: 'b' }]);
    });

    it('records access role requests until they are completed', async () => {
      const req = {
        accountId: '222222222222', roleName: 'OrganizationAccountAccessRole', trustedAccountId: '111111111111',
        managedPolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess', status: 'PENDING' as const, createdAt: 3,
      };
      await repo.createAccountRoleRequest(req);
      assert.deepEqual(await repo.listPendingAccountRoleRequests(), [req]);
      assert.equal(await repo.completeAccountRoleRequest('222222222222', 'OrganizationAccountAccessRole', 4), true);
      assert.equal(await repo.completeAccountRoleRequest('222222222222', 'OrganizationAccountAccessRole', 5), false);
      assert.deepEqual(await repo.listPendingAccountRoleRequests(), []);
    });

    it('rolls a transaction back as a whole', async () => {
      await assert.rejects(store.transaction(async (tx) => {
        await tx.organizations.createOrganizationalUnit(ou('ou-ab12-55555555', 'Rollback'));
        await tx.organizations.createOrganizationalUnit(ou('ou-ab12-66666666', 'Rollback'));
      }));
      assert.equal(await repo.getOrganizationalUnit('ou-ab12-55555555'), undefined);
    });
  });
}
