// The AWS API calls in the audit log, through a running server and the real SDK clients: writes
// are recorded whether they succeed or fail, refusals are recorded even for reads, answered reads,
// GetCallerIdentity and badly signed requests are not, and no secret reaches the log.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { IdentitystoreClient, CreateUserCommand, CreateGroupCommand, DescribeUserCommand, ListUsersCommand } from '@aws-sdk/client-identitystore';
import { IAMClient, ListUsersCommand as IamListUsersCommand, CreateRoleCommand, AttachRolePolicyCommand } from '@aws-sdk/client-iam';
import { STSClient, AssumeRoleCommand, AssumeRoleWithSAMLCommand, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { AdminApiError, AdminClient } from '../../src/cli/admin-client.js';
import type { AuditEvent } from '../../src/domain/audit/audit-event.js';
import type { AuditLookup } from '../../src/domain/audit/audit-log.js';
import { HIDDEN } from '../../src/domain/audit/hide-secrets.js';
import { apiCallRule } from '../../src/server/audit-api-calls.js';
import { loadActionCatalog } from '../../src/protocols/authorization/action-catalog.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { awsError } from '../support/aws-error.js';

const ADMINISTRATOR_ACCESS = 'arn:aws:iam::aws:policy/AdministratorAccess';

test('what is kept: the catalog decides reads; the Gatehouse admin API reads by name', async () => {
  const catalog = await loadActionCatalog();
  const rules = Object.fromEntries(
    [
      'identitystore:DescribeUser',
      'sso:ListAccountAssignments',
      'iam:SimulatePrincipalPolicy',
      'identitystore:CreateUser',
      'sso:ProvisionPermissionSet',
      'organizations:AttachPolicy',
      'sts:AssumeRole',
      'sts:GetCallerIdentity',
      'gatehouse:GetSettings',
      'gatehouse:ListUserSessions',
      'gatehouse:DescribeApplication',
      'gatehouse:LookupAuditEvents',
      'gatehouse:UpdateSettings',
      'gatehouse:SetUserPassword',
      'gatehouse:Getaway',
      'iam:NotInTheCatalog',
    ].map((a) => [a, apiCallRule(catalog, a)]),
  );
  assert.deepEqual(rules, {
    'identitystore:DescribeUser': 'refused',
    'sso:ListAccountAssignments': 'refused',
    'iam:SimulatePrincipalPolicy': 'refused',
    'identitystore:CreateUser': 'always',
    'sso:ProvisionPermissionSet': 'always',
    'organizations:AttachPolicy': 'always',
    'sts:AssumeRole': 'always',
    'sts:GetCallerIdentity': 'never',
    'gatehouse:GetSettings': 'refused',
    'gatehouse:ListUserSessions': 'refused',
    'gatehouse:DescribeApplication': 'refused',
    'gatehouse:LookupAuditEvents': 'refused',
    'gatehouse:UpdateSettings': 'always',
    'gatehouse:SetUserPassword': 'always',
    // Not a Get prefix, and an action nobody classified is kept: better one event too many.
    'gatehouse:Getaway': 'always',
    'iam:NotInTheCatalog': 'always',
  });
});

for (const backend of ['sqlite', 'postgres'] as const) {
  describe(`AWS API calls in the audit log (${backend})`, () => {
    let server: TestServer;
    let mgmt: string;
    let identityStoreId: string;
    let adminUserId: string;
    let ids: IdentitystoreClient;

    const events = async (q: AuditLookup): Promise<readonly AuditEvent[]> => (await server.server.services.audit.lookup(q)).events;
    const only = async (q: AuditLookup): Promise<AuditEvent> => {
      const found = await events(q);
      assert.equal(found.length, 1, `one ${JSON.stringify(q)} event, got ${JSON.stringify(found)}`);
      return found[0]!;
    };
    const newUser = (UserName: string) => new CreateUserCommand({ IdentityStoreId: identityStoreId, UserName, DisplayName: UserName, Name: { GivenName: 'A', FamilyName: 'B' } });

    /** An IAM user of the management account with no policy at all. */
    const powerlessUser = async (name: string) => {
      await server.server.services.iam.createIamUser(mgmt, { userName: name });
      const key = await server.server.services.iam.createUserAccessKey(mgmt, name);
      return { ...server.clientConfig, credentials: { accessKeyId: key.accessKeyId, secretAccessKey: key.secretAccessKey } };
    };

    before(async () => {
      server = await startTestServer({ backend });
      const instance = await server.server.services.instance.get();
      mgmt = instance.ownerAccountId;
      identityStoreId = instance.identityStoreId;
      ids = new IdentitystoreClient(server.clientConfig);
      adminUserId = (await new STSClient(server.clientConfig).send(new GetCallerIdentityCommand({}))).UserId!;
    });
    after(() => server.close());

    test('a CreateUser is recorded, with who called, from where, and what was asked', async () => {
      const out = await ids.send(newUser('audited'));
      const e = await only({ eventSource: 'identitystore.amazonaws.com', eventName: 'CreateUser' });
      assert.equal(e.requestId, out.$metadata.requestId);
      assert.equal(e.awsRegion, 'us-east-1');
      assert.equal(e.sourceIPAddress, '127.0.0.1');
      assert.match(e.userAgent ?? '', /aws-sdk-js/);
      assert.equal(e.readOnly, false);
      assert.equal(e.errorCode, undefined);
      assert.deepEqual(e.userIdentity, {
        type: 'IAMUser',
        arn: `arn:aws:iam::${mgmt}:user/admin`,
        accountId: mgmt,
        userName: 'admin',
        principalId: adminUserId,
        accessKeyId: server.credentials.accessKeyId,
      });
      assert.equal(e.requestParameters?.UserName, 'audited');
      assert.equal(e.requestParameters?.IdentityStoreId, identityStoreId);
      assert.deepEqual(e.requestParameters?.Name, { GivenName: 'A', FamilyName: 'B' });
      assert.deepEqual((await events({ userName: 'admin', eventName: 'CreateUser' })).map((x) => x.eventId), [e.eventId]);
    });

    test('a CreateUser that fails is recorded with its error: a conflict, a validation failure', async () => {
      await assert.rejects(ids.send(newUser('audited')), awsError('ConflictException'));
      const [conflict] = await events({ eventName: 'CreateUser', failedOnly: true });
      assert.equal(conflict?.errorCode, 'ConflictException');
      assert.ok(conflict?.errorMessage);
      assert.equal(conflict?.requestParameters?.UserName, 'audited');

      await assert.rejects(ids.send(new CreateUserCommand({ IdentityStoreId: 'not-a-store', UserName: 'v', DisplayName: 'v' })), awsError('ValidationException'));
      const [invalid] = await events({ eventName: 'CreateUser', failedOnly: true });
      assert.equal(invalid?.errorCode, 'ValidationException');
      // What the caller sent, though it did not validate.
      assert.equal(invalid?.requestParameters?.IdentityStoreId, 'not-a-store');
      assert.equal((await events({ eventName: 'CreateUser' })).length, 3);
    });

    test('answered reads are not recorded; refused reads are, as read-only', async () => {
      const { UserId } = await ids.send(newUser('reader-target'));
      await ids.send(new DescribeUserCommand({ IdentityStoreId: identityStoreId, UserId }));
      await ids.send(new ListUsersCommand({ IdentityStoreId: identityStoreId }));
      await new IAMClient(server.clientConfig).send(new IamListUsersCommand({}));
      assert.deepEqual(await events({ eventName: 'DescribeUser' }), []);
      assert.deepEqual(await events({ eventName: 'ListUsers' }), []);

      const config = await powerlessUser('nobody');
      await assert.rejects(new IAMClient(config).send(new IamListUsersCommand({})), awsError('AccessDenied', 403));
      await assert.rejects(new IdentitystoreClient(config).send(new DescribeUserCommand({ IdentityStoreId: identityStoreId, UserId })), awsError('AccessDeniedException'));
      const iamDenied = await only({ eventSource: 'iam.amazonaws.com', eventName: 'ListUsers' });
      assert.equal(iamDenied.readOnly, true);
      assert.equal(iamDenied.errorCode, 'AccessDenied');
      assert.match(iamDenied.errorMessage ?? '', /nobody is not authorized to perform: iam:ListUsers/);
      assert.equal(iamDenied.userIdentity.userName, 'nobody');
      assert.equal(iamDenied.userIdentity.arn, `arn:aws:iam::${mgmt}:user/nobody`);
      const idsDenied = await only({ eventSource: 'identitystore.amazonaws.com', eventName: 'DescribeUser' });
      assert.equal(idsDenied.readOnly, true);
      assert.equal(idsDenied.errorCode, 'AccessDeniedException');
      assert.equal(idsDenied.requestParameters?.UserId, UserId);
    });

    test('a refused write is recorded too', async () => {
      const config = await powerlessUser('nobody-writes');
      await assert.rejects(new IdentitystoreClient(config).send(newUser('never-made')), awsError('AccessDeniedException'));
      const e = await only({ eventName: 'CreateUser', userName: 'nobody-writes' });
      assert.equal(e.readOnly, false);
      assert.equal(e.errorCode, 'AccessDeniedException');
    });

    test('SetUserPassword is recorded with the password hidden, wherever it went', async () => {
      const secret = `Corr3ct-horse-${backend}-staple`;
      const kept: unknown[] = [];
      server.server.services.audit.addSink((event) => kept.push(event));
      await server.server.services.identityStore.createUser(identityStoreId, { UserName: 'pat', DisplayName: 'Pat', Name: { GivenName: 'P', FamilyName: 'T' } });
      const admin = new AdminClient(server.clientConfig);
      await admin.call('SetUserPassword', { UserName: 'pat', Password: secret });
      await assert.rejects(admin.call('SetUserPassword', { UserName: 'pat', Password: 'password1' }), (e: unknown) => e instanceof AdminApiError && e.type === 'ValidationException');
      // Refused by the model: what the caller sent is recorded, secrets hidden even where unexpected.
      await assert.rejects(admin.call('SetUserPassword', { UserId: 'not-a-uuid', Password: secret, Note: { Password: secret } }), (e: unknown) => e instanceof AdminApiError && e.type === 'ValidationException');
      // An answered admin read is not recorded.
      await admin.call('GetUserSignInStatus', { UserName: 'pat' });
      assert.deepEqual(await events({ eventName: 'GetUserSignInStatus' }), []);

      const recorded = await events({ eventSource: 'gatehouse.amazonaws.com', eventName: 'SetUserPassword' });
      assert.deepEqual(recorded.map((e) => e.errorCode), ['ValidationException', 'ValidationException', undefined]);
      const [unmodeled, common, ok] = recorded;
      assert.deepEqual(ok!.requestParameters, { UserName: 'pat', Password: HIDDEN });
      assert.equal(ok!.readOnly, false);
      assert.deepEqual(common!.requestParameters, { UserName: 'pat', Password: HIDDEN });
      assert.deepEqual(unmodeled!.requestParameters, { UserId: 'not-a-uuid', Password: HIDDEN, Note: { Password: HIDDEN } });
      const everything = JSON.stringify([recorded, kept, (await server.server.services.audit.lookup({ maxResults: 50 })).events]);
      assert.ok(kept.length >= 3);
      assert.ok(!everything.includes(secret), 'the password is nowhere in the audit log');
      assert.ok(!everything.includes('password1'));
    });

    test('AssumeRole is recorded at sts.amazonaws.com, GetCallerIdentity never; the session is named as CloudTrail does', async () => {
      const iam = new IAMClient(server.clientConfig);
      const trust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${mgmt}:root` }, Action: 'sts:AssumeRole' }] };
      await iam.send(new CreateRoleCommand({ RoleName: 'Auditable', AssumeRolePolicyDocument: JSON.stringify(trust) }));
      await iam.send(new AttachRolePolicyCommand({ RoleName: 'Auditable', PolicyArn: ADMINISTRATOR_ACCESS }));
      assert.equal((await only({ eventSource: 'iam.amazonaws.com', eventName: 'CreateRole' })).requestParameters?.RoleName, 'Auditable');

      const roleArn = `arn:aws:iam::${mgmt}:role/Auditable`;
      const out = await new STSClient(server.clientConfig).send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'auditor' }));
      const assumed = await only({ eventSource: 'sts.amazonaws.com', eventName: 'AssumeRole' });
      assert.equal(assumed.readOnly, false);
      assert.deepEqual(assumed.requestParameters, { RoleArn: roleArn, RoleSessionName: 'auditor' });
      assert.equal(assumed.userIdentity.userName, 'admin');
      // The response (the session's secret key and token) is never recorded.
      assert.ok(!JSON.stringify(await events({})).includes(out.Credentials!.SecretAccessKey!));

      const session = { ...server.clientConfig, credentials: { accessKeyId: out.Credentials!.AccessKeyId!, secretAccessKey: out.Credentials!.SecretAccessKey!, sessionToken: out.Credentials!.SessionToken! } };
      await new STSClient(session).send(new GetCallerIdentityCommand({}));
      await new STSClient(server.clientConfig).send(new GetCallerIdentityCommand({}));
      assert.deepEqual(await events({ eventName: 'GetCallerIdentity' }), []);

      await new IdentitystoreClient(session).send(new CreateGroupCommand({ IdentityStoreId: identityStoreId, DisplayName: 'by-role' }));
      const byRole = await only({ eventName: 'CreateGroup' });
      assert.deepEqual(byRole.userIdentity, {
        type: 'AssumedRole',
        arn: `arn:aws:sts::${mgmt}:assumed-role/Auditable/auditor`,
        accountId: mgmt,
        principalId: out.AssumedRoleUser!.AssumedRoleId,
        accessKeyId: out.Credentials!.AccessKeyId,
      });
    });

    test('an unsigned federation call names nobody and is not recorded', async () => {
      const anonymous = new STSClient({ endpoint: server.endpoint, region: server.region });
      const secret = Buffer.from('<not-a-saml-response secret="saml-secret-42"/>').toString('base64');
      await assert.rejects(
        anonymous.send(new AssumeRoleWithSAMLCommand({ RoleArn: `arn:aws:iam::${mgmt}:role/Auditable`, PrincipalArn: `arn:aws:iam::${mgmt}:saml-provider/none`, SAMLAssertion: secret })),
        (e: Error & { $metadata?: { httpStatusCode?: number } }) => (e.$metadata?.httpStatusCode ?? 0) >= 400,
      );
      assert.deepEqual(await events({ eventName: 'AssumeRoleWithSAML' }), []);
    });

    test('a request whose signature does not verify is not recorded', async () => {
      const forged = new IdentitystoreClient({ ...server.clientConfig, credentials: { ...server.credentials, secretAccessKey: 'not-the-secret-key-at-all-0123456789abcdef' } });
      await assert.rejects(forged.send(new CreateGroupCommand({ IdentityStoreId: identityStoreId, DisplayName: 'forged' })), awsError('InvalidSignatureException'));
      const unknown = new IAMClient({ ...server.clientConfig, credentials: { accessKeyId: 'AKIAUNKNOWNKEY000000', secretAccessKey: 'x'.repeat(40) } });
      await assert.rejects(unknown.send(new CreateRoleCommand({ RoleName: 'Forged', AssumeRolePolicyDocument: '{}' })), awsError('InvalidClientTokenId', 403));
      assert.deepEqual(
        (await events({ eventName: 'CreateGroup' })).filter((e) => e.requestParameters?.DisplayName === 'forged'),
        [],
      );
      assert.deepEqual((await events({ eventName: 'CreateRole' })).filter((e) => e.requestParameters?.RoleName === 'Forged'), []);
    });
  });
}
