// The real Organizations client against a running server, on both back ends.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  OrganizationsClient,
  AttachPolicyCommand, CreateAccountCommand, CreateOrganizationalUnitCommand, CreatePolicyCommand,
  DeleteOrganizationalUnitCommand, DeletePolicyCommand, DeregisterDelegatedAdministratorCommand, DescribeAccountCommand,
  DescribeCreateAccountStatusCommand, DescribeOrganizationCommand, DescribeOrganizationalUnitCommand, DescribePolicyCommand,
  DetachPolicyCommand, EnableAWSServiceAccessCommand, EnablePolicyTypeCommand, ListAccountsCommand,
  ListAWSServiceAccessForOrganizationCommand, ListCreateAccountStatusCommand, ListDelegatedAdministratorsCommand,
  ListDelegatedServicesForAccountCommand, ListParentsCommand, ListPoliciesCommand, ListPoliciesForTargetCommand,
  ListRootsCommand, ListTagsForResourceCommand, ListTargetsForPolicyCommand, MoveAccountCommand,
  RegisterDelegatedAdministratorCommand, TagResourceCommand, UntagResourceCommand, UpdateOrganizationalUnitCommand,
  UpdatePolicyCommand, paginateListChildren, paginateListAccounts,
} from '@aws-sdk/client-organizations';
import { awsError } from '../support/aws-error.js';
import { startTestServer, type TestServer } from '../support/server.js';

const SCP = (effect: string, action: string) =>
  JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: effect, Action: action, Resource: '*' }] });


