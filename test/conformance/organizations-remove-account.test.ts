// Accounts that leave the organization, through the real AWS SDK on both back ends:
// RemoveAccountFromOrganization (management account) and LeaveOrganization (the member itself).
// A removed account becomes standalone: Organizations no longer knows it, but its IAM still
// serves its principals (OrganizationAccountAccessRole still trusts the management account),
// with no SCP any more; Identity Center takes no new assignments on it and its old ones go inert.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  OrganizationsClient, AttachPolicyCommand, CreateAccountCommand, CreatePolicyCommand, DescribeAccountCommand,
  DescribeOrganizationCommand, EnableAWSServiceAccessCommand, LeaveOrganizationCommand, ListAccountsCommand,
  ListChildrenCommand, ListRootsCommand, ListTargetsForPolicyCommand, RegisterDelegatedAdministratorCommand,
  RemoveAccountFromOrganizationCommand,
} from '@aws-sdk/client-organizations';
import { STSClient, AssumeRoleCommand, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { IAMClient, CreateRoleCommand, CreateSAMLProviderCommand, ListRolesCommand, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import {
  SSOAdminClient, CreateAccountAssignmentCommand, CreatePermissionSetCommand, DescribeAccountAssignmentCreationStatusCommand,
} from '@aws-sdk/client-sso-admin';
import { IdentitystoreClient, CreateUserCommand } from '@aws-sdk/client-identitystore';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { startTestServer, type TestServer } from '../support/server.js';
import { awsError } from '../support/aws-error.js';
import { settle } from '../support/settle.js';
import { newTestIdp, trustPolicyFor } from '../saml/saml-fixture.js';
import { userAccounts, userPermissionSets } from '../../src/domain/portal/user-access.js';
import type { PortalSession } from '../../src/domain/sessions/portal-session.js';

/** The CLI's environment: the test server's key and nothing from the developer's own config. */
const cliEnv = (server: TestServer) => {
  const env: NodeJS.ProcessEnv = { ...process.env, AWS_ACCESS_KEY_ID: server.credentials.accessKeyId, AWS_SECRET_ACCESS_KEY: server.credentials.secretAccessKey, AWS_CONFIG_FILE: '/dev/null', AWS_SHARED_CREDENTIALS_FILE: '/dev/null' };
  delete env.AWS_PROFILE;
  delete env.AWS_SESSION_TOKEN;
  return env;
};
const whichAws = async () => promisify(execFile)('aws', ['--version']).then(() => true, () => false);

const DENY_IAM = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 'iam:*', Resource: '*' }] });

