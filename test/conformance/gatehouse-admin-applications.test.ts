// The admin API's SAML applications (GatehouseAdmin.*Application*) through a running server
// with a SigV4-signing client, on every back end: the whole life of an application and its
// assignments, the model's and the domain's ValidationExceptions naming the member, conflicts,
// pages, and gatehouse:<Operation> authorization.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { AdminApiError, AdminClient } from '../../src/cli/admin-client.js';
import { startTestServer, type TestServer } from '../support/server.js';

const ROLE = 'arn:aws:iam::111122223333:role/GatehouseAdmin';
const PROVIDER = 'arn:aws:iam::111122223333:saml-provider/Gatehouse';
const AWS_ATTR = 'https://aws.amazon.com/SAML/Attributes/';

const refusedWith = (type: string, message?: RegExp, status = 400) => (e: unknown) => {
  assert.ok(e instanceof AdminApiError, String(e));
  assert.equal(e.type, type, e.message);
  assert.equal(e.status, status);
  if (message) assert.match(e.message, message);
  return true;
};

interface WireApplication { ApplicationId: string; Name: string; [k: string]: unknown }

for (const backend of ['sqlite', 'postgres'] as const) {
  describe(`gatehouse admin API: applications (${backend})`, () => {
    let server: TestServer;
    let admin: AdminClient;
    let aliceId: string;
    let adminsId: string;
    before(async () => {
      server = await startTestServer({ backend });
      admin = new AdminClient(server.clientConfig);
      const { identityStoreId } = await server.server.services.instance.get();
      const is = server.server.services.identityStore;
      aliceId = (await is.createUser(identityStoreId, { UserName: 'alice', DisplayName: 'Alice', Name: { GivenName: 'Alice', FamilyName: 'Example' } })).userId;
      adminsId = (await is.createGroup(identityStoreId, { DisplayName: 'Admins' })).groupId;
      await is.createGroupMembership(identityStoreId, adminsId, { UserId: aliceId });
    });
    after(() => server.close());

    test('CreateApplication from the aws-account template; DescribeApplication returns the same', async () => {
      const { Application: app } = await admin.call<{ Application: WireApplication }>('CreateApplication', { Name: 'Prod (outside org)', Template: 'aws-account' });
      assert.match(app.ApplicationId, /^app-[0-9a-f]{16}$/);
      assert.equal(app.AcsUrl, 'https://signin.aws.amazon.com/saml');
      assert.equal(app.Audience, 'urn:amazon:webservices');
      assert.deepEqual(app.AttributeMappings, [
        { Name: `${AWS_ATTR}RoleSessionName`, Value: '${user:userName}' },
        { Name: `${AWS_ATTR}SessionDuration`, Value: '${app:sessionDurationSeconds}' },
      ]);
      assert.equal(typeof app.CreatedAt, 'number');
      assert.deepEqual((await admin.call('DescribeApplication', { ApplicationId: app.ApplicationId })).Application, app);
    });

    test('a custom application: UpdateApplication changes and clears settings; DeleteApplication removes it', async () => {
      const { Application: app } = await admin.call<{ Application: WireApplication }>('CreateApplication', {
        Name: 'Wiki', AcsUrl: 'https://wiki.example.com/acs', Audience: 'https://wiki.example.com', RelayState: 'https://wiki.example.com/home',
        NameIdFormat: 'emailAddress', NameIdSource: '${user:email}', AttributeMappings: [{ Name: 'groups', Value: '${user:groups}' }],
      });
      assert.equal(app.Template, 'custom');
      assert.equal(app.RelayState, 'https://wiki.example.com/home');
      const { Application: updated } = await admin.call<{ Application: WireApplication }>('UpdateApplication', {
        ApplicationId: app.ApplicationId, RelayState: '', SessionDuration: 'PT4H', Description: 'Team wiki',
      });
      assert.equal(updated.RelayState, undefined);
      assert.equal(updated.SessionDuration, 'PT4H');
      assert.equal(updated.Description, 'Team wiki');
      assert.deepEqual(updated.AttributeMappings, [{ Name: 'groups', Value: '${user:groups}' }]);
      assert.deepEqual(await admin.call('DeleteApplication', { ApplicationId: app.ApplicationId }), {});
      await assert.rejects(admin.call('DescribeApplication', { ApplicationId: app.ApplicationId }), refusedWith('ResourceNotFoundException', /does not exist/));
      await assert.rejects(admin.call('DeleteApplication', { ApplicationId: app.ApplicationId }), refusedWith('ResourceNotFoundException'));
    });

    test('ValidationException names the member: from the model and from the domain; nothing is written', async () => {
      const count = async () => (await admin.call<{ Applications: unknown[] }>('ListApplications')).Applications.length;
      const before = await count();
      await assert.rejects(admin.call('CreateApplication', {}), refusedWith('ValidationException', /name/i));
      await assert.rejects(admin.call('CreateApplication', { Name: 'x'.repeat(65), Template: 'aws-account' }), refusedWith('ValidationException', /name/i));
      await assert.rejects(admin.call('CreateApplication', { Name: 'A', Template: 'okta' }), refusedWith('ValidationException', /template/i));
      await assert.rejects(admin.call('CreateApplication', { Name: 'A', AcsUrl: 'http://sp.example.com/acs', Audience: 'sp' }), refusedWith('ValidationException', /AcsUrl/));
      await assert.rejects(admin.call('CreateApplication', { Name: 'A', AcsUrl: 'https://sp.example.com/acs' }), refusedWith('ValidationException', /Audience/));
      await assert.rejects(
        admin.call('CreateApplication', { Name: 'A', Template: 'aws-account', AttributeMappings: [{ Name: 'dept', Value: '${user:department}' }] }),
        refusedWith('ValidationException', /\$\{user:department\} in the mapping of dept/),
      );
      await assert.rejects(admin.call('CreateApplication', { Name: 'A', Template: 'aws-account', SessionDuration: 'PT13H' }), refusedWith('ValidationException', /SessionDuration/));
      await assert.rejects(admin.call('CreateApplication', { Name: 'A', Template: 'aws-account', RequireSignedAuthnRequests: true }), refusedWith('ValidationException', /SpCertificatePem/));
      await assert.rejects(admin.call('ListApplications', { MaxResults: 101 }), refusedWith('ValidationException', /maxResults/i));
      await assert.rejects(admin.call('DescribeApplication', { ApplicationId: 'app-XYZ' }), refusedWith('ValidationException', /applicationId/i));
      assert.equal(await count(), before);
    });

    test('a name taken (in any case) is ConflictException', async () => {
      await assert.rejects(admin.call('CreateApplication', { Name: 'PROD (OUTSIDE ORG)', Template: 'aws-account' }), refusedWith('ConflictException', /already exists/));
    });

    test('ListApplications pages by name with NextToken', async () => {
      for (const name of ['b-app', 'a-app', 'c-app']) await admin.call('CreateApplication', { Name: name, Template: 'aws-account' });
      const names: string[] = [];
      let token: string | undefined;
      do {
        const page = await admin.call<{ Applications: WireApplication[]; NextToken?: string }>('ListApplications', { MaxResults: 2, ...(token ? { NextToken: token } : {}) });
        assert.ok(page.Applications.length <= 2);
        names.push(...page.Applications.map((a) => a.Name));
        token = page.NextToken;
      } while (token);
      assert.deepEqual(names, ['a-app', 'b-app', 'c-app', 'Prod (outside org)']);
      await assert.rejects(admin.call('ListApplications', { NextToken: 'forged' }), refusedWith('ValidationException', /NextToken/));
    });

    test('assignments: a group with roles; ListApplicationAssignments; ListApplicationsForUser; delete', async () => {
      const apps = (await admin.call<{ Applications: WireApplication[] }>('ListApplications')).Applications;
      const prod = apps.find((a) => a.Name === 'Prod (outside org)')!;
      await assert.rejects(
        admin.call('CreateApplicationAssignment', { ApplicationId: prod.ApplicationId, PrincipalType: 'GROUP', PrincipalId: adminsId }),
        refusedWith('ValidationException', /AwsRoles/),
      );
      await assert.rejects(
        admin.call('CreateApplicationAssignment', { ApplicationId: prod.ApplicationId, PrincipalType: 'GROUP', PrincipalId: '00000000-0000-4000-8000-000000000000', AwsRoles: [{ RoleArn: ROLE, ProviderArn: PROVIDER }] }),
        refusedWith('ResourceNotFoundException', /Group/),
      );
      await assert.rejects(
        admin.call('CreateApplicationAssignment', { ApplicationId: prod.ApplicationId, PrincipalType: 'GROUP', PrincipalId: adminsId, AwsRoles: [{ RoleArn: ROLE, ProviderArn: 'arn:aws:iam::444455556666:saml-provider/Gatehouse' }] }),
        refusedWith('ValidationException', /same account/),
      );
      const created = await admin.call<{ Assignment: Record<string, unknown> }>('CreateApplicationAssignment', {
        ApplicationId: prod.ApplicationId, PrincipalType: 'GROUP', PrincipalId: adminsId, AwsRoles: [{ RoleArn: ROLE, ProviderArn: PROVIDER }],
      });
      assert.deepEqual(created.Assignment.AwsRoles, [{ RoleArn: ROLE, ProviderArn: PROVIDER }]);
      const listed = await admin.call<{ Assignments: Record<string, unknown>[] }>('ListApplicationAssignments', { ApplicationId: prod.ApplicationId });
      assert.deepEqual(listed.Assignments.map((a) => [a.PrincipalType, a.PrincipalId]), [['GROUP', adminsId]]);
      const held = await admin.call<{ UserId: string; Applications: { Application: WireApplication; AwsRoles: unknown[] }[] }>('ListApplicationsForUser', { UserName: 'alice' });
      assert.equal(held.UserId, aliceId);
      assert.deepEqual(held.Applications.map((h) => [h.Application.Name, h.AwsRoles]), [['Prod (outside org)', [{ RoleArn: ROLE, ProviderArn: PROVIDER }]]]);
      assert.deepEqual(await admin.call('DeleteApplicationAssignment', { ApplicationId: prod.ApplicationId, PrincipalType: 'GROUP', PrincipalId: adminsId }), {});
      await assert.rejects(
        admin.call('DeleteApplicationAssignment', { ApplicationId: prod.ApplicationId, PrincipalType: 'GROUP', PrincipalId: adminsId }),
        refusedWith('ResourceNotFoundException'),
      );
      assert.deepEqual((await admin.call<{ Applications: unknown[] }>('ListApplicationsForUser', { UserId: aliceId })).Applications, []);
      await assert.rejects(admin.call('ListApplicationsForUser', { UserName: 'nobody' }), refusedWith('ResourceNotFoundException'));
    });

    test('ListApplicationAssignments pages by principal with NextToken; a token is its application\'s only', async () => {
      const { identityStoreId } = await server.server.services.instance.get();
      const is = server.server.services.identityStore;
      const { Application: wiki } = await admin.call<{ Application: WireApplication }>('CreateApplication', { Name: 'Paged wiki', AcsUrl: 'https://wiki.example.com/acs', Audience: 'https://wiki.example.com' });
      const { Application: other } = await admin.call<{ Application: WireApplication }>('CreateApplication', { Name: 'Paged other', AcsUrl: 'https://other.example.com/acs', Audience: 'https://other.example.com' });
      const expected: string[] = [];
      for (let i = 0; i < 5; i++) {
        const { userId } = await is.createUser(identityStoreId, { UserName: `paged-${i}`, DisplayName: `Paged ${i}`, Name: { GivenName: 'P', FamilyName: `${i}` } });
        await admin.call('CreateApplicationAssignment', { ApplicationId: wiki.ApplicationId, PrincipalType: 'USER', PrincipalId: userId });
        expected.push(`USER ${userId}`);
      }
      await admin.call('CreateApplicationAssignment', { ApplicationId: wiki.ApplicationId, PrincipalType: 'GROUP', PrincipalId: adminsId });
      expected.sort().unshift(`GROUP ${adminsId}`);
      const seen: string[] = [];
      let token: string | undefined;
      let pages = 0;
      do {
        const page = await admin.call<{ Assignments: Record<string, string>[]; NextToken?: string }>('ListApplicationAssignments', { ApplicationId: wiki.ApplicationId, MaxResults: 2, ...(token ? { NextToken: token } : {}) });
        assert.ok(page.Assignments.length <= 2);
        seen.push(...page.Assignments.map((a) => `${a.PrincipalType} ${a.PrincipalId}`));
        token = page.NextToken;
        pages++;
        if (token) {
          await assert.rejects(admin.call('ListApplicationAssignments', { ApplicationId: other.ApplicationId, NextToken: token }), refusedWith('ValidationException', /NextToken/));
        }
      } while (token);
      assert.equal(pages, 3);
      assert.deepEqual(seen, expected);
      await assert.rejects(admin.call('ListApplicationAssignments', { ApplicationId: wiki.ApplicationId, MaxResults: 0 }), refusedWith('ValidationException', /maxResults/i));
      await assert.rejects(admin.call('ListApplicationAssignments', { ApplicationId: wiki.ApplicationId, NextToken: 'forged' }), refusedWith('ValidationException', /NextToken/));
      for (const app of [wiki, other]) await admin.call('DeleteApplication', { ApplicationId: app.ApplicationId });
    });

    test('authorization is gatehouse:<Operation>: a reader may list but not create', async () => {
      const services = server.server.services;
      const { ownerAccountId } = await services.instance.get();
      await services.iam.createIamUser(ownerAccountId, { userName: 'apps-reader' });
      await services.iam.putUserPolicy(ownerAccountId, 'apps-reader', 'read-apps', JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: ['gatehouse:ListApplications', 'gatehouse:DescribeApplication'], Resource: '*' }],
      }));
      const key = await services.iam.createUserAccessKey(ownerAccountId, 'apps-reader');
      const reader = new AdminClient({ ...server.clientConfig, credentials: { accessKeyId: key.accessKeyId, secretAccessKey: key.secretAccessKey } });
      const before = (await reader.call<{ Applications: unknown[] }>('ListApplications')).Applications.length;
      await assert.rejects(reader.call('CreateApplication', { Name: 'Sneaky', Template: 'aws-account' }), refusedWith('AccessDeniedException', /gatehouse:CreateApplication/));
      const apps = (await reader.call<{ Applications: WireApplication[] }>('ListApplications')).Applications;
      assert.equal(apps.length, before);
      await assert.rejects(reader.call('DeleteApplication', { ApplicationId: apps[0]!.ApplicationId }), refusedWith('AccessDeniedException', /gatehouse:DeleteApplication/));
      await assert.rejects(
        reader.call('CreateApplicationAssignment', { ApplicationId: apps[0]!.ApplicationId, PrincipalType: 'USER', PrincipalId: aliceId, AwsRoles: [{ RoleArn: ROLE, ProviderArn: PROVIDER }] }),
        refusedWith('AccessDeniedException', /gatehouse:CreateApplicationAssignment/),
      );
      assert.deepEqual((await admin.call<{ Assignments: unknown[] }>('ListApplicationAssignments', { ApplicationId: apps[0]!.ApplicationId })).Assignments, []);
    });
  });
}