for (const backend of ['sqlite', 'postgres'] as const) {
  describe(`organizations conformance (${backend})`, () => {
    let server: TestServer;
    let org: OrganizationsClient;
    let mgmt: string;
    let orgId: string;
    let rootId: string;
    let emails = 0;

    const createAccount = async (name: string) => {
      emails += 1;
      const r = await org.send(new CreateAccountCommand({ Email: `${name.toLowerCase()}-${emails}@example.com`, AccountName: name }));
      assert.equal(r.CreateAccountStatus?.State, 'SUCCEEDED');
      return r.CreateAccountStatus!.AccountId!;
    };

    before(async () => {
      server = await startTestServer({ backend });
      org = new OrganizationsClient(server.clientConfig);
      const d = await org.send(new DescribeOrganizationCommand({}));
      mgmt = d.Organization!.MasterAccountId!;
      orgId = d.Organization!.Id!;
      rootId = (await org.send(new ListRootsCommand({}))).Roots![0]!.Id!;
    });
    after(() => server.close());

    test('DescribeOrganization and ListRoots describe the bootstrapped organization', async () => {
      const instance = await server.server.services.instance.get();
      const { Organization: o } = await org.send(new DescribeOrganizationCommand({}));
      assert.equal(o?.MasterAccountId, instance.ownerAccountId);
      assert.match(o?.Id ?? '', /^o-[a-z0-9]{10,32}$/);
      assert.equal(o?.Arn, `arn:aws:organizations::${mgmt}:organization/${orgId}`);
      assert.equal(o?.MasterAccountArn, `arn:aws:organizations::${mgmt}:account/${orgId}/${mgmt}`);
      assert.equal(o?.FeatureSet, 'ALL');
      const { Roots, NextToken } = await org.send(new ListRootsCommand({}));
      assert.equal(NextToken, undefined);
      assert.equal(Roots?.length, 1);
      assert.equal(Roots![0]!.Arn, `arn:aws:organizations::${mgmt}:root/${orgId}/${rootId}`);
      assert.deepEqual(Roots![0]!.PolicyTypes, [{ Type: 'SERVICE_CONTROL_POLICY', Status: 'ENABLED' }]);
      const a = await org.send(new DescribeAccountCommand({ AccountId: mgmt }));
      assert.ok(a.Account?.JoinedTimestamp instanceof Date);
      assert.equal(a.Account?.Status, 'ACTIVE');
    });

    test('FullAWSAccess is AWS managed and attached to the root', async () => {
      const { Policies } = await org.send(new ListPoliciesForTargetCommand({ TargetId: rootId, Filter: 'SERVICE_CONTROL_POLICY' }));
      assert.deepEqual(Policies, [{
        Id: 'p-FullAWSAccess',
        Arn: 'arn:aws:organizations::aws:policy/service_control_policy/p-FullAWSAccess',
        Name: 'FullAWSAccess',
        Description: 'Allows access to every operation',
        Type: 'SERVICE_CONTROL_POLICY',
        AwsManaged: true,
      }]);
      const { Policy } = await org.send(new DescribePolicyCommand({ PolicyId: 'p-FullAWSAccess' }));
      assert.deepEqual(JSON.parse(Policy!.Content!).Statement, [{ Effect: 'Allow', Action: '*', Resource: '*' }]);
      await assert.rejects(org.send(new DetachPolicyCommand({ PolicyId: 'p-FullAWSAccess', TargetId: rootId })),
        awsError('ConstraintViolationException', 400, { Reason: 'MIN_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED' }));
      await assert.rejects(org.send(new EnablePolicyTypeCommand({ RootId: rootId, PolicyType: 'SERVICE_CONTROL_POLICY' })),
        awsError('PolicyTypeAlreadyEnabledException'));
    });

    test('CreateAccount, DescribeCreateAccountStatus, ListCreateAccountStatus, DescribeAccount', async () => {
      const { CreateAccountStatus: s } = await org.send(new CreateAccountCommand({
        Email: 'conformance@example.com', AccountName: 'Conformance', Tags: [{ Key: 'team', Value: 'qa' }],
      }));
      assert.match(s?.Id ?? '', /^car-[a-z0-9]{8,32}$/);
      assert.equal(s?.State, 'SUCCEEDED');
      assert.ok(s?.RequestedTimestamp instanceof Date);
      const { CreateAccountStatus: d } = await org.send(new DescribeCreateAccountStatusCommand({ CreateAccountRequestId: s!.Id! }));
      assert.equal(d?.AccountId, s?.AccountId);
      assert.ok(d?.CompletedTimestamp instanceof Date);
      const { Account } = await org.send(new DescribeAccountCommand({ AccountId: s!.AccountId! }));
      assert.deepEqual(
        [Account?.Name, Account?.Email, Account?.Status, Account?.JoinedMethod, Account?.Arn],
        ['Conformance', 'conformance@example.com', 'ACTIVE', 'CREATED', `arn:aws:organizations::${mgmt}:account/${orgId}/${s!.AccountId}`],
      );
      const dup = await org.send(new CreateAccountCommand({ Email: 'Conformance@example.com', AccountName: 'Again' }));
      assert.equal(dup.CreateAccountStatus?.State, 'FAILED');
      assert.equal(dup.CreateAccountStatus?.FailureReason, 'EMAIL_ALREADY_EXISTS');
      const failed = await org.send(new ListCreateAccountStatusCommand({ States: ['FAILED'] }));
      assert.deepEqual(failed.CreateAccountStatuses?.map((x) => x.Id), [dup.CreateAccountStatus!.Id]);
      await assert.rejects(org.send(new DescribeCreateAccountStatusCommand({ CreateAccountRequestId: 'car-0123456789abcdef0123456789abcdef' })),
        awsError('CreateAccountStatusNotFoundException'));
      await assert.rejects(org.send(new DescribeAccountCommand({ AccountId: '000000000000' })), awsError('AccountNotFoundException'));
      const tags = await org.send(new ListTagsForResourceCommand({ ResourceId: s!.AccountId! }));
      assert.deepEqual(tags.Tags, [{ Key: 'team', Value: 'qa' }]);
    });

    test('organizational units: create, describe, update, duplicates, delete only when empty', async () => {
      const { OrganizationalUnit: ou } = await org.send(new CreateOrganizationalUnitCommand({ ParentId: rootId, Name: 'Engineering' }));
      assert.match(ou?.Id ?? '', /^ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}$/);
      assert.equal(ou?.Arn, `arn:aws:organizations::${mgmt}:ou/${orgId}/${ou?.Id}`);
      assert.deepEqual((await org.send(new DescribeOrganizationalUnitCommand({ OrganizationalUnitId: ou!.Id! }))).OrganizationalUnit, ou);
      await assert.rejects(org.send(new CreateOrganizationalUnitCommand({ ParentId: rootId, Name: 'Engineering' })),
        awsError('DuplicateOrganizationalUnitException'));
      const renamed = await org.send(new UpdateOrganizationalUnitCommand({ OrganizationalUnitId: ou!.Id!, Name: 'Eng' }));
      assert.equal(renamed.OrganizationalUnit?.Name, 'Eng');
      await assert.rejects(org.send(new CreateOrganizationalUnitCommand({ ParentId: 'ou-zzzz-zzzzzzzz', Name: 'x' })), awsError('ParentNotFoundException'));
      await assert.rejects(org.send(new DescribeOrganizationalUnitCommand({ OrganizationalUnitId: 'ou-zzzz-zzzzzzzz' })),
        awsError('OrganizationalUnitNotFoundException'));
      const a = await createAccount('InOu');
      await org.send(new MoveAccountCommand({ AccountId: a, SourceParentId: rootId, DestinationParentId: ou!.Id! }));
      await assert.rejects(org.send(new DeleteOrganizationalUnitCommand({ OrganizationalUnitId: ou!.Id! })),
        awsError('OrganizationalUnitNotEmptyException'));
      await org.send(new MoveAccountCommand({ AccountId: a, SourceParentId: ou!.Id!, DestinationParentId: rootId }));
      await org.send(new DeleteOrganizationalUnitCommand({ OrganizationalUnitId: ou!.Id! }));
      await assert.rejects(org.send(new DescribeOrganizationalUnitCommand({ OrganizationalUnitId: ou!.Id! })),
        awsError('OrganizationalUnitNotFoundException'));
    });

    test('MoveAccount and its typed errors; ListParents', async () => {
      const a = await createAccount('Mover');
      const { OrganizationalUnit: ou } = await org.send(new CreateOrganizationalUnitCommand({ ParentId: rootId, Name: 'Destination' }));
      const move = (AccountId: string, SourceParentId: string, DestinationParentId: string) =>
        org.send(new MoveAccountCommand({ AccountId, SourceParentId, DestinationParentId }));
      await assert.rejects(move('000000000000', rootId, ou!.Id!), awsError('AccountNotFoundException'));
      await assert.rejects(move(a, 'ou-zzzz-zzzzzzzz', ou!.Id!), awsError('SourceParentNotFoundException'));
      await assert.rejects(move(a, rootId, 'ou-zzzz-zzzzzzzz'), awsError('DestinationParentNotFoundException'));
      await move(a, rootId, ou!.Id!);
      await assert.rejects(move(a, rootId, ou!.Id!), awsError('DuplicateAccountException'));
      const { Parents } = await org.send(new ListParentsCommand({ ChildId: a }));
      assert.deepEqual(Parents, [{ Id: ou!.Id, Type: 'ORGANIZATIONAL_UNIT' }]);
      const ouParents = await org.send(new ListParentsCommand({ ChildId: ou!.Id! }));
      assert.deepEqual(ouParents.Parents, [{ Id: rootId, Type: 'ROOT' }]);
    });

    test('ListChildren and ListAccounts through the SDK paginators', async () => {
      const { OrganizationalUnit: ou } = await org.send(new CreateOrganizationalUnitCommand({ ParentId: rootId, Name: 'Paged' }));
      const made: string[] = [];
      for (let i = 0; i < 5; i++) {
        const a = await createAccount(`Paged${i}`);
        await org.send(new MoveAccountCommand({ AccountId: a, SourceParentId: rootId, DestinationParentId: ou!.Id! }));
        made.push(a);
      }
      const seen: string[] = [];
      let pages = 0;
      for await (const page of paginateListChildren({ client: org, pageSize: 2 }, { ParentId: ou!.Id!, ChildType: 'ACCOUNT' })) {
        pages += 1;
        assert.ok((page.Children?.length ?? 0) <= 2);
        seen.push(...(page.Children ?? []).map((c) => { assert.equal(c.Type, 'ACCOUNT'); return c.Id!; }));
      }
      assert.equal(pages, 3);
      assert.deepEqual(seen.sort(), [...made].sort());
      const all: string[] = [];
      for await (const page of paginateListAccounts({ client: org, pageSize: 3 }, {})) all.push(...page.Accounts!.map((a) => a.Id!));
      assert.equal(new Set(all).size, all.length);
      assert.ok(made.every((id) => all.includes(id)) && all.includes(mgmt));
      const one = await org.send(new ListAccountsCommand({ MaxResults: 1 }));
      assert.equal(typeof one.NextToken, 'string');
      await assert.rejects(org.send(new ListAccountsCommand({ MaxResults: 21 })), awsError('InvalidInputException'));
    });

    test('service control policies: create, attach, detach, delete', async () => {
      const { OrganizationalUnit: ou } = await org.send(new CreateOrganizationalUnitCommand({ ParentId: rootId, Name: 'Guarded' }));
      const { Policy } = await org.send(new CreatePolicyCommand({
        Name: 'DenyS3', Description: 'No S3', Type: 'SERVICE_CONTROL_POLICY', Content: SCP('Deny', 's3:*'),
      }));
      const id = Policy!.PolicySummary!.Id!;
      assert.equal(Policy?.PolicySummary?.Arn, `arn:aws:organizations::${mgmt}:policy/${orgId}/service_control_policy/${id}`);
      assert.equal(Policy?.PolicySummary?.AwsManaged, false);
      assert.equal(Policy?.Content, SCP('Deny', 's3:*'));
      await assert.rejects(org.send(new CreatePolicyCommand({ Name: 'DenyS3', Description: '', Type: 'SERVICE_CONTROL_POLICY', Content: SCP('Deny', 'ec2:*') })),
        awsError('DuplicatePolicyException'));
      await assert.rejects(org.send(new CreatePolicyCommand({ Name: 'Bad', Description: '', Type: 'SERVICE_CONTROL_POLICY', Content: '{"Statement":' })),
        awsError('MalformedPolicyDocumentException'));
      await assert.rejects(org.send(new CreatePolicyCommand({
        Name: 'Huge', Description: '', Type: 'SERVICE_CONTROL_POLICY', Content: SCP('Deny', `s3:${'x'.repeat(5200)}`),
      })), awsError('ConstraintViolationException', 400, { Reason: 'POLICY_CONTENT_LIMIT_EXCEEDED' }));
      const updated = await org.send(new UpdatePolicyCommand({ PolicyId: id, Description: 'No S3 at all' }));
      assert.equal(updated.Policy?.PolicySummary?.Description, 'No S3 at all');
      await assert.rejects(org.send(new UpdatePolicyCommand({ PolicyId: 'p-FullAWSAccess', Name: 'Mine' })),
        awsError('InvalidInputException', 400, { Reason: 'IMMUTABLE_POLICY' }));

      await org.send(new AttachPolicyCommand({ PolicyId: id, TargetId: ou!.Id! }));
      await assert.rejects(org.send(new AttachPolicyCommand({ PolicyId: id, TargetId: ou!.Id! })), awsError('DuplicatePolicyAttachmentException'));
      await assert.rejects(org.send(new AttachPolicyCommand({ PolicyId: id, TargetId: 'ou-zzzz-zzzzzzzz' })), awsError('TargetNotFoundException'));
      await assert.rejects(org.send(new AttachPolicyCommand({ PolicyId: 'p-zzzzzzzz', TargetId: ou!.Id! })), awsError('PolicyNotFoundException'));
      const { Targets } = await org.send(new ListTargetsForPolicyCommand({ PolicyId: id }));
      assert.deepEqual(Targets, [{ TargetId: ou!.Id, Arn: ou!.Arn, Name: 'Guarded', Type: 'ORGANIZATIONAL_UNIT' }]);
      const forOu = await org.send(new ListPoliciesForTargetCommand({ TargetId: ou!.Id!, Filter: 'SERVICE_CONTROL_POLICY' }));
      assert.deepEqual(forOu.Policies?.map((p) => p.Id).sort(), [id, 'p-FullAWSAccess'].sort());
      const listed = await org.send(new ListPoliciesCommand({ Filter: 'SERVICE_CONTROL_POLICY' }));
      assert.ok(listed.Policies?.some((p) => p.Id === id) && listed.Policies?.some((p) => p.Id === 'p-FullAWSAccess'));

      await assert.rejects(org.send(new DeletePolicyCommand({ PolicyId: id })), awsError('PolicyInUseException'));
      await org.send(new DetachPolicyCommand({ PolicyId: id, TargetId: ou!.Id! }));
      await assert.rejects(org.send(new DetachPolicyCommand({ PolicyId: id, TargetId: ou!.Id! })), awsError('PolicyNotAttachedException'));
      await org.send(new DeletePolicyCommand({ PolicyId: id }));
      await assert.rejects(org.send(new DescribePolicyCommand({ PolicyId: id })), awsError('PolicyNotFoundException'));
    });

    test('trusted access and delegated administrators', async () => {
      const a = await createAccount('Delegate');
      await assert.rejects(org.send(new RegisterDelegatedAdministratorCommand({ AccountId: a, ServicePrincipal: 'sso.amazonaws.com' })),
        awsError('ConstraintViolationException', 400, { Reason: 'SERVICE_ACCESS_NOT_ENABLED' }));
      await org.send(new EnableAWSServiceAccessCommand({ ServicePrincipal: 'sso.amazonaws.com' }));
      const access = await org.send(new ListAWSServiceAccessForOrganizationCommand({}));
      assert.equal(access.EnabledServicePrincipals?.[0]?.ServicePrincipal, 'sso.amazonaws.com');
      assert.ok(access.EnabledServicePrincipals?.[0]?.DateEnabled instanceof Date);
      await assert.rejects(org.send(new RegisterDelegatedAdministratorCommand({ AccountId: mgmt, ServicePrincipal: 'sso.amazonaws.com' })),
        awsError('ConstraintViolationException', 400, { Reason: 'CANNOT_REGISTER_MASTER_AS_DELEGATED_ADMINISTRATOR' }));
      await org.send(new RegisterDelegatedAdministratorCommand({ AccountId: a, ServicePrincipal: 'sso.amazonaws.com' }));
      await assert.rejects(org.send(new RegisterDelegatedAdministratorCommand({ AccountId: a, ServicePrincipal: 'sso.amazonaws.com' })),
        awsError('AccountAlreadyRegisteredException'));
      const admins = await org.send(new ListDelegatedAdministratorsCommand({ ServicePrincipal: 'sso.amazonaws.com' }));
      assert.deepEqual(admins.DelegatedAdministrators?.map((d) => d.Id), [a]);
      assert.ok(admins.DelegatedAdministrators?.[0]?.DelegationEnabledDate instanceof Date);
      const services = await org.send(new ListDelegatedServicesForAccountCommand({ AccountId: a }));
      assert.deepEqual(services.DelegatedServices?.map((d) => d.ServicePrincipal), ['sso.amazonaws.com']);
      await org.send(new DeregisterDelegatedAdministratorCommand({ AccountId: a, ServicePrincipal: 'sso.amazonaws.com' }));
      await assert.rejects(org.send(new DeregisterDelegatedAdministratorCommand({ AccountId: a, ServicePrincipal: 'sso.amazonaws.com' })),
        awsError('AccountNotRegisteredException'));
      await assert.rejects(org.send(new ListDelegatedServicesForAccountCommand({ AccountId: a })), awsError('AccountNotRegisteredException'));
    });

    test('a member account may not manage the organization (AccessDeniedException)', async () => {
      const memberId = await createAccount('Member');
      const { services, store } = server.server;
      const key = await store.transaction(async (tx) =>
        services.iam.createAccessKey(tx, await services.iam.createUser(tx, memberId, 'someone')));
      const asMember = new OrganizationsClient({ ...server.clientConfig, credentials: key });
      await assert.rejects(asMember.send(new CreateOrganizationalUnitCommand({ ParentId: rootId, Name: 'Nope' })), awsError('AccessDeniedException'));
      await assert.rejects(asMember.send(new ListAccountsCommand({})), awsError('AccessDeniedException'));
    });

    test('tags on the root, an OU, an account and a policy', async () => {
      const { OrganizationalUnit: ou } = await org.send(new CreateOrganizationalUnitCommand({ ParentId: rootId, Name: 'Tagged' }));
      const a = await createAccount('Tagged');
      const { Policy } = await org.send(new CreatePolicyCommand({ Name: 'TaggedPolicy', Description: '', Type: 'SERVICE_CONTROL_POLICY', Content: SCP('Deny', 'ec2:*') }));
      for (const id of [rootId, ou!.Id!, a, Policy!.PolicySummary!.Id!]) {
        await org.send(new TagResourceCommand({ ResourceId: id, Tags: [{ Key: 'owner', Value: 'platform' }, { Key: 'cost', Value: '42' }] }));
        await org.send(new UntagResourceCommand({ ResourceId: id, TagKeys: ['cost'] }));
        const { Tags } = await org.send(new ListTagsForResourceCommand({ ResourceId: id }));
        assert.deepEqual(Tags, [{ Key: 'owner', Value: 'platform' }], id);
      }
      await assert.rejects(org.send(new TagResourceCommand({ ResourceId: '000000000000', Tags: [{ Key: 'a', Value: 'b' }] })),
        awsError('TargetNotFoundException'));
    });
  });
}
