// The real sso portal client (the API behind `aws sso` and the SDKs' SSO credential provider):
// a user signs in through the device flow, lists the accounts and roles assigned to them
// directly and through a group, gets role credentials that STS answers for, and logs out; the
// role credentials die with the portal session.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { SSOOIDCClient } from '@aws-sdk/client-sso-oidc';
import { SSOClient, ListAccountsCommand, ListAccountRolesCommand, GetRoleCredentialsCommand, LogoutCommand, paginateListAccounts } from '@aws-sdk/client-sso';
import { STSClient, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { OrganizationsClient, CreateAccountCommand } from '@aws-sdk/client-organizations';
import { IdentitystoreClient, CreateUserCommand, CreateGroupCommand, CreateGroupMembershipCommand } from '@aws-sdk/client-identitystore';
import {
  SSOAdminClient,
  ListInstancesCommand,
  CreatePermissionSetCommand,
  CreateAccountAssignmentCommand,
  DescribeAccountAssignmentCreationStatusCommand,
  AttachManagedPolicyToPermissionSetCommand,
} from '@aws-sdk/client-sso-admin';
import { startTestServer, type TestServer } from '../support/server.js';
import { awsError } from '../support/aws-error.js';
import { settle } from '../support/settle.js';
import { IAMClient, ListRolesCommand, CreateRoleCommand } from '@aws-sdk/client-iam';
import { deviceLogin, type Credentials } from '../support/browser.js';
import { fromSSO } from '@aws-sdk/credential-providers';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';

for (const backend of ['sqlite', 'postgres'] as const) {
  describe(`sso portal conformance (${backend})`, () => {
    let server: TestServer;
    let oidc: SSOOIDCClient;
    let sso: SSOClient;
    let userId: string;
    const accounts: string[] = [];
    const names = ['Alpha', 'Beta', 'Gamma'];
    let roleSuffix: Record<string, string> = {};
    let accessToken: string;
    const lin: Credentials = { userName: 'linus', password: 'granite-sparrow-orbit-5512' };

    before(async () => {
      server = await startTestServer({ backend });
      const config = { endpoint: server.endpoint, region: server.region, maxAttempts: 1 };
      oidc = new SSOOIDCClient(config);
      sso = new SSOClient(config);
      const admin = new SSOAdminClient(server.clientConfig);
      const { InstanceArn, IdentityStoreId } = (await admin.send(new ListInstancesCommand({}))).Instances![0]! as { InstanceArn: string; IdentityStoreId: string };
      const ids = new IdentitystoreClient(server.clientConfig);
      userId = (await ids.send(new CreateUserCommand({ IdentityStoreId, UserName: lin.userName, DisplayName: 'Linus', Name: { GivenName: 'Linus', FamilyName: 'T' }, Title: 'Kernel' }))).UserId!;
      const groupId = (await ids.send(new CreateGroupCommand({ IdentityStoreId, DisplayName: 'Ops' }))).GroupId!;
      await ids.send(new CreateGroupMembershipCommand({ IdentityStoreId, GroupId: groupId, MemberId: { UserId: userId } }));
      const services = server.server.services;
      await services.directory.setPassword(userId, lin.password);
      await services.directory.updateSettings({ mfaMode: 'off' });
      await services.ssoAdmin.createAccessControlAttributes(InstanceArn, [{ key: 'title', source: ['${path:title}'] }]);
      const org = new OrganizationsClient(server.clientConfig);
      for (let n = 0; n < 2; n++) {
        accounts.push((await org.send(new CreateAccountCommand({ Email: `portal${n}-${backend}@example.com`, AccountName: `Portal ${n}` }))).CreateAccountStatus!.AccountId!);
      }
      const sets: Record<string, string> = {};
      for (const Name of names) {
        const ps = (await admin.send(new CreatePermissionSetCommand({ InstanceArn, Name, SessionDuration: 'PT2H' }))).PermissionSet!;
        sets[Name] = ps.PermissionSetArn!;
        roleSuffix[Name] = (await services.ssoAdmin.describePermissionSet(InstanceArn, ps.PermissionSetArn!)).roleSuffix;
      }
      await admin.send(new AttachManagedPolicyToPermissionSetCommand({ InstanceArn, PermissionSetArn: sets.Gamma!, ManagedPolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }));
      // Alpha and Beta to the user on account 0, Gamma to the group on account 1.
      const assign = [[sets.Alpha!, 'USER', userId, accounts[0]!], [sets.Beta!, 'USER', userId, accounts[0]!], [sets.Gamma!, 'GROUP', groupId, accounts[1]!]] as const;
      for (const [PermissionSetArn, PrincipalType, PrincipalId, TargetId] of assign) {
        const s = (await admin.send(new CreateAccountAssignmentCommand({ InstanceArn, PermissionSetArn, PrincipalType, PrincipalId, TargetType: 'AWS_ACCOUNT', TargetId }))).AccountAssignmentCreationStatus!;
        const done = await settle(async () => (await admin.send(new DescribeAccountAssignmentCreationStatusCommand({ InstanceArn, AccountAssignmentCreationRequestId: s.RequestId! }))).AccountAssignmentCreationStatus);
        assert.equal(done.Status, 'SUCCEEDED', done.FailureReason);
      }
      accessToken = (await deviceLogin(oidc, server.endpoint, lin)).accessToken!;
    });
    after(() => server.close());

    test('ListAccounts: the accounts assigned directly and through a group, paginated', async () => {
      const { accountList, nextToken } = await sso.send(new ListAccountsCommand({ accessToken }));
      assert.equal(nextToken, undefined);
      assert.deepEqual(accountList!.map((a) => a.accountId).sort(), [...accounts].sort());
      const first = accountList!.find((a) => a.accountId === accounts[0])!;
      assert.equal(first.accountName, 'Portal 0');
      assert.equal(first.emailAddress, `portal0-${backend}@example.com`);
      const paged: string[] = [];
      for await (const page of paginateListAccounts({ client: sso, pageSize: 1 }, { accessToken })) paged.push(...page.accountList!.map((a) => a.accountId!));
      assert.deepEqual(paged.sort(), [...accounts].sort());
      await assert.rejects(sso.send(new ListAccountsCommand({ accessToken, maxResults: 101 })), awsError('InvalidRequestException', 400));
    });

    test('ListAccountRoles: the permission set names on each account', async () => {
      const a0 = await sso.send(new ListAccountRolesCommand({ accessToken, accountId: accounts[0] }));
      assert.deepEqual(a0.roleList, [{ roleName: 'Alpha', accountId: accounts[0] }, { roleName: 'Beta', accountId: accounts[0] }]);
      const a1 = await sso.send(new ListAccountRolesCommand({ accessToken, accountId: accounts[1] }));
      assert.deepEqual(a1.roleList, [{ roleName: 'Gamma', accountId: accounts[1] }]);
      const none = await sso.send(new ListAccountRolesCommand({ accessToken, accountId: '999999999999' }));
      assert.deepEqual(none.roleList, []);
    });

    test('a bad token is UnauthorizedException (401)', async () => {
      await assert.rejects(sso.send(new ListAccountsCommand({ accessToken: 'not-a-token' })), awsError('UnauthorizedException', 401));
    });

    test('GetRoleCredentials: credentials for the provisioned role that STS answers for; attributes become tags', async () => {
      const before = Date.now();
      const { roleCredentials: c } = await sso.send(new GetRoleCredentialsCommand({ accessToken, accountId: accounts[1], roleName: 'Gamma' }));
      assert.match(c!.accessKeyId!, /^ASIA[A-Z2-7]{16}$/);
      assert.ok(Math.abs(c!.expiration! - (before + 2 * 3600_000)) < 60_000, 'expiration is epoch milliseconds, PT2H from now');
      const sts = new STSClient({ endpoint: server.endpoint, region: server.region, maxAttempts: 1, credentials: { accessKeyId: c!.accessKeyId!, secretAccessKey: c!.secretAccessKey!, sessionToken: c!.sessionToken! } });
      const id = await sts.send(new GetCallerIdentityCommand({}));
      assert.equal(id.Account, accounts[1]);
      assert.equal(id.Arn, `arn:aws:sts::${accounts[1]}:assumed-role/AWSReservedSSO_Gamma_${roleSuffix.Gamma}/linus`);
      const resolved = await server.server.services.sts.resolveTemporaryCredentials(c!.accessKeyId!, c!.sessionToken!);
      assert.deepEqual(resolved?.session.tags, [{ key: 'title', value: 'Kernel' }]);
      await assert.rejects(sso.send(new GetRoleCredentialsCommand({ accessToken, accountId: accounts[1], roleName: 'Alpha' })), awsError('ResourceNotFoundException', 404));
    });

    test('credentials of a read-only permission set read, and a write is refused', async () => {
      const { roleCredentials: c } = await sso.send(new GetRoleCredentialsCommand({ accessToken, accountId: accounts[1], roleName: 'Gamma' }));
      const iam = new IAMClient({ endpoint: server.endpoint, region: server.region, maxAttempts: 1, credentials: { accessKeyId: c!.accessKeyId!, secretAccessKey: c!.secretAccessKey!, sessionToken: c!.sessionToken! } });
      const { Roles } = await iam.send(new ListRolesCommand({}));
      assert.ok(Roles!.some((r) => r.RoleName === `AWSReservedSSO_Gamma_${roleSuffix.Gamma}`));
      const trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] });
      await assert.rejects(
        iam.send(new CreateRoleCommand({ RoleName: 'NotAllowed', AssumeRolePolicyDocument: trust })),
        (e: Error) => awsError('AccessDenied', 403)(e) && e.message.includes(`assumed-role/AWSReservedSSO_Gamma_${roleSuffix.Gamma}/linus is not authorized to perform: iam:CreateRole`),
      );
    });

    test("the SDK's SSO credential provider (an sso-session profile) refreshes its token and gets credentials", async () => {
      const login = await deviceLogin(oidc, server.endpoint, lin);
      const home = mkdtempSync(join(tmpdir(), 'gatehouse-sso-home-'));
      const savedHome = process.env.HOME;
      try {
        process.env.HOME = home;
        const config = join(home, 'config');
        writeFileSync(config, [
          '[profile gatehouse]', `sso_session = gh-${backend}`, `sso_account_id = ${accounts[1]}`, 'sso_role_name = Gamma', `region = ${server.region}`,
          `[sso-session gh-${backend}]`, `sso_start_url = ${server.endpoint}/start`, `sso_region = ${server.region}`, 'sso_registration_scopes = sso:account:access', '',
        ].join('\n'));
        const cacheDir = join(home, '.aws', 'sso', 'cache');
        mkdirSync(cacheDir, { recursive: true });
        const cacheFile = join(cacheDir, `${createHash('sha1').update(`gh-${backend}`).digest('hex')}.json`);
        // Two minutes left (the session name differs per back end: the provider allows one refresh per session in 30 s): inside the provider's refresh window, so it refreshes first.
        writeFileSync(cacheFile, JSON.stringify({
          startUrl: `${server.endpoint}/start`, region: server.region, accessToken: login.accessToken, refreshToken: login.refreshToken,
          expiresAt: new Date(Date.now() + 120_000).toISOString(), clientId: login.clientId, clientSecret: login.clientSecret,
          registrationExpiresAt: new Date(login.registrationExpiresAt * 1000).toISOString(),
        }));
        const creds = await fromSSO({ profile: 'gatehouse', configFilepath: config, filepath: join(home, 'credentials'), clientConfig: { endpoint: server.endpoint } })();
        const cached = JSON.parse(readFileSync(cacheFile, 'utf8'));
        assert.notEqual(cached.refreshToken, login.refreshToken, 'the refresh token was rotated and written back');
        const sts = new STSClient({ endpoint: server.endpoint, region: server.region, maxAttempts: 1, credentials: creds });
        assert.equal((await sts.send(new GetCallerIdentityCommand({}))).Arn, `arn:aws:sts::${accounts[1]}:assumed-role/AWSReservedSSO_Gamma_${roleSuffix.Gamma}/linus`);
      } finally {
        process.env.HOME = savedHome;
        rmSync(home, { recursive: true, force: true });
      }
    });

    test('Logout ends the token, its portal session, and the role credentials issued through it', async () => {
      const { roleCredentials: c } = await sso.send(new GetRoleCredentialsCommand({ accessToken, accountId: accounts[0], roleName: 'Alpha' }));
      const sts = new STSClient({ endpoint: server.endpoint, region: server.region, maxAttempts: 1, credentials: { accessKeyId: c!.accessKeyId!, secretAccessKey: c!.secretAccessKey!, sessionToken: c!.sessionToken! } });
      assert.ok(await sts.send(new GetCallerIdentityCommand({})));
      await sso.send(new LogoutCommand({ accessToken }));
      await assert.rejects(sso.send(new ListAccountsCommand({ accessToken })), awsError('UnauthorizedException', 401));
      await assert.rejects(sts.send(new GetCallerIdentityCommand({})), awsError('ExpiredToken', 403));
    });

    test('disabling the user ends their sessions at the next request; administrators list and end sessions', async () => {
      const services = server.server.services;
      await services.sessions.endUserSessions(userId);
      const token = (await deviceLogin(oidc, server.endpoint, lin)).accessToken!;
      assert.equal((await services.sessions.listUserSessions(userId)).length, 1);
      const { roleCredentials: c } = await sso.send(new GetRoleCredentialsCommand({ accessToken: token, accountId: accounts[1], roleName: 'Gamma' }));
      const sts = new STSClient({ endpoint: server.endpoint, region: server.region, maxAttempts: 1, credentials: { accessKeyId: c!.accessKeyId!, secretAccessKey: c!.secretAccessKey!, sessionToken: c!.sessionToken! } });
      assert.ok(await sts.send(new GetCallerIdentityCommand({})));
      await services.directory.disableUser(userId);
      await assert.rejects(sts.send(new GetCallerIdentityCommand({})), awsError('ExpiredToken', 403));
      await assert.rejects(sso.send(new ListAccountsCommand({ accessToken: token })), awsError('UnauthorizedException', 401));
      assert.deepEqual(await services.sessions.listUserSessions(userId), []);
      await services.directory.enableUser(userId);
      const again = (await deviceLogin(oidc, server.endpoint, lin)).accessToken!;
      assert.equal(await services.sessions.endUserSessions(userId), 1);
      await assert.rejects(sso.send(new ListAccountsCommand({ accessToken: again })), awsError('UnauthorizedException', 401));
    });
  });
}
