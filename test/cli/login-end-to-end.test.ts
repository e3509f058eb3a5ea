// `gatehouse login`, `credentials` and `configure` against a running server, as a person uses
// them: the CLI in its own process with HOME a temp folder, the approval in a "browser" (HTTP
// with a cookie jar through the sign-in, device and consent pages); then the AWS tools use what
// they wrote: STS answers for the printed credentials, the SDK's SSO provider reads the config.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { STSClient, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { OrganizationsClient, CreateAccountCommand } from '@aws-sdk/client-organizations';
import { SSOAdminClient, ListInstancesCommand, CreatePermissionSetCommand, CreateAccountAssignmentCommand, DescribeAccountAssignmentCreationStatusCommand } from '@aws-sdk/client-sso-admin';
import { fromSSO } from '@aws-sdk/credential-providers';
import { startTestServer, type TestServer } from '../support/server.js';
import { settle } from '../support/settle.js';
import { Browser, signIn, type Credentials } from '../support/browser.js';
import { gatehouse, startGatehouse } from './login-cli-run.js';

const cacheFile = (home: string, id: string) => join(home, '.aws', 'sso', 'cache', `${createHash('sha1').update(id).digest('hex')}.json`);

describe('gatehouse login, credentials and configure against a server', () => {
  let server: TestServer;
  let home: string;
  let startUrl: string;
  let account: string;
  let roleArnPrefix: string;
  const who: Credentials = { userName: 'grace', password: 'a-long-unusual-passphrase-42' };

  before(async () => {
    server = await startTestServer({ backend: 'sqlite', mfaMode: 'off' });
    startUrl = `${server.endpoint}/start`;
    home = mkdtempSync(join(tmpdir(), 'gatehouse-login-home-'));
    const services = server.server.services;
    const { identityStoreId } = await services.instance.get();
    const userId = (await services.identityStore.createUser(identityStoreId, { UserName: who.userName, DisplayName: 'Grace', Name: { GivenName: 'Grace', FamilyName: 'Hopper' } })).userId;
    await services.directory.setPassword(userId, who.password, { oneTime: false });
    account = (await new OrganizationsClient(server.clientConfig).send(new CreateAccountCommand({ Email: 'cli@example.com', AccountName: 'CLI' }))).CreateAccountStatus!.AccountId!;
    const admin = new SSOAdminClient(server.clientConfig);
    const { InstanceArn } = (await admin.send(new ListInstancesCommand({}))).Instances![0]! as { InstanceArn: string };
    for (const Name of ['Developer', 'Auditor']) {
      const ps = (await admin.send(new CreatePermissionSetCommand({ InstanceArn, Name, SessionDuration: 'PT1H' }))).PermissionSet!;
      const s = (await admin.send(new CreateAccountAssignmentCommand({ InstanceArn, PermissionSetArn: ps.PermissionSetArn!, PrincipalType: 'USER', PrincipalId: userId, TargetType: 'AWS_ACCOUNT', TargetId: account }))).AccountAssignmentCreationStatus!;
      const done = await settle(async () => (await admin.send(new DescribeAccountAssignmentCreationStatusCommand({ InstanceArn, AccountAssignmentCreationRequestId: s.RequestId! }))).AccountAssignmentCreationStatus);
      assert.equal(done.Status, 'SUCCEEDED', done.FailureReason);
      if (Name === 'Developer') roleArnPrefix = `arn:aws:sts::${account}:assumed-role/AWSReservedSSO_Developer_${(await services.ssoAdmin.describePermissionSet(InstanceArn, ps.PermissionSetArn!)).roleSuffix}`;
    }
  });
  after(async () => {
    await server?.close();
    if (home) rmSync(home, { recursive: true, force: true });
  });

  test('login --device-code: the code approved on /device ends in the AWS-format cache', async () => {
    const login = startGatehouse(['login', '--device-code', '--no-browser', '--start-url', startUrl], { HOME: home });
    const [, userCode] = await login.waitFor(/enter the code:\s+([A-Z]{4}-[A-Z]{4})/);
    const browser = new Browser(server.endpoint);
    let page = await browser.go(`/device?user_code=${userCode}`);
    page = await signIn(browser, page, who);
    assert.ok(page.text.includes(`value="${userCode}"`), 'the code is prefilled');
    page = await browser.submit(page, '/device');
    assert.match(page.text, /gatehouse-cli/);
    page = await browser.submit(page, '/device/confirm', {}, 0);
    assert.match(page.text, /Device authorized/);
    const run = await login.done;
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /Signed in to .*\/start\./);

    const file = cacheFile(home, startUrl);
    assert.equal(statSync(file).mode & 0o777, 0o600);
    const cached = JSON.parse(readFileSync(file, 'utf8'));
    assert.deepEqual(Object.keys(cached).sort(), ['accessToken', 'clientId', 'clientSecret', 'expiresAt', 'refreshToken', 'region', 'registrationExpiresAt', 'startUrl']);
    assert.equal(cached.startUrl, startUrl);
    assert.equal(cached.region, 'us-east-1');
    assert.match(cached.expiresAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    assert.ok(Date.parse(cached.expiresAt) > Date.now());
    assert.match(cached.registrationExpiresAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });

  test('credentials prints credential_process JSON that STS answers for; a role not held is exit 1', async () => {
    const run = await gatehouse(['credentials', '--account', account, '--role', 'Developer', '--start-url', startUrl], { HOME: home });
    assert.equal(run.status, 0, run.stderr);
    const out = JSON.parse(run.stdout);
    assert.deepEqual(Object.keys(out), ['Version', 'AccessKeyId', 'SecretAccessKey', 'SessionToken', 'Expiration']);
    assert.equal(out.Version, 1);
    assert.ok(Date.parse(out.Expiration) > Date.now());
    const sts = new STSClient({ endpoint: server.endpoint, region: server.region, maxAttempts: 1, credentials: { accessKeyId: out.AccessKeyId, secretAccessKey: out.SecretAccessKey, sessionToken: out.SessionToken } });
    assert.equal((await sts.send(new GetCallerIdentityCommand({}))).Arn, `${roleArnPrefix}/${who.userName}`);
    // GATEHOUSE_ENDPOINT gives the start URL when no flag does.
    const missing = await gatehouse(['credentials', '--account', account, '--role', 'Nope'], { HOME: home, GATEHOUSE_ENDPOINT: server.endpoint });
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /^gatehouse credentials: you have no role 'Nope' on account \d{12}/);
  });

  test('an expired access token is refreshed with the refresh token, and the cache updated', async () => {
    const file = cacheFile(home, startUrl);
    const before = JSON.parse(readFileSync(file, 'utf8'));
    writeFileSync(file, JSON.stringify({ ...before, expiresAt: '2020-01-01T00:00:00Z' }));
    const run = await gatehouse(['credentials', '--account', account, '--role', 'Auditor', '--start-url', startUrl], { HOME: home });
    assert.equal(run.status, 0, run.stderr);
    const after = JSON.parse(readFileSync(file, 'utf8'));
    assert.notEqual(after.accessToken, before.accessToken);
    assert.notEqual(after.refreshToken, before.refreshToken);
    assert.ok(Date.parse(after.expiresAt) > Date.now());
    assert.equal(after.clientId, before.clientId);
  });

  test('parallel credential_process runs refresh once: the grant is not ended as a reused refresh token', async () => {
    const file = cacheFile(home, startUrl);
    writeFileSync(file, JSON.stringify({ ...JSON.parse(readFileSync(file, 'utf8')), expiresAt: '2020-01-01T00:00:00Z' }));
    const runs = await Promise.all([1, 2, 3].map(() => gatehouse(['credentials', '--account', account, '--role', 'Developer', '--start-url', startUrl], { HOME: home })));
    for (const run of runs) assert.equal(run.status, 0, run.stderr);
    const later = await gatehouse(['credentials', '--account', account, '--role', 'Developer', '--start-url', startUrl], { HOME: home });
    assert.equal(later.status, 0, later.stderr);
  });

  test('configure writes profiles the SDK resolves credentials from; the token moves to the sso-session', async () => {
    const config = join(home, '.aws', 'config');
    writeFileSync(config, '[default]\nregion = eu-central-1\n');
    const run = await gatehouse(['configure', '--start-url', startUrl], { HOME: home });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /2 profiles for sso-session gatehouse/);
    const text = readFileSync(config, 'utf8');
    assert.ok(text.startsWith('[default]\nregion = eu-central-1\n'));
    assert.match(text, new RegExp(`\\[profile Developer-${account}\\]\\nsso_session = gatehouse\\nsso_account_id = ${account}\\nsso_role_name = Developer`));
    assert.match(text, /\[services gatehouse\]\nsts =\n {2}endpoint_url = http:\/\/127\.0\.0\.1:\d+\n/);
    assert.ok(JSON.parse(readFileSync(cacheFile(home, 'gatehouse'), 'utf8')).refreshToken);
    assert.throws(() => statSync(cacheFile(home, startUrl)), /ENOENT/);
    const again = await gatehouse(['configure', '--start-url', startUrl], { HOME: home });
    assert.equal(again.status, 0, again.stderr);
    assert.equal(readFileSync(config, 'utf8'), text, 'a second run changes nothing');

    const saved = { HOME: process.env.HOME, AWS_ENDPOINT_URL: process.env.AWS_ENDPOINT_URL };
    try {
      process.env.HOME = home;
      process.env.AWS_ENDPOINT_URL = server.endpoint;
      const creds = await fromSSO({ profile: `Auditor-${account}`, configFilepath: config, filepath: join(home, 'none'), ignoreCache: true })();
      const sts = new STSClient({ endpoint: server.endpoint, region: server.region, maxAttempts: 1, credentials: creds });
      assert.match((await sts.send(new GetCallerIdentityCommand({}))).Arn!, new RegExp(`^arn:aws:sts::${account}:assumed-role/AWSReservedSSO_Auditor_[0-9a-f]{16}/grace$`));
    } finally {
      for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    // credentials finds the moved token through the config's sso-session for that start URL.
    const creds = await gatehouse(['credentials', '--account', account, '--role', 'Developer', '--start-url', startUrl], { HOME: home });
    assert.equal(creds.status, 0, creds.stderr);
  });

  test('the AWS CLI uses a configured profile: token from the cache, every endpoint from [services] (when installed)', async (t) => {
    const env: NodeJS.ProcessEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('AWS_')));
    const run = promisify(execFile);
    if (!(await run('aws', ['--version'], { env }).then(() => true, () => false))) return t.skip('the AWS CLI is not installed');
    const { stdout } = await run('aws', ['sts', 'get-caller-identity', '--profile', `Developer-${account}`, '--output', 'json'], { env: { ...env, HOME: home } });
    assert.equal(JSON.parse(stdout).Arn, `${roleArnPrefix}/${who.userName}`);
  });

  test('login with PKCE: the browser is sent to /authorize and back to the loopback listener', async () => {
    const login = startGatehouse(['login', '--no-browser', '--sso-session', 'corp', '--start-url', startUrl], { HOME: home });
    const [url] = await login.waitFor(/http:\/\/127\.0\.0\.1:\d+\/authorize\?\S+/);
    const params = new URL(url).searchParams;
    assert.equal(params.get('response_type'), 'code');
    assert.equal(params.get('code_challenge_method'), 'S256');
    assert.equal(params.get('scopes'), 'sso:account:access');
    assert.match(params.get('redirect_uri')!, /^http:\/\/127\.0\.0\.1:\d+\/oauth\/callback$/);
    const browser = new Browser(server.endpoint);
    let page = await browser.go(url);
    page = await signIn(browser, page, who);
    assert.match(page.text, /gatehouse-cli/);
    page = await browser.submit(page, '/authorize', {}, 0);
    assert.ok(page.offsite?.startsWith(params.get('redirect_uri')!), `sent back to the listener: ${page.offsite}`);
    // A forged callback with another state is refused and does not end the wait.
    const forged = await fetch(new URL('?code=x&state=forged', params.get('redirect_uri')!));
    assert.equal(forged.status, 400);
    const landed = await fetch(page.offsite!);
    assert.equal(landed.status, 200);
    const run = await login.done;
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /\(sso-session corp\)/);
    const cached = JSON.parse(readFileSync(cacheFile(home, 'corp'), 'utf8'));
    assert.equal(cached.startUrl, startUrl);
    assert.ok(cached.refreshToken);
  });
});
