// `gatehouse apps ...` against a running server, run as people run it: a separate process,
// credentials from the environment; users and groups named by name; applications by id or name.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestServer, type TestServer } from '../support/server.js';
import { adminCliEnv, runGatehouse } from '../support/run-gatehouse.js';
import { SP_CERTIFICATE_PEM } from '../domain/applications/sp-certificate.js';


const gatehouse = (args: string[], env: Record<string, string> = {}) => runGatehouse(args, env);

const ROLE = 'arn:aws:iam::111122223333:role/GatehouseAdmin';
const PROVIDER = 'arn:aws:iam::111122223333:saml-provider/Gatehouse';

describe('gatehouse apps command', () => {
  let server: TestServer;
  let env: Record<string, string>;
  let aliceId: string;
  let adminsId: string;
  let dir: string;
  before(async () => {
    server = await startTestServer();
    env = adminCliEnv(server);
    const { identityStoreId } = await server.server.services.instance.get();
    const is = server.server.services.identityStore;
    aliceId = (await is.createUser(identityStoreId, { UserName: 'alice', DisplayName: 'Alice', Name: { GivenName: 'Alice', FamilyName: 'Example' } })).userId;
    adminsId = (await is.createGroup(identityStoreId, { DisplayName: 'Admins' })).groupId;
    await is.createGroupMembership(identityStoreId, adminsId, { UserId: aliceId });
    dir = mkdtempSync(join(tmpdir(), 'gatehouse-apps-'));
  });
  after(async () => {
    rmSync(dir, { recursive: true, force: true });
    await server.close();
  });

  const apps = () => server.server.services.applications;

  test('apps create --template aws-account, then assign a group with a role pair by names', async () => {
    const created = await gatehouse(['apps', 'create', '--name', 'Prod (outside org)', '--template', 'aws-account', '--json'], env);
    assert.equal(created.status, 0, created.stderr);
    const app = JSON.parse(created.stdout) as { ApplicationId: string; AcsUrl: string };
    assert.equal(app.AcsUrl, 'https://signin.aws.amazon.com/saml');
    const assigned = await gatehouse(['apps', 'assign', app.ApplicationId, '--group', 'Admins', '--role', `${ROLE},${PROVIDER}`], env);
    assert.equal(assigned.status, 0, assigned.stderr);
    assert.match(assigned.stdout, /Assigned group Admins to app-/);
    assert.deepEqual((await apps().listAssignments(app.ApplicationId)).assignments.map((a) => [a.principalType, a.principalId, a.awsRoles]), [
      ['GROUP', adminsId, [{ roleArn: ROLE, providerArn: PROVIDER }]],
    ]);
    const claims = await apps().samlClaims(app.ApplicationId, aliceId);
    assert.deepEqual(claims.attributes['https://aws.amazon.com/SAML/Attributes/Role'], [`${ROLE},${PROVIDER}`]);
  });

  test('apps create custom with attributes and a certificate file; describe and list by name', async () => {
    const cert = join(dir, 'sp.pem');
    writeFileSync(cert, SP_CERTIFICATE_PEM);
    const created = await gatehouse([
      'apps', 'create', '--name', 'Wiki', '--acs-url', 'https://wiki.example.com/acs', '--audience', 'https://wiki.example.com',
      '--name-id-format', 'emailAddress', '--name-id-source', '${user:userName}@example.com',
      '--attribute', 'groups=${user:groups}', '--attribute', 'given=${user:givenName}',
      '--sp-certificate', cert, '--require-signed-requests', 'yes', '--sign-response', 'no',
    ], env);
    assert.equal(created.status, 0, created.stderr);
    assert.match(created.stdout, /^id\s+app-[0-9a-f]{16}$/m);
    assert.match(created.stdout, /signed-requests\s+required/);
    assert.match(created.stdout, /attribute\s+groups = \$\{user:groups\}/);
    const described = await gatehouse(['apps', 'describe', 'wiki'], env);
    assert.equal(described.status, 0, described.stderr);
    assert.match(described.stdout, /name-id\s+emailAddress \$\{user:userName\}@example.com/);
    assert.match(described.stdout, /sign-response\s+no/);
    const listed = await gatehouse(['apps', 'list'], env);
    assert.equal(listed.status, 0, listed.stderr);
    assert.match(listed.stdout, /app-[0-9a-f]{16}  aws-account  Prod \(outside org\)\napp-[0-9a-f]{16}  custom       Wiki\n/);
  });

  test('apps update, assign a user, assignments, unassign, delete', async () => {
    const updated = await gatehouse(['apps', 'update', 'Wiki', '--session-duration', 'PT2H', '--clear-attributes', '--require-signed-requests', 'no', '--sp-certificate', ''], env);
    assert.equal(updated.status, 0, updated.stderr);
    const wiki = (await apps().list()).applications.find((a) => a.name === 'Wiki')!;
    assert.equal(wiki.sessionDuration, 'PT2H');
    assert.deepEqual(wiki.attributeMappings, []);
    assert.equal(wiki.spCertificatePem, undefined);
    assert.equal((await gatehouse(['apps', 'assign', 'Wiki', '--user', 'alice'], env)).status, 0);
    const listed = await gatehouse(['apps', 'assignments', 'Wiki'], env);
    assert.equal(listed.status, 0, listed.stderr);
    assert.equal(listed.stdout, `USER   ${aliceId}\n`);
    assert.equal((await gatehouse(['apps', 'unassign', 'Wiki', '--user', aliceId], env)).status, 0);
    assert.match((await gatehouse(['apps', 'assignments', 'Wiki'], env)).stdout, /No assignments/);
    const deleted = await gatehouse(['apps', 'delete', 'Wiki'], env);
    assert.equal(deleted.status, 0, deleted.stderr);
    assert.equal((await apps().list()).applications.some((a) => a.name === 'Wiki'), false);
  });

  test('apps assignments follows NextToken past the first page of 100', async () => {
    const { identityStoreId } = await server.server.services.instance.get();
    const is = server.server.services.identityStore;
    const app = await apps().create({ name: 'Crowded', acsUrl: 'https://crowded.example.com/acs', audience: 'https://crowded.example.com' });
    const ids: string[] = [];
    for (let i = 0; i < 101; i++) {
      const { userId } = await is.createUser(identityStoreId, { UserName: `crowd-${i}`, DisplayName: `Crowd ${i}`, Name: { GivenName: 'C', FamilyName: `${i}` } });
      await apps().assign(app.applicationId, 'USER', userId);
      ids.push(userId);
    }
    const listed = await gatehouse(['apps', 'assignments', 'Crowded', '--json'], env);
    assert.equal(listed.status, 0, listed.stderr);
    assert.deepEqual((JSON.parse(listed.stdout) as { PrincipalId: string }[]).map((a) => a.PrincipalId), ids.sort());
    await apps().delete(app.applicationId);
  });

  test('refusals: the service says why (exit 1); usage errors print the help (exit 2)', async () => {
    const [badUrl, noRoles, noUser, noApp, noName, both, badRole, help, unknown] = await Promise.all([
      gatehouse(['apps', 'create', '--name', 'Bad', '--acs-url', 'http://sp.example.com/acs', '--audience', 'sp'], env),
      gatehouse(['apps', 'assign', 'Prod (outside org)', '--user', 'alice'], env),
      gatehouse(['apps', 'assign', 'Prod (outside org)', '--user', 'nobody', '--role', `${ROLE},${PROVIDER}`], env),
      gatehouse(['apps', 'describe', 'No such app'], env),
      gatehouse(['apps', 'create', '--template', 'aws-account'], env),
      gatehouse(['apps', 'assign', 'Prod (outside org)', '--user', 'alice', '--group', 'Admins'], env),
      gatehouse(['apps', 'assign', 'Prod (outside org)', '--user', 'alice', '--role', ROLE], env),
      gatehouse(['apps', '--help']),
      gatehouse(['apps', 'frobnicate'], env),
    ]);
    assert.equal(badUrl.status, 1);
    assert.match(badUrl.stderr, /ValidationException: AcsUrl must be an https URL/);
    assert.equal(noRoles.status, 1);
    assert.match(noRoles.stderr, /ValidationException: .*AwsRoles/);
    assert.equal(noUser.status, 1);
    assert.match(noUser.stderr, /no user named 'nobody'/);
    assert.equal(noApp.status, 1);
    assert.match(noApp.stderr, /no application named 'No such app'/);
    for (const r of [noName, both, badRole, unknown]) {
      assert.equal(r.status, 2, r.stderr);
      assert.match(r.stderr, /Usage: gatehouse apps/);
    }
    assert.equal(help.status, 0);
    assert.match(help.stdout, /gatehouse apps assign APP \(--user USERNAME \| --group GROUPNAME\)/);
    assert.match(help.stdout, /--endpoint URL/);
  });
});