for (const backend of ['sqlite', 'postgres'] as const) {
  describe(`accounts leaving the organization (${backend})`, () => {
    let server: TestServer;
    let org: OrganizationsClient;
    let mgmt: string;
    let rootId: string;
    let n = 0;

    const createAccount = async (name: string, tags: { Key: string; Value: string }[] = []) => {
      n += 1;
      const r = await org.send(new CreateAccountCommand({ Email: `${name.toLowerCase()}-${n}@example.com`, AccountName: name, Tags: tags }));
      assert.equal(r.CreateAccountStatus?.State, 'SUCCEEDED');
      return r.CreateAccountStatus!.AccountId!;
    };

    /** An SDK config acting as OrganizationAccountAccessRole in `account`, assumed by the management admin. */
    const inAccount = async (account: string) => {
      const { Credentials: c } = await new STSClient(server.clientConfig).send(
        new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${account}:role/OrganizationAccountAccessRole`, RoleSessionName: 'ops' }),
      );
      return { ...server.clientConfig, credentials: { accessKeyId: c!.AccessKeyId!, secretAccessKey: c!.SecretAccessKey!, sessionToken: c!.SessionToken! } };
    };

    before(async () => {
      server = await startTestServer({ backend });
      org = new OrganizationsClient(server.clientConfig);
      mgmt = (await org.send(new DescribeOrganizationCommand({}))).Organization!.MasterAccountId!;
      rootId = (await org.send(new ListRootsCommand({}))).Roots![0]!.Id!;
    });
    after(() => server.close());

    test('RemoveAccountFromOrganization: the account disappears from Organizations and is recorded as standalone', async () => {
      const account = await createAccount('Leaver', [{ Key: 'team', Value: 'blue' }]);
      const { Policy } = await org.send(new CreatePolicyCommand({ Name: 'leaver-scp', Description: '', Type: 'SERVICE_CONTROL_POLICY', Content: DENY_IAM }));
      await org.send(new AttachPolicyCommand({ PolicyId: Policy!.PolicySummary!.Id!, TargetId: account }));

      await org.send(new RemoveAccountFromOrganizationCommand({ AccountId: account }));

      await assert.rejects(org.send(new DescribeAccountCommand({ AccountId: account })), awsError('AccountNotFoundException'));
      const listed = (await org.send(new ListAccountsCommand({}))).Accounts!.map((a) => a.Id);
      assert.ok(listed.includes(mgmt) && !listed.includes(account));
      const children = (await org.send(new ListChildrenCommand({ ParentId: rootId, ChildType: 'ACCOUNT' }))).Children!.map((c) => c.Id);
      assert.ok(!children.includes(account));
      const targets = (await org.send(new ListTargetsForPolicyCommand({ PolicyId: Policy!.PolicySummary!.Id! }))).Targets!;
      assert.deepEqual(targets, [], 'its policy attachment is gone');
      const repo = server.server.services.ports.store.organizations;
      assert.deepEqual(await repo.listTags(account), [], 'its tags are gone');
      const standing = await server.server.services.organizations.accountStanding(account);
      assert.equal(standing?.kind, 'standalone');
      assert.equal(standing?.account.name, 'Leaver');
      // A second removal finds no such account in the organization.
      await assert.rejects(org.send(new RemoveAccountFromOrganizationCommand({ AccountId: account })), awsError('AccountNotFoundException'));
    });

    test('aws organizations remove-account-from-organization --account-id (when the AWS CLI is installed)', async (t) => {
      if (!(await whichAws())) return t.skip('the AWS CLI is not installed');
      const account = await createAccount('CliLeaver');
      const { stdout } = await promisify(execFile)(
        'aws', ['organizations', 'remove-account-from-organization', '--account-id', account, '--endpoint-url', server.endpoint, '--region', 'us-east-1', '--output', 'json'],
        { env: cliEnv(server) },
      );
      assert.equal(stdout.trim(), '');
      await assert.rejects(org.send(new DescribeAccountCommand({ AccountId: account })), awsError('AccountNotFoundException'));
    });

    test('the management account cannot be removed, nor an unknown or malformed account id', async () => {
      await assert.rejects(org.send(new RemoveAccountFromOrganizationCommand({ AccountId: mgmt })),
        awsError('ConstraintViolationException', 400, { Reason: 'ACCOUNT_CANNOT_LEAVE_ORGANIZATION' }));
      await assert.rejects(org.send(new RemoveAccountFromOrganizationCommand({ AccountId: '999999999999' })), awsError('AccountNotFoundException'));
      await assert.rejects(org.send(new RemoveAccountFromOrganizationCommand({ AccountId: 'not-an-id' })), awsError('InvalidInputException'));
      assert.equal((await org.send(new DescribeAccountCommand({ AccountId: mgmt }))).Account?.Id, mgmt);
    });

    test('a delegated administrator cannot be removed until deregistered, and nothing is written', async () => {
      const account = await createAccount('Delegate');
      await org.send(new EnableAWSServiceAccessCommand({ ServicePrincipal: 'sso.amazonaws.com' }));
      await org.send(new RegisterDelegatedAdministratorCommand({ AccountId: account, ServicePrincipal: 'sso.amazonaws.com' }));
      await assert.rejects(org.send(new RemoveAccountFromOrganizationCommand({ AccountId: account })),
        awsError('ConstraintViolationException', 400, { Reason: 'CANNOT_REMOVE_DELEGATED_ADMINISTRATOR_FROM_ORG' }));
      assert.equal((await org.send(new DescribeAccountCommand({ AccountId: account }))).Account?.Id, account);
      assert.equal(await server.server.services.ports.store.organizations.getStandaloneAccount(account), undefined);
    });

    test('RemoveAccountFromOrganization only from the management account', async () => {
      const caller = await createAccount('Caller');
      const victim = await createAccount('Victim');
      const member = new OrganizationsClient(await inAccount(caller));
      await assert.rejects(member.send(new RemoveAccountFromOrganizationCommand({ AccountId: victim })), awsError('AccessDeniedException'));
      assert.equal((await org.send(new DescribeAccountCommand({ AccountId: victim }))).Account?.Id, victim);
    });

    test('LeaveOrganization from the member account, through its OrganizationAccountAccessRole', async () => {
      const account = await createAccount('SelfLeaver');
      const member = new OrganizationsClient(await inAccount(account));
      await member.send(new LeaveOrganizationCommand({}));
      await assert.rejects(org.send(new DescribeAccountCommand({ AccountId: account })), awsError('AccountNotFoundException'));
      // Now in no organization: Organizations answers it as AWS answers an account outside one.
      await assert.rejects(member.send(new DescribeOrganizationCommand({})), awsError('AWSOrganizationsNotInUseException'));
      await assert.rejects(member.send(new LeaveOrganizationCommand({})), awsError('AWSOrganizationsNotInUseException'));
    });

    test('LeaveOrganization from the management account is refused', async () => {
      await assert.rejects(org.send(new LeaveOrganizationCommand({})), awsError('MasterCannotLeaveOrganizationException'));
      assert.equal((await org.send(new DescribeAccountCommand({ AccountId: mgmt }))).Account?.Id, mgmt);
    });

    test('after removal the administrator still works in the account through IAM, and its SCP no longer applies', async () => {
      const account = await createAccount('Sandbox');
      const { Policy } = await org.send(new CreatePolicyCommand({ Name: 'no-iam', Description: '', Type: 'SERVICE_CONTROL_POLICY', Content: DENY_IAM }));
      await org.send(new AttachPolicyCommand({ PolicyId: Policy!.PolicySummary!.Id!, TargetId: account }));
      const metadata = newTestIdp(Date.now()).metadata;

      const before = new IAMClient(await inAccount(account));
      await assert.rejects(before.send(new CreateSAMLProviderCommand({ Name: 'Gatehouse', SAMLMetadataDocument: metadata })), awsError('AccessDenied', 403));

      await org.send(new RemoveAccountFromOrganizationCommand({ AccountId: account }));

      const config = await inAccount(account);
      const me = await new STSClient(config).send(new GetCallerIdentityCommand({}));
      assert.equal(me.Arn, `arn:aws:sts::${account}:assumed-role/OrganizationAccountAccessRole/ops`);
      const iam = new IAMClient(config);
      const { SAMLProviderArn } = await iam.send(new CreateSAMLProviderCommand({ Name: 'Gatehouse', SAMLMetadataDocument: metadata }));
      assert.equal(SAMLProviderArn, `arn:aws:iam::${account}:saml-provider/Gatehouse`);
      const { Role } = await iam.send(new CreateRoleCommand({ RoleName: 'GatehouseDeveloper', AssumeRolePolicyDocument: trustPolicyFor(SAMLProviderArn!) }));
      assert.equal(Role?.Arn, `arn:aws:iam::${account}:role/GatehouseDeveloper`);
    });

    test('aws:PrincipalOrgID no longer matches a removed account, in request authorization and in trust policies', async () => {
      const { Organization } = await org.send(new DescribeOrganizationCommand({}));
      const inOrg = { StringEquals: { 'aws:PrincipalOrgID': Organization!.Id! } };
      const account = await createAccount('OrgBound');
      // In the management account: a role any principal of the organization may assume.
      await new IAMClient(server.clientConfig).send(new CreateRoleCommand({
        RoleName: 'OrgWide',
        AssumeRolePolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole', Condition: inOrg }] }),
      }));
      // In the member account: a role that may list roles only while it is in the organization.
      const admin = new IAMClient(await inAccount(account));
      await admin.send(new CreateRoleCommand({
        RoleName: 'OrgOnly',
        AssumeRolePolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${mgmt}:root` }, Action: 'sts:AssumeRole' }] }),
      }));
      await admin.send(new PutRolePolicyCommand({
        RoleName: 'OrgOnly', PolicyName: 'list-in-org',
        PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iam:ListRoles', Resource: '*', Condition: inOrg }] }),
      }));
      const orgOnly = async () => {
        const { Credentials: c } = await new STSClient(server.clientConfig).send(
          new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${account}:role/OrgOnly`, RoleSessionName: 'org-only' }),
        );
        return new IAMClient({ ...server.clientConfig, credentials: { accessKeyId: c!.AccessKeyId!, secretAccessKey: c!.SecretAccessKey!, sessionToken: c!.SessionToken! } });
      };
      const assumeOrgWide = async () => new STSClient(await inAccount(account)).send(
        new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${mgmt}:role/OrgWide`, RoleSessionName: 'member' }),
      );
      await (await orgOnly()).send(new ListRolesCommand({}));
      assert.ok((await assumeOrgWide()).Credentials?.AccessKeyId);

      await org.send(new RemoveAccountFromOrganizationCommand({ AccountId: account }));

      await assert.rejects((await orgOnly()).send(new ListRolesCommand({})), awsError('AccessDenied', 403));
      await assert.rejects(assumeOrgWide(), awsError('AccessDenied', 403));
    });

    test('a principal of an account Gatehouse never knew (neither member nor removed) stays refused', async () => {
      // IAM holds a role in an account the organization never had; the management admin may assume it,
      // but requests signed in that account are refused.
      const unknown = '123412341234';
      const trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${mgmt}:root` }, Action: 'sts:AssumeRole' }] });
      await server.server.services.iam.createRole(unknown, { roleName: 'Stray', assumeRolePolicyDocument: trust });
      await server.server.services.iam.attachRolePolicy(unknown, 'Stray', 'arn:aws:iam::aws:policy/AdministratorAccess');
      const { Credentials: c } = await new STSClient(server.clientConfig).send(
        new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${unknown}:role/Stray`, RoleSessionName: 'stray' }),
      );
      const iam = new IAMClient({ ...server.clientConfig, credentials: { accessKeyId: c!.AccessKeyId!, secretAccessKey: c!.SecretAccessKey!, sessionToken: c!.SessionToken! } });
      await assert.rejects(iam.send(new CreateRoleCommand({ RoleName: 'More', AssumeRolePolicyDocument: trust })), (e: Error & { $metadata?: { httpStatusCode?: number } }) => {
        assert.ok((e.$metadata?.httpStatusCode ?? 0) >= 400 && (e.$metadata?.httpStatusCode ?? 0) < 500, `${e.name}: ${e.message}`);
        return true;
      });
      assert.equal(await server.server.services.ports.store.iam.getRole(unknown, 'More'), undefined);
    });

    test('Identity Center: no new assignment on a removed account; an earlier one goes inert and unlisted', async () => {
      const instance = await server.server.services.instance.get();
      const InstanceArn = instance.instanceArn;
      const admin = new SSOAdminClient(server.clientConfig);
      const account = await createAccount('Assigned');
      const { UserId } = await new IdentitystoreClient(server.clientConfig).send(new CreateUserCommand({
        IdentityStoreId: instance.identityStoreId, UserName: `ada-${backend}`, DisplayName: 'Ada', Name: { GivenName: 'Ada', FamilyName: 'L' },
      }));
      const { PermissionSet } = await admin.send(new CreatePermissionSetCommand({ InstanceArn, Name: 'Builders' }));
      const assign = (TargetId: string) => admin.send(new CreateAccountAssignmentCommand({
        InstanceArn, TargetId, TargetType: 'AWS_ACCOUNT', PermissionSetArn: PermissionSet!.PermissionSetArn!, PrincipalType: 'USER', PrincipalId: UserId!,
      }));
      const { AccountAssignmentCreationStatus: s } = await assign(account);
      const done = await settle(async () => (await admin.send(new DescribeAccountAssignmentCreationStatusCommand({
        InstanceArn, AccountAssignmentCreationRequestId: s!.RequestId!,
      }))).AccountAssignmentCreationStatus);
      assert.equal(done?.Status, 'SUCCEEDED');

      const { services } = server.server;
      const store = services.ports.store;
      const session = { sessionId: 'session-1', userId: UserId!, userName: `ada-${backend}` } as PortalSession;
      assert.deepEqual((await userAccounts(store, instance, UserId!)).map((a) => a.id), [account]);
      assert.deepEqual((await userPermissionSets(store, instance, UserId!, account)).map((p) => p.name), ['Builders']);

      await org.send(new RemoveAccountFromOrganizationCommand({ AccountId: account }));

      await assert.rejects(assign(account), awsError('ResourceNotFoundException'));
      assert.deepEqual(await userAccounts(store, instance, UserId!), [], 'the portal lists it no more');
      assert.deepEqual(await userPermissionSets(store, instance, UserId!, account), []);
      // Inert: the provisioned role stays in the account's IAM, but the portal issues no credentials for it.
      const roles = await store.iam.listRoles(account);
      assert.ok(roles.some((r) => r.roleName.startsWith('AWSReservedSSO_Builders_')), 'the provisioned role is still there');
      assert.equal(await services.portal.sessionRoleCredentials(session, account, 'Builders'), undefined, 'no credentials after the removal');
    });
  });
}
