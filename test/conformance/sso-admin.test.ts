// The real sso-admin client (with identitystore and organizations) against a running server on
// both back ends: a permission set with every kind of policy, a group assigned on three
// accounts, the roles provisioned exactly as DESIGN.md describes, drift and its repair, and the
// roles gone once the assignments are.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  SSOAdminClient,
  AttachCustomerManagedPolicyReferenceToPermissionSetCommand,
  AttachManagedPolicyToPermissionSetCommand,
  CreateAccountAssignmentCommand,
  CreatePermissionSetCommand,
  DeleteAccountAssignmentCommand,
  DeletePermissionSetCommand,
  DescribeAccountAssignmentCreationStatusCommand,
  DescribeAccountAssignmentDeletionStatusCommand,
  DescribePermissionSetCommand,
  DescribePermissionSetProvisioningStatusCommand,
  GetInlinePolicyForPermissionSetCommand,
  GetPermissionsBoundaryForPermissionSetCommand,
  ListAccountAssignmentsCommand,
  ListAccountAssignmentsForPrincipalCommand,
  ListAccountsForProvisionedPermissionSetCommand,
  ListCustomerManagedPolicyReferencesInPermissionSetCommand,
  ListInstancesCommand,
  ListManagedPoliciesInPermissionSetCommand,
  ListPermissionSetsCommand,
  ListPermissionSetsProvisionedToAccountCommand,
  ListTagsForResourceCommand,
  ProvisionPermissionSetCommand,
  PutInlinePolicyToPermissionSetCommand,
  PutPermissionsBoundaryToPermissionSetCommand,
  TagResourceCommand,
  UpdatePermissionSetCommand,
  paginateListPermissionSets,
} from '@aws-sdk/client-sso-admin';
import { IdentitystoreClient, CreateGroupCommand, CreateGroupMembershipCommand, CreateUserCommand } from '@aws-sdk/client-identitystore';
import { OrganizationsClient, CreateAccountCommand } from '@aws-sdk/client-organizations';
import { startTestServer, type TestServer } from '../support/server.js';
import { awsError } from '../support/aws-error.js';
import { settle } from '../support/settle.js';
import { STSClient, AssumeRoleCommand } from '@aws-sdk/client-sts';
import { IAMClient, CreatePolicyCommand, GetRoleCommand, GetRolePolicyCommand, GetSAMLProviderCommand, ListAttachedRolePoliciesCommand } from '@aws-sdk/client-iam';

const READ_ONLY = 'arn:aws:iam::aws:policy/ReadOnlyAccess';
const BOUNDARY = 'arn:aws:iam::aws:policy/PowerUserAccess';
const doc = (action: string) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: action, Resource: '*' }] });

