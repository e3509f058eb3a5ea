// Delegated administration of IAM Identity Center: a registered member account administers the
// instance, but not the management account; other member accounts may not use it at all; and
// provisioned roles refuse changes through IAM, even from an account administrator.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  SSOAdminClient,
  CreatePermissionSetCommand,
  DescribePermissionSetCommand,
  ListPermissionSetsCommand,
  CreateAccountAssignmentCommand,
  DescribeAccountAssignmentCreationStatusCommand,
  AttachManagedPolicyToPermissionSetCommand,
} from '@aws-sdk/client-sso-admin';
import { IdentitystoreClient, CreateUserCommand } from '@aws-sdk/client-identitystore';
import { OrganizationsClient, CreateAccountCommand, EnableAWSServiceAccessCommand, RegisterDelegatedAdministratorCommand } from '@aws-sdk/client-organizations';
import { STSClient, AssumeRoleCommand } from '@aws-sdk/client-sts';
import { IAMClient, ListRolesCommand, DeleteRolePolicyCommand, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import { startTestServer, type TestServer } from '../support/server.js';
import { awsError } from '../support/aws-error.js';
import { settle } from '../support/settle.js';

for (const backend of ['sqlite', 'postgres'] as const) {
  describe(`delegated administration (${backend})`, () => {
    let server: TestServer;
    let InstanceArn: string;
    let mgmt: string;
    let delegate: string;
    let outsider: string;
    let userId: string;
    let admin: SSOAdminClient;

    const newAccount = async (name: string) =>
      (await new OrganizationsClient(server.clientConfig).send(new CreateAccountCommand({ AccountName: name, Email: `${name.toLowerCase()}-${backend}@example.com` })))
        .CreateAccountStatus!.AccountId!;

    /** An SDK config acting as OrganizationAccountAccessRole in `account`. */
    const inAccount = async (account: string) => {
      const { Credentials: c } = await new STSClient(server.clientConfig).send(
        new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${account}:role/OrganizationAccountAccessRole`, RoleSessionName: 'ops' }),
      );
      return { ...server.clientConfig, credentials: { accessKeyId: c!.AccessKeyId!, secretAccessKey: c!.SecretAccessKey!, sessionToken: c!.SessionToken! } };
    };

    const assign = async (client: SSOAdminClient, account: string, permissionSetArn: string) => {
      const { AccountAssignmentCreationStatus } = await client.send(
        new CreateAccountAssignmentCommand({ InstanceArn, TargetId: account, TargetType: 'AWS_ACCOUNT', PermissionSetArn: permissionSetArn, PrincipalType: 'USER', PrincipalId: userId }),
      );
      return settle(async () =>
        (await client.send(new DescribeAccountAssignmentCreationStatusCommand({ InstanceArn, AccountAssignmentCreationRequestId: AccountAssignmentCreationStatus!.RequestId! })))
          .AccountAssignmentCreationStatus,
      );
    };

    before(async () => {
      server = await startTestServer({ backend });
      const instance = await server.server.services.instance.get();
      InstanceArn = instance.instanceArn;
      mgmt = instance.ownerAccountId;
      admin = new SSOAdminClient(server.clientConfig);
      delegate = await newAccount('Delegate');
      outsider = await newAccount('Outsider');
      const orgs = new OrganizationsClient(server.clientConfig);
      await orgs.send(new EnableAWSServiceAccessCommand({ ServicePrincipal: 'sso.amazonaws.com' }));
      await orgs.send(new RegisterDelegatedAdministratorCommand({ AccountId: delegate, ServicePrincipal: 'sso.amazonaws.com' }));
      const { UserId } = await new IdentitystoreClient(server.clientConfig).send(
        new CreateUserCommand({ IdentityStoreId: instance.identityStoreId, UserName: 'dana', DisplayName: 'Dana', Name: { GivenName: 'Dana', FamilyName: 'D' } }),
      );
      userId = UserId!;
    });
    after(() => server.close());

    test('the delegated administrator manages permission sets for member accounts', async () => {
      const delegated = new SSOAdminClient(await inAccount(delegate));
      const { PermissionSet } = await delegated.send(new CreatePermissionSetCommand({ InstanceArn, Name: 'Builders' }));
      await delegated.send(new AttachManagedPolicyToPermissionSetCommand({ InstanceArn, PermissionSetArn: PermissionSet!.PermissionSetArn!, ManagedPolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }));
      assert.equal((await assign(delegated, outsider, PermissionSet!.PermissionSetArn!)).Status, 'SUCCEEDED');
    });

    test('but not a permission set provisioned to the management account, nor assignments there', async () => {
      const { PermissionSet } = await admin.send(new CreatePermissionSetCommand({ InstanceArn, Name: 'MgmtOps' }));
      const arn = PermissionSet!.PermissionSetArn!;
      assert.equal((await assign(admin, mgmt, arn)).Status, 'SUCCEEDED');
      const delegated = new SSOAdminClient(await inAccount(delegate));
      await assert.rejects(
        delegated.send(new DescribePermissionSetCommand({ InstanceArn, PermissionSetArn: arn })),
        (e: Error) => awsError('AccessDeniedException')(e) && /provisioned to the management account/.test(e.message),
      );
      const { PermissionSet: other } = await delegated.send(new CreatePermissionSetCommand({ InstanceArn, Name: 'Sneaky' }));
      await assert.rejects(
        delegated.send(new CreateAccountAssignmentCommand({ InstanceArn, TargetId: mgmt, TargetType: 'AWS_ACCOUNT', PermissionSetArn: other!.PermissionSetArn!, PrincipalType: 'USER', PrincipalId: userId })),
        (e: Error) => awsError('AccessDeniedException')(e) && /cannot manage access to the management account/.test(e.message),
      );
    });

    test('a member account that is not the delegated administrator may not use the instance', async () => {
      const outside = new SSOAdminClient(await inAccount(outsider));
      await assert.rejects(
        outside.send(new ListPermissionSetsCommand({ InstanceArn })),
        (e: Error) => awsError('AccessDeniedException')(e) && /neither the management account nor a delegated administrator/.test(e.message),
      );
    });

    test('a provisioned role refuses changes through IAM, even from the account administrator', async () => {
      const iam = new IAMClient(await inAccount(outsider));
      const { Roles } = await iam.send(new ListRolesCommand({ PathPrefix: '/aws-reserved/sso.amazonaws.com/' }));
      const role = Roles!.find((r) => r.RoleName!.startsWith('AWSReservedSSO_Builders_'));
      assert.ok(role, 'the Builders role is provisioned in the account');
      await assert.rejects(
        iam.send(new PutRolePolicyCommand({ RoleName: role.RoleName!, PolicyName: 'Escalate', PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }) })),
        awsError('UnmodifiableEntityException', 400),
      );
      await assert.rejects(iam.send(new DeleteRolePolicyCommand({ RoleName: role.RoleName!, PolicyName: 'AwsSSOInlinePolicy' })), awsError('UnmodifiableEntityException', 400));
    });
  });
}
