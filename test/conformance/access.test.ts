// Every signed request is authorized by the policy engine: read-only principals cannot write,
// boundaries narrow administrators, service control policies deny in member accounts, and the
// refusal says why in AWS's words.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { IdentitystoreClient, ListUsersCommand, CreateUserCommand } from '@aws-sdk/client-identitystore';
import { IAMClient, CreateRoleCommand, ListRolesCommand, CreatePolicyCommand } from '@aws-sdk/client-iam';
import { OrganizationsClient, CreateAccountCommand, CreatePolicyCommand as CreateScpCommand, AttachPolicyCommand } from '@aws-sdk/client-organizations';
import { STSClient, AssumeRoleCommand } from '@aws-sdk/client-sts';
import { startTestServer, type TestServer } from '../support/server.js';
import { awsError } from '../support/aws-error.js';

const TRUST = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] });

for (const backend of ['sqlite', 'postgres'] as const) {
  describe(`access (${backend})`, () => {
    let server: TestServer;
    let mgmt: string;
    let identityStoreId: string;

    /** An IAM user of the management account with these managed policies, as an SDK config. */
    const userWith = async (name: string, policyArns: string[], boundaryArn?: string) => {
      const iam = server.server.services.iam;
      await iam.createIamUser(mgmt, { userName: name });
      for (const arn of policyArns) await iam.attachUserPolicy(mgmt, name, arn);
      if (boundaryArn) await iam.putUserPermissionsBoundary(mgmt, name, boundaryArn);
      const key = await iam.createUserAccessKey(mgmt, name);
      return { ...server.clientConfig, credentials: { accessKeyId: key.accessKeyId, secretAccessKey: key.secretAccessKey } };
    };

    before(async () => {
      server = await startTestServer({ backend });
      const instance = await server.server.services.instance.get();
      mgmt = instance.ownerAccountId;
      identityStoreId = instance.identityStoreId;
    });
    after(() => server.close());

    test('a read-only principal reads and is refused a write, in AWS words', async () => {
      const config = await userWith('auditor', ['arn:aws:iam::aws:policy/ReadOnlyAccess']);
      const ids = new IdentitystoreClient(config);
      await ids.send(new ListUsersCommand({ IdentityStoreId: identityStoreId }));
      await assert.rejects(
        ids.send(new CreateUserCommand({ IdentityStoreId: identityStoreId, UserName: 'x', DisplayName: 'x', Name: { GivenName: 'x', FamilyName: 'x' } })),
        (e: Error) =>
          awsError('AccessDeniedException', 400)(e) &&
          e.message === `User: arn:aws:iam::${mgmt}:user/auditor is not authorized to perform: identitystore:CreateUser on resource: arn:aws:identitystore::${mgmt}:identitystore/${identityStoreId} because no identity-based policy allows the identitystore:CreateUser action`,
      );
    });

    test('a permissions boundary narrows an administrator', async () => {
      const { Policy } = await new IAMClient(server.clientConfig).send(
        new CreatePolicyCommand({
          PolicyName: 'ListOnly',
          PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['iam:List*', 'identitystore:List*'], Resource: '*' }] }),
        }),
      );
      const config = await userWith('bounded-admin', ['arn:aws:iam::aws:policy/AdministratorAccess'], Policy!.Arn);
      const iam = new IAMClient(config);
      await iam.send(new ListRolesCommand({}));
      await assert.rejects(
        iam.send(new CreateRoleCommand({ RoleName: 'Nope', AssumeRolePolicyDocument: TRUST })),
        (e: Error) => awsError('AccessDenied', 403)(e) && /because no permissions boundary allows the iam:CreateRole action$/.test(e.message),
      );
    });

    test('a service control policy denies an action in a member account, even to its administrator role', async () => {
      const orgs = new OrganizationsClient(server.clientConfig);
      const { CreateAccountStatus } = await orgs.send(new CreateAccountCommand({ AccountName: 'Guarded', Email: `guarded-${backend}@example.com` }));
      const account = CreateAccountStatus!.AccountId!;
      const { Policy } = await orgs.send(
        new CreateScpCommand({
          Name: 'NoNewRoles',
          Description: 'no roles',
          Type: 'SERVICE_CONTROL_POLICY',
          Content: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 'iam:CreateRole', Resource: '*' }] }),
        }),
      );
      await orgs.send(new AttachPolicyCommand({ PolicyId: Policy!.PolicySummary!.Id!, TargetId: account }));
      const { Credentials } = await new STSClient(server.clientConfig).send(
        new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${account}:role/OrganizationAccountAccessRole`, RoleSessionName: 'ops' }),
      );
      const member = new IAMClient({
        ...server.clientConfig,
        credentials: { accessKeyId: Credentials!.AccessKeyId!, secretAccessKey: Credentials!.SecretAccessKey!, sessionToken: Credentials!.SessionToken! },
      });
      await member.send(new ListRolesCommand({}));
      await assert.rejects(
        member.send(new CreateRoleCommand({ RoleName: 'Blocked', AssumeRolePolicyDocument: TRUST })),
        (e: Error) =>
          awsError('AccessDenied', 403)(e) &&
          e.message.startsWith(`User: arn:aws:sts::${account}:assumed-role/OrganizationAccountAccessRole/ops is not authorized to perform: iam:CreateRole`) &&
          e.message.endsWith('with an explicit deny in a service control policy'),
      );
    });
  });
}
