// The real STS, Organizations and IAM clients against a running server: the bootstrap
// administrator creates an account, assumes OrganizationAccountAccessRole in it, and signs with
// the session's credentials; altered, missing and expired session tokens are refused.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { STSClient, AssumeRoleCommand, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { OrganizationsClient, CreateAccountCommand } from '@aws-sdk/client-organizations';
import { IAMClient, GetRoleCommand } from '@aws-sdk/client-iam';
import { startTestServer, type TestServer } from '../support/server.js';
import { awsError } from '../support/aws-error.js';
import { ManualClock } from '../../src/lib/clock.js';
import { ensureAccountAccessRoles } from '../../src/domain/organizations-iam/ensure-account-access-roles.js';
import { AWS_HANDLERS } from '../../src/server/aws-handlers.js';

const ADMINISTRATOR_ACCESS = 'arn:aws:iam::aws:policy/AdministratorAccess';
const HOUR_MS = 3600_000;

interface SessionCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

for (const backend of ['sqlite', 'postgres'] as const) {
  describe(`sts AssumeRole conformance (${backend})`, () => {
    let server: TestServer;
    let clock: ManualClock;
    let management: string;
    let account: string;
    let roleArn: string;
    let creds: SessionCredentials;
    let expiration: Date;
    const stsAs = (credentials: SessionCredentials, extra: { systemClockOffset?: number } = {}) =>
      new STSClient({ ...server.clientConfig, credentials, maxAttempts: 1, ...extra });

    before(async () => {
      // The server's clock starts at the real time: the SDK signs with it.
      clock = new ManualClock(Date.now());
      server = await startTestServer({ backend, clock });
      management = (await server.server.services.instance.get()).ownerAccountId;
      // The administrator's permissions as a policy (a no-op where bootstrap attaches it already).
      await server.server.services.iam.attachUserPolicy(management, 'admin', ADMINISTRATOR_ACCESS);
      const org = new OrganizationsClient(server.clientConfig);
      const created = await org.send(new CreateAccountCommand({ Email: `sts-${backend}@example.com`, AccountName: 'Workloads' }));
      assert.equal(created.CreateAccountStatus?.State, 'SUCCEEDED');
      account = created.CreateAccountStatus!.AccountId!;
      // What the server does after CreateAccount; idempotent, so harmless where it already ran.
      await ensureAccountAccessRoles(server.server.services);
      roleArn = `arn:aws:iam::${account}:role/OrganizationAccountAccessRole`;
    });
    after(() => server.close());

    test('the administrator assumes OrganizationAccountAccessRole in the new account', async () => {
      const out = await stsAs(server.credentials).send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'conformance' }));
      assert.equal(out.AssumedRoleUser?.Arn, `arn:aws:sts::${account}:assumed-role/OrganizationAccountAccessRole/conformance`);
      assert.match(out.AssumedRoleUser?.AssumedRoleId ?? '', /^AROA[A-Z2-7]{17}:conformance$/);
      const c = out.Credentials!;
      assert.match(c.AccessKeyId!, /^ASIA[A-Z2-7]{16}$/);
      assert.equal(c.SecretAccessKey!.length, 40);
      assert.ok(c.SessionToken!.length > 100);
      assert.equal(Math.round((c.Expiration!.getTime() - clock.now()) / 1000), 3600);
      creds = { accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretAccessKey!, sessionToken: c.SessionToken! };
      expiration = c.Expiration!;
    });

    test("GetCallerIdentity with the session's credentials answers the assumed-role ARN", async () => {
      const id = await stsAs(creds).send(new GetCallerIdentityCommand({}));
      assert.equal(id.Account, account);
      assert.equal(id.Arn, `arn:aws:sts::${account}:assumed-role/OrganizationAccountAccessRole/conformance`);
      assert.match(id.UserId ?? '', /^AROA[A-Z2-7]{17}:conformance$/);
    });

    test('the session acts in its account with the role\'s permissions (IAM GetRole)', { skip: !('GetRole' in AWS_HANDLERS.iam) && 'IAM handlers not wired yet' }, async () => {
      const iam = new IAMClient({ ...server.clientConfig, credentials: creds, maxAttempts: 1 });
      const { Role } = await iam.send(new GetRoleCommand({ RoleName: 'OrganizationAccountAccessRole' }));
      assert.equal(Role?.Arn, roleArn);
    });

    test('session policies and tags travel the wire; PackedPolicySize answers', async () => {
      const out = await stsAs(server.credentials).send(new AssumeRoleCommand({
        RoleArn: roleArn,
        RoleSessionName: 'scoped',
        Policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iam:Get*', Resource: '*' }] }),
        PolicyArns: [{ arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }],
      }));
      assert.ok(out.PackedPolicySize! > 0 && out.PackedPolicySize! <= 100);
      const session = await server.server.services.sts.resolveTemporaryCredentials(out.Credentials!.AccessKeyId!, out.Credentials!.SessionToken!);
      assert.deepEqual(session?.session.policyArns, ['arn:aws:iam::aws:policy/ReadOnlyAccess']);
      // OrganizationAccountAccessRole does not trust for sts:TagSession.
      await assert.rejects(
        stsAs(server.credentials).send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'tagged', Tags: [{ Key: 'Team', Value: 'Identity' }] })),
        (e: Error) => awsError('AccessDenied', 403)(e) && /sts:TagSession/.test(e.message),
      );
      await assert.rejects(
        stsAs(server.credentials).send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'bad', Policy: '{"Statement":' })),
        awsError('MalformedPolicyDocumentException', 400),
      );
    });

    test('a role the caller is not trusted by is AccessDenied', async () => {
      const other = `arn:aws:iam::${account}:role/NoSuchRole`;
      await assert.rejects(
        stsAs(server.credentials).send(new AssumeRoleCommand({ RoleArn: other, RoleSessionName: 'xx' })),
        (e: Error) => awsError('AccessDenied', 403)(e) && e.message === `User: arn:aws:iam::${management}:user/admin is not authorized to perform: sts:AssumeRole on resource: ${other}`,
      );
    });

    test('DurationSeconds beyond the role maximum is a ValidationError', async () => {
      await assert.rejects(
        stsAs(server.credentials).send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'long', DurationSeconds: 7200 })),
        awsError('ValidationError', 400),
      );
    });

    test('role chaining, then "Revoke active sessions" refuses the revoked session', async () => {
      const services = server.server.services;
      const nextArn = (await services.iam.createRole(account, { roleName: 'Chained', assumeRolePolicyDocument: JSON.stringify({
        Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: roleArn }, Action: 'sts:AssumeRole' }],
      }) })).arn;
      const session = stsAs(creds);
      const chained = await session.send(new AssumeRoleCommand({ RoleArn: nextArn, RoleSessionName: 'chained' }));
      assert.equal(chained.AssumedRoleUser?.Arn, `arn:aws:sts::${account}:assumed-role/Chained/chained`);
      await assert.rejects(session.send(new AssumeRoleCommand({ RoleArn: nextArn, RoleSessionName: 'chained', DurationSeconds: 3601 })), awsError('ValidationError', 400));
      clock.advance(1000);
      await services.sts.revokeRoleSessions(account, 'OrganizationAccountAccessRole');
      await assert.rejects(session.send(new AssumeRoleCommand({ RoleArn: nextArn, RoleSessionName: 'chained' })), awsError('AccessDenied', 403));
      // As in AWS, a revoked session may still ask who it is.
      assert.ok(await session.send(new GetCallerIdentityCommand({})));
      // A new session of the role is not affected.
      const fresh = await stsAs(server.credentials).send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'fresh' }));
      const c = fresh.Credentials!;
      const again = await stsAs({ accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretAccessKey!, sessionToken: c.SessionToken! })
        .send(new AssumeRoleCommand({ RoleArn: nextArn, RoleSessionName: 'chained' }));
      assert.ok(again.Credentials);
    });

    test('a revoked session is refused by the other APIs too (IAM GetRole)', async () => {
      const iam = new IAMClient({ ...server.clientConfig, credentials: creds, maxAttempts: 1 });
      await assert.rejects(iam.send(new GetRoleCommand({ RoleName: 'OrganizationAccountAccessRole' })), awsError('AccessDenied', 403));
    });

    test('same account: a trust policy naming the user allows without any identity policy', async () => {
      const services = server.server.services;
      const user = await services.iam.createIamUser(account, { userName: 'direct' });
      const key = await services.iam.createUserAccessKey(account, 'direct');
      const direct = (await services.iam.createRole(account, { roleName: 'TrustsDirect', assumeRolePolicyDocument: JSON.stringify({
        Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: user.arn }, Action: 'sts:AssumeRole' }],
      }) })).arn;
      const out = await stsAs({ accessKeyId: key.accessKeyId, secretAccessKey: key.secretAccessKey })
        .send(new AssumeRoleCommand({ RoleArn: direct, RoleSessionName: 'direct' }));
      assert.equal(out.AssumedRoleUser?.Arn, `arn:aws:sts::${account}:assumed-role/TrustsDirect/direct`);
    });

    test('an altered session token is refused with InvalidClientTokenId', async () => {
      const token = creds.sessionToken!;
      const i = Math.floor(token.length / 2);
      const altered = token.slice(0, i) + (token[i] === 'A' ? 'B' : 'A') + token.slice(i + 1);
      await assert.rejects(stsAs({ ...creds, sessionToken: altered }).send(new GetCallerIdentityCommand({})), awsError('InvalidClientTokenId', 403));
    });

    test('an ASIA key without its session token is refused', async () => {
      await assert.rejects(stsAs({ accessKeyId: creds.accessKeyId, secretAccessKey: creds.secretAccessKey }).send(new GetCallerIdentityCommand({})), awsError('InvalidClientTokenId', 403));
    });

    test('expired credentials are refused with ExpiredToken', async () => {
      const offset = expiration.getTime() - clock.now() + 1000;
      clock.advance(offset);
      try {
        // The client signs as of the server's moved clock, so only the token's age is wrong.
        await assert.rejects(stsAs(creds, { systemClockOffset: offset }).send(new GetCallerIdentityCommand({})), awsError('ExpiredToken', 403));
      } finally {
        clock.advance(-offset);
      }
      assert.ok(await stsAs(creds).send(new GetCallerIdentityCommand({})));
    });

    test('credentials issued a moment ago still work within the hour', async () => {
      clock.advance(HOUR_MS - 60_000);
      try {
        const id = await stsAs(creds, { systemClockOffset: HOUR_MS - 60_000 }).send(new GetCallerIdentityCommand({}));
        assert.equal(id.Account, account);
      } finally {
        clock.advance(-(HOUR_MS - 60_000));
      }
    });
  });
}
