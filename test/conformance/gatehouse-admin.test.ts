// The Gatehouse admin API (awsJson 1.1, GatehouseAdmin.*, SigV4 service `gatehouse`) through a
// running server with a SigV4-signing client, on every back end.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { AdminApiError, AdminClient } from '../../src/cli/admin-client.js';
import { SSOClient, ListAccountsCommand } from '@aws-sdk/client-sso';
import { IAMClient, CreateRoleCommand, AttachRolePolicyCommand, ListRolesCommand } from '@aws-sdk/client-iam';
import { STSClient, AssumeRoleCommand } from '@aws-sdk/client-sts';
import { SSOOIDCClient } from '@aws-sdk/client-sso-oidc';
import { deviceLogin } from '../support/browser.js';
import { startTestServer, type TestServer } from '../support/server.js';

const refusedWith = (type: string, status = 400, message?: RegExp) => (e: unknown) => {
  assert.ok(e instanceof AdminApiError, String(e));
  assert.equal(e.type, type, e.message);
  assert.equal(e.status, status);
  if (message) assert.match(e.message, message);
  return true;
};

for (const backend of ['sqlite', 'postgres'] as const) {
  describe(`gatehouse admin API (${backend})`, () => {
    let server: TestServer;
    let admin: AdminClient;
    let aliceId: string;
    before(async () => {
      server = await startTestServer({ backend });
      admin = new AdminClient(server.clientConfig);
      const { identityStoreId } = await server.server.services.instance.get();
      const alice = await server.server.services.identityStore.createUser(identityStoreId, {
        UserName: 'alice',
        DisplayName: 'Alice',
        Name: { GivenName: 'Alice', FamilyName: 'Example' },
      });
      aliceId = alice.userId;
    });
    after(() => server.close());

    test('SetUserPassword by user name; the password signs in', async () => {
      const out = await admin.call('SetUserPassword', { UserName: 'alice', Password: 'a fine long password' });
      assert.deepEqual(out, { UserId: aliceId, MustChangePassword: false });
      const check = await server.server.services.directory.checkPassword('alice', 'a fine long password');
      assert.equal(check.ok, true);
    });

    test('SetUserPassword one-time by user id; without a password one is generated', async () => {
      assert.deepEqual(await admin.call('SetUserPassword', { UserId: aliceId, Password: 'temporary pass 77', OneTime: true }), { UserId: aliceId, MustChangePassword: true });
      const out = await admin.call<{ GeneratedPassword: string; MustChangePassword: boolean }>('SetUserPassword', { UserName: 'alice' });
      assert.equal(out.MustChangePassword, true);
      const check = await server.server.services.directory.checkPassword('alice', out.GeneratedPassword);
      assert.ok(check.ok && check.mustChangePassword);
    });

    test('NIST rules and the model are enforced as ValidationException', async () => {
      await assert.rejects(admin.call('SetUserPassword', { UserName: 'alice', Password: 'short' }), refusedWith('ValidationException', 400, /at least 8/));
      await assert.rejects(admin.call('SetUserPassword', { UserName: 'alice', Password: 'password1' }), refusedWith('ValidationException', 400, /common/));
      await assert.rejects(admin.call('SetUserPassword', { UserId: 'not-a-uuid', Password: 'a fine long password' }), refusedWith('ValidationException'));
      await assert.rejects(admin.call('SetUserPassword', { Password: 'a fine long password' }), refusedWith('ValidationException', 400, /exactly one/));
      await assert.rejects(admin.call('UpdateSettings', { MfaMode: 'sometimes' }), refusedWith('ValidationException'));
    });

    test('an unknown user is ResourceNotFoundException', async () => {
      await assert.rejects(admin.call('DisableUser', { UserName: 'nobody' }), refusedWith('ResourceNotFoundException'));
      await assert.rejects(admin.call('GetUserSignInStatus', { UserId: '00000000-0000-0000-0000-000000000000' }), refusedWith('ResourceNotFoundException'));
    });

    test('DisableUser, GetUserSignInStatus, EnableUser', async () => {
      assert.deepEqual(await admin.call('DisableUser', { UserName: 'alice' }), { UserId: aliceId, Disabled: true });
      const s = await admin.call<Record<string, unknown>>('GetUserSignInStatus', { UserName: 'alice' });
      assert.equal(s.Disabled, true);
      assert.equal(typeof s.DisabledAt, 'number');
      assert.equal(s.HasPassword, true);
      assert.equal(s.MfaDeviceCount, 0);
      assert.equal(await server.server.services.directory.isActive(aliceId), false);
      assert.deepEqual(await admin.call('EnableUser', { UserId: aliceId }), { UserId: aliceId, Disabled: false });
      assert.equal(await server.server.services.directory.isActive(aliceId), true);
    });

    test('UnlockUser clears failures and the lock', async () => {
      await admin.call('SetUserPassword', { UserName: 'alice', Password: 'a fine long password' });
      for (let i = 0; i < 5; i++) await server.server.services.directory.checkPassword('alice', 'wrong password here');
      const locked = await admin.call<Record<string, unknown>>('GetUserSignInStatus', { UserName: 'alice' });
      assert.equal(locked.ConsecutiveFailures, 5);
      assert.equal(typeof locked.RetryAfter, 'number');
      assert.deepEqual(await admin.call('UnlockUser', { UserName: 'alice' }), { UserId: aliceId });
      const clear = await admin.call<Record<string, unknown>>('GetUserSignInStatus', { UserName: 'alice' });
      assert.equal(clear.ConsecutiveFailures, 0);
      assert.equal(clear.RetryAfter, undefined);
    });

    test('ListUserMfaDevices and DeleteUserMfaDevice', async () => {
      const directory = server.server.services.directory;
      const { totpCode, totpStep } = await import('../../src/domain/directory/totp.js');
      const e = await directory.startTotpEnrollment(aliceId, 'phone');
      await directory.confirmTotp(aliceId, e.enrollmentId, totpCode(e.secret, totpStep(Date.now())));
      const listed = await admin.call<{ MfaDevices: Record<string, unknown>[] }>('ListUserMfaDevices', { UserName: 'alice' });
      assert.equal(listed.MfaDevices.length, 1);
      assert.equal(listed.MfaDevices[0]!.DeviceId, e.enrollmentId);
      assert.equal(listed.MfaDevices[0]!.Name, 'phone');
      assert.equal(listed.MfaDevices[0]!.Kind, 'totp');
      assert.equal(JSON.stringify(listed).includes(e.secret), false);
      assert.deepEqual(await admin.call('DeleteUserMfaDevice', { UserName: 'alice', DeviceId: e.enrollmentId }), {});
      await assert.rejects(admin.call('DeleteUserMfaDevice', { UserName: 'alice', DeviceId: e.enrollmentId }), refusedWith('ResourceNotFoundException'));
      assert.deepEqual(await admin.call('ListUserMfaDevices', { UserName: 'alice' }), { UserId: aliceId, MfaDevices: [] });
    });

    test('GetSettings and UpdateSettings', async () => {
      assert.deepEqual(await admin.call('GetSettings'), { MfaMode: 'required', SessionDuration: 'PT8H' });
      assert.deepEqual(await admin.call('UpdateSettings', { MfaMode: 'optional' }), { MfaMode: 'optional', SessionDuration: 'PT8H' });
      assert.deepEqual(await admin.call('UpdateSettings', { SessionDuration: 'PT12H' }), { MfaMode: 'optional', SessionDuration: 'PT12H' });
      await assert.rejects(admin.call('UpdateSettings', { SessionDuration: 'PT5M' }), refusedWith('ValidationException', 400, /PT15M/));
      assert.deepEqual(await admin.call('GetSettings'), { MfaMode: 'optional', SessionDuration: 'PT12H' });
    });

    test('ListUserSessions and EndUserSessions: an ended session ends its tokens', async () => {
      await admin.call('SetUserPassword', { UserName: 'alice', Password: 'sessions are ended here' });
      await admin.call('UpdateSettings', { MfaMode: 'off' });
      const portal = new SSOClient({ endpoint: server.endpoint, region: server.region, maxAttempts: 1 });
      const login = await deviceLogin(new SSOOIDCClient({ endpoint: server.endpoint, region: server.region, maxAttempts: 1 }), server.endpoint, {
        userName: 'alice',
        password: 'sessions are ended here',
      });
      await portal.send(new ListAccountsCommand({ accessToken: login.accessToken! }));
      const listed = await admin.call<{ Sessions: { SessionId: string }[] }>('ListUserSessions', { UserName: 'alice' });
      assert.equal(listed.Sessions.length, 1);
      await assert.rejects(admin.call('EndUserSessions', { UserName: 'alice', SessionId: '00000000-0000-4000-8000-000000000000' }), refusedWith('ResourceNotFoundException'));
      assert.deepEqual(await admin.call('EndUserSessions', { UserName: 'alice', SessionId: listed.Sessions[0]!.SessionId }), { UserId: aliceId, EndedSessions: 1 });
      assert.deepEqual((await admin.call<{ Sessions: unknown[] }>('ListUserSessions', { UserName: 'alice' })).Sessions, []);
      await assert.rejects(portal.send(new ListAccountsCommand({ accessToken: login.accessToken! })), (e: Error) => e.name === 'UnauthorizedException');
      await admin.call('UpdateSettings', { MfaMode: 'required' });
    });

    test('RevokeRoleSessions: sessions issued before it are refused, new ones work', async () => {
      const { ownerAccountId } = await server.server.services.instance.get();
      const iam = new IAMClient(server.clientConfig);
      const trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ownerAccountId}:root` }, Action: 'sts:AssumeRole' }] });
      await iam.send(new CreateRoleCommand({ RoleName: 'Operator', AssumeRolePolicyDocument: trust }));
      await iam.send(new AttachRolePolicyCommand({ RoleName: 'Operator', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }));
      const assume = async () => {
        const { Credentials: c } = await new STSClient(server.clientConfig).send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${ownerAccountId}:role/Operator`, RoleSessionName: 'ops' }));
        return new IAMClient({ ...server.clientConfig, credentials: { accessKeyId: c!.AccessKeyId!, secretAccessKey: c!.SecretAccessKey!, sessionToken: c!.SessionToken! } });
      };
      const before = await assume();
      await before.send(new ListRolesCommand({}));
      // Sessions are dated in milliseconds: the cut-off must come strictly after the session.
      await new Promise((r) => setTimeout(r, 5));
      await admin.call('RevokeRoleSessions', { AccountId: ownerAccountId, RoleName: 'Operator' });
      await assert.rejects(before.send(new ListRolesCommand({})), (e: Error) => e.name === 'AccessDenied' && /revoked/.test(e.message));
      await new Promise((r) => setTimeout(r, 5));
      await (await assume()).send(new ListRolesCommand({}));
      await assert.rejects(admin.call('RevokeRoleSessions', { AccountId: ownerAccountId, RoleName: 'Nobody' }), refusedWith('ResourceNotFoundException'));
    });

    test('a caller without gatehouse:* permissions is refused with AccessDeniedException', async () => {
      const services = server.server.services;
      const { ownerAccountId } = await services.instance.get();
      await services.iam.createIamUser(ownerAccountId, { userName: 'no-permissions' });
      const key = await services.iam.createUserAccessKey(ownerAccountId, 'no-permissions');
      const nobody = new AdminClient({ ...server.clientConfig, credentials: { accessKeyId: key.accessKeyId, secretAccessKey: key.secretAccessKey } });
      await assert.rejects(nobody.call('GetSettings'), refusedWith('AccessDeniedException', 400, /gatehouse:GetSettings/));
      await assert.rejects(nobody.call('SetUserPassword', { UserName: 'alice', Password: 'an attacker password' }), refusedWith('AccessDeniedException'));
      assert.equal((await services.directory.checkPassword('alice', 'an attacker password')).ok, false);
    });

    test('wire: an unsigned or wrongly signed call is refused, the name in x-amzn-ErrorType and __type', async () => {
      const response = await fetch(server.endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'GatehouseAdmin.GetSettings' },
        body: '{}',
      });
      assert.equal(response.status, 403);
      const body = (await response.json()) as Record<string, unknown>;
      assert.match(String(body.__type), /MissingAuthenticationTokenException/);
      assert.match(response.headers.get('x-amzn-errortype') ?? '', /MissingAuthenticationTokenException/);
      assert.ok(response.headers.get('x-amzn-requestid'));
      const forged = new AdminClient({ ...server.clientConfig, credentials: { ...server.credentials, secretAccessKey: 'wrong-secret-wrong-secret-wrong-secret-000' } });
      await assert.rejects(forged.call('GetSettings'), refusedWith('InvalidSignatureException'));
    });
  });
}