for (const backend of ['sqlite', 'postgres'] as const) {
  describe(`sso-admin conformance (${backend})`, () => {
    let server: TestServer;
    let sso: SSOAdminClient;
    let InstanceArn: string;
    let IdentityStoreId: string;
    let PermissionSetArn: string;
    let groupId: string;
    let userId: string;
    let roleSuffix: string;
    const accounts: string[] = [];

    before(async () => {
      server = await startTestServer({ backend });
      sso = new SSOAdminClient(server.clientConfig);
      ({ InstanceArn, IdentityStoreId } = (await sso.send(new ListInstancesCommand({}))).Instances![0]! as { InstanceArn: string; IdentityStoreId: string });
      const ids = new IdentitystoreClient(server.clientConfig);
      userId = (await ids.send(new CreateUserCommand({ IdentityStoreId, UserName: 'ada', DisplayName: 'Ada', Name: { GivenName: 'Ada', FamilyName: 'Lovelace' } }))).UserId!;
      groupId = (await ids.send(new CreateGroupCommand({ IdentityStoreId, DisplayName: 'Engineers' }))).GroupId!;
      await ids.send(new CreateGroupMembershipCommand({ IdentityStoreId, GroupId: groupId, MemberId: { UserId: userId } }));
      const org = new OrganizationsClient(server.clientConfig);
      for (let n = 0; n < 3; n++) {
        const r = await org.send(new CreateAccountCommand({ Email: `member${n}-${backend}@example.com`, AccountName: `Member ${n}` }));
        accounts.push(r.CreateAccountStatus!.AccountId!);
      }
      // The customer managed policy each account must hold, made there through AssumeRole.
      for (const a of accounts) {
        await (await memberIam(a)).send(new CreatePolicyCommand({ PolicyName: 'TeamAccess', Path: '/team/', PolicyDocument: doc('s3:ListBucket') }));
      }
    });
    after(() => server.close());

    /** IAM in a member account, as its OrganizationAccountAccessRole (AssumeRole from the management account). */
    const memberIam = async (account: string) => {
      const { Credentials: c } = await new STSClient(server.clientConfig).send(
        new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${account}:role/OrganizationAccountAccessRole`, RoleSessionName: 'conformance' }),
      );
      return new IAMClient({ ...server.clientConfig, credentials: { accessKeyId: c!.AccessKeyId!, secretAccessKey: c!.SecretAccessKey!, sessionToken: c!.SessionToken! } });
    };

    test('a permission set with a managed, a customer managed, an inline policy and a boundary', async () => {
      const { PermissionSet } = await sso.send(new CreatePermissionSetCommand({
        InstanceArn, Name: 'Engineering', Description: 'Engineers', SessionDuration: 'PT4H', Tags: [{ Key: 'team', Value: 'eng' }],
      }));
      PermissionSetArn = PermissionSet!.PermissionSetArn!;
      assert.match(PermissionSetArn, /^arn:aws:sso:::permissionSet\/ssoins-[0-9a-f]{16}\/ps-[0-9a-f]{16}$/);
      assert.ok(PermissionSet!.CreatedDate instanceof Date);
      assert.equal(PermissionSet!.SessionDuration, 'PT4H');
      await sso.send(new AttachManagedPolicyToPermissionSetCommand({ InstanceArn, PermissionSetArn, ManagedPolicyArn: READ_ONLY }));
      await sso.send(new AttachCustomerManagedPolicyReferenceToPermissionSetCommand({
        InstanceArn, PermissionSetArn, CustomerManagedPolicyReference: { Name: 'TeamAccess', Path: '/team/' },
      }));
      await sso.send(new PutInlinePolicyToPermissionSetCommand({ InstanceArn, PermissionSetArn, InlinePolicy: doc('ec2:Describe*') }));
      await sso.send(new PutPermissionsBoundaryToPermissionSetCommand({ InstanceArn, PermissionSetArn, PermissionsBoundary: { ManagedPolicyArn: BOUNDARY } }));

      const managed = await sso.send(new ListManagedPoliciesInPermissionSetCommand({ InstanceArn, PermissionSetArn }));
      assert.deepEqual(managed.AttachedManagedPolicies, [{ Arn: READ_ONLY, Name: 'ReadOnlyAccess' }]);
      assert.equal(managed.NextToken, undefined);
      const cmps = await sso.send(new ListCustomerManagedPolicyReferencesInPermissionSetCommand({ InstanceArn, PermissionSetArn }));
      assert.deepEqual(cmps.CustomerManagedPolicyReferences, [{ Name: 'TeamAccess', Path: '/team/' }]);
      assert.equal((await sso.send(new GetInlinePolicyForPermissionSetCommand({ InstanceArn, PermissionSetArn }))).InlinePolicy, doc('ec2:Describe*'));
      assert.deepEqual((await sso.send(new GetPermissionsBoundaryForPermissionSetCommand({ InstanceArn, PermissionSetArn }))).PermissionsBoundary, { ManagedPolicyArn: BOUNDARY });
      await sso.send(new TagResourceCommand({ InstanceArn, ResourceArn: PermissionSetArn, Tags: [{ Key: 'cost', Value: '7' }] }));
      assert.deepEqual((await sso.send(new ListTagsForResourceCommand({ InstanceArn, ResourceArn: PermissionSetArn }))).Tags, [
        { Key: 'cost', Value: '7' }, { Key: 'team', Value: 'eng' },
      ]);
      const arns: string[] = [];
      for await (const page of paginateListPermissionSets({ client: sso, pageSize: 1 }, { InstanceArn })) arns.push(...(page.PermissionSets ?? []));
      assert.deepEqual(arns, [PermissionSetArn]);
      roleSuffix = (await server.server.services.ssoAdmin.describePermissionSet(InstanceArn, PermissionSetArn)).roleSuffix;
    });

    test('model and business errors come back under their AWS names', async () => {
      await assert.rejects(sso.send(new CreatePermissionSetCommand({ InstanceArn, Name: 'Engineering' })), awsError('ConflictException', 400));
      await assert.rejects(sso.send(new CreatePermissionSetCommand({ InstanceArn, Name: 'bad name!' })), awsError('ValidationException', 400));
      await assert.rejects(sso.send(new DescribePermissionSetCommand({ InstanceArn: 'arn:aws:sso:::instance/ssoins-0000000000000000', PermissionSetArn })),
        awsError('ResourceNotFoundException', 400));
      await assert.rejects(sso.send(new PutInlinePolicyToPermissionSetCommand({ InstanceArn, PermissionSetArn, InlinePolicy: '{"Statement":[{"Effect":"Perhaps"}]}' })),
        (e: any) => e.name === 'ValidationException' && /Statement/.test(e.message));
      await assert.rejects(sso.send(new ListPermissionSetsCommand({ InstanceArn, MaxResults: 101 })), awsError('ValidationException', 400));
    });

    test('a group assigned on three accounts: the jobs succeed and each account has the role', async () => {
      const requests: string[] = [];
      for (const TargetId of accounts) {
        const { AccountAssignmentCreationStatus: s } = await sso.send(new CreateAccountAssignmentCommand({
          InstanceArn, PermissionSetArn, PrincipalType: 'GROUP', PrincipalId: groupId, TargetType: 'AWS_ACCOUNT', TargetId,
        }));
        assert.equal(s!.TargetId, TargetId);
        assert.ok(['IN_PROGRESS', 'SUCCEEDED'].includes(s!.Status!));
        requests.push(s!.RequestId!);
      }
      for (const id of requests) {
        const s = await settle(async () => (await sso.send(new DescribeAccountAssignmentCreationStatusCommand({
          InstanceArn, AccountAssignmentCreationRequestId: id,
        }))).AccountAssignmentCreationStatus);
        assert.equal(s.Status, 'SUCCEEDED', s.FailureReason);
        assert.deepEqual([s.PrincipalType, s.PrincipalId, s.PermissionSetArn, s.TargetType], ['GROUP', groupId, PermissionSetArn, 'AWS_ACCOUNT']);
      }
      const roleName = `AWSReservedSSO_Engineering_${roleSuffix}`;
      const provider = `AWSSSO_${InstanceArn.split('ssoins-')[1]}_DO_NOT_DELETE`;
      for (const a of accounts) {
        const iam = await memberIam(a);
        const { Role: role } = await iam.send(new GetRoleCommand({ RoleName: roleName }));
        assert.equal(role!.Arn, `arn:aws:iam::${a}:role/aws-reserved/sso.amazonaws.com/${roleName}`);
        assert.equal(role!.Path, '/aws-reserved/sso.amazonaws.com/');
        assert.equal(role!.MaxSessionDuration, 43200);
        assert.equal(role!.Description, 'Engineers');
        assert.equal(role!.PermissionsBoundary?.PermissionsBoundaryArn, BOUNDARY);
        const trust = JSON.parse(decodeURIComponent(role!.AssumeRolePolicyDocument!));
        assert.deepEqual(trust.Statement.map((s: any) => [s.Effect, s.Principal, s.Action]), [
          ['Allow', { Federated: `arn:aws:iam::${a}:saml-provider/${provider}` }, ['sts:AssumeRoleWithSAML', 'sts:TagSession']],
        ]);
        await iam.send(new GetSAMLProviderCommand({ SAMLProviderArn: `arn:aws:iam::${a}:saml-provider/${provider}` }));
        const attached = (await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: roleName }))).AttachedPolicies!.map((p) => p.PolicyArn).sort();
        assert.deepEqual(attached, [READ_ONLY, `arn:aws:iam::${a}:policy/team/TeamAccess`].sort());
        const inline = await iam.send(new GetRolePolicyCommand({ RoleName: roleName, PolicyName: 'AwsSSOInlinePolicy' }));
        assert.equal(decodeURIComponent(inline.PolicyDocument!), doc('ec2:Describe*'));
        const { Role: slr } = await iam.send(new GetRoleCommand({ RoleName: 'AWSServiceRoleForSSO' }));
        assert.equal(slr!.Path, '/aws-service-role/sso.amazonaws.com/');
        const assigned = await sso.send(new ListAccountAssignmentsCommand({ InstanceArn, PermissionSetArn, AccountId: a }));
        assert.deepEqual(assigned.AccountAssignments, [{ AccountId: a, PermissionSetArn, PrincipalType: 'GROUP', PrincipalId: groupId }]);
      }
      const forUser = await sso.send(new ListAccountAssignmentsForPrincipalCommand({
        InstanceArn, PrincipalType: 'USER', PrincipalId: userId, Filter: { AccountId: accounts[1]! },
      }));
      assert.deepEqual(forUser.AccountAssignments?.map((x) => [x.AccountId, x.PrincipalType]), [[accounts[1], 'GROUP']]);
      const sets = await sso.send(new ListPermissionSetsProvisionedToAccountCommand({ InstanceArn, AccountId: accounts[0]! }));
      assert.deepEqual(sets.PermissionSets, [PermissionSetArn]);
      await assert.rejects(sso.send(new DeletePermissionSetCommand({ InstanceArn, PermissionSetArn })), awsError('ConflictException', 400));
    });

    test('an update shows as drift until the permission set is provisioned again', async () => {
      const drifted = async () => (await sso.send(new ListAccountsForProvisionedPermissionSetCommand({
        InstanceArn, PermissionSetArn, ProvisioningStatus: 'LATEST_PERMISSION_SET_NOT_PROVISIONED',
      }))).AccountIds ?? [];
      assert.deepEqual(await drifted(), []);
      await sso.send(new UpdatePermissionSetCommand({ InstanceArn, PermissionSetArn, Description: 'Engineers, v2' }));
      assert.deepEqual([...(await drifted())].sort(), [...accounts].sort());
      const { PermissionSetProvisioningStatus: p } = await sso.send(new ProvisionPermissionSetCommand({
        InstanceArn, PermissionSetArn, TargetType: 'ALL_PROVISIONED_ACCOUNTS',
      }));
      const done = await settle(async () => (await sso.send(new DescribePermissionSetProvisioningStatusCommand({
        InstanceArn, ProvisionPermissionSetRequestId: p!.RequestId!,
      }))).PermissionSetProvisioningStatus);
      assert.equal(done.Status, 'SUCCEEDED', done.FailureReason);
      assert.deepEqual(await drifted(), []);
      const current = await sso.send(new ListAccountsForProvisionedPermissionSetCommand({
        InstanceArn, PermissionSetArn, ProvisioningStatus: 'LATEST_PERMISSION_SET_PROVISIONED', MaxResults: 2,
      }));
      assert.equal(current.AccountIds?.length, 2);
      assert.ok(current.NextToken);
      const { Role: role } = await (await memberIam(accounts[2]!)).send(new GetRoleCommand({ RoleName: `AWSReservedSSO_Engineering_${roleSuffix}` }));
      assert.equal(role!.Description, 'Engineers, v2');
    });

    test('deleting the assignments deletes the roles; then the permission set can go', async () => {
      for (const TargetId of accounts) {
        const { AccountAssignmentDeletionStatus: s } = await sso.send(new DeleteAccountAssignmentCommand({
          InstanceArn, PermissionSetArn, PrincipalType: 'GROUP', PrincipalId: groupId, TargetType: 'AWS_ACCOUNT', TargetId,
        }));
        const done = await settle(async () => (await sso.send(new DescribeAccountAssignmentDeletionStatusCommand({
          InstanceArn, AccountAssignmentDeletionRequestId: s!.RequestId!,
        }))).AccountAssignmentDeletionStatus);
        assert.equal(done.Status, 'SUCCEEDED', done.FailureReason);
      }
      for (const a of accounts) {
        await assert.rejects((await memberIam(a)).send(new GetRoleCommand({ RoleName: `AWSReservedSSO_Engineering_${roleSuffix}` })), awsError('NoSuchEntityException', 404));
      }
      assert.deepEqual((await sso.send(new ListAccountsForProvisionedPermissionSetCommand({ InstanceArn, PermissionSetArn }))).AccountIds, []);
      await sso.send(new DeletePermissionSetCommand({ InstanceArn, PermissionSetArn }));
    });
  });
}
