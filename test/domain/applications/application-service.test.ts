// ApplicationService on every back end: the settings' rules (each refusal names its field and
// writes nothing), names unique, templates, pages, assignments to users and groups, a user's
// applications, and the claims a response carries for both templates.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BACKENDS } from '../../support/backends.js';
import { openDomainFixture, TEST_IDENTITY_STORE_ID as STORE, type DomainFixture } from '../../support/domain-fixture.js';
import type { ApplicationService } from '../../../src/domain/applications/application-service.js';
import { SP_CERTIFICATE_PEM, AFTER_EXPIRY } from './sp-certificate.js';

const ROLE = 'arn:aws:iam::111122223333:role/GatehouseAdmin';
const PROVIDER = 'arn:aws:iam::111122223333:saml-provider/Gatehouse';
const ROLE2 = 'arn:aws:iam::111122223333:role/ReadOnly';
const AWS_ATTR = 'https://aws.amazon.com/SAML/Attributes/';
const custom = { name: 'Wiki', acsUrl: 'https://wiki.example.com/saml/acs', audience: 'https://wiki.example.com' };

/** Asserts a Validation error naming `field`. */
const refuses = (p: Promise<unknown>, field: string, code = 'Validation') =>
  assert.rejects(p, (e: any) => {
    assert.equal(e.code, code, `${field}: ${e.message}`);
    assert.equal(e.details.field, field, e.message);
    return true;
  });

for (const backend of BACKENDS) {
  describe(`ApplicationService (${backend.name})`, () => {
    let f: DomainFixture;
    let apps: ApplicationService;
    let ada: string, bob: string, admins: string, dev: string;

    before(async () => {
      f = await openDomainFixture(backend);
      apps = f.services.applications;
      const is = f.services.identityStore;
      ada = (await is.createUser(STORE, {
        UserName: 'ada', DisplayName: 'Ada Lovelace', Name: { GivenName: 'Ada', FamilyName: 'Lovelace' }, Title: 'Engineer',
        Emails: [{ Value: 'ada@example.com', Type: 'work', Primary: true }],
      })).userId;
      bob = (await is.createUser(STORE, { UserName: 'bob', DisplayName: 'Bob', Name: { GivenName: 'Bob', FamilyName: 'B' } })).userId;
      admins = (await is.createGroup(STORE, { DisplayName: 'Admins' })).groupId;
      dev = (await is.createGroup(STORE, { DisplayName: 'Dev' })).groupId;
      await is.createGroupMembership(STORE, admins, { UserId: ada });
      await is.createGroupMembership(STORE, dev, { UserId: ada });
    });
    after(() => f.dispose());

    test('deleting a user or a group from the identity store takes its application assignments with it', async () => {
      const is = f.services.identityStore;
      const app = await apps.create({ ...custom, name: 'Leavers' });
      const gone = (await is.createUser(STORE, { UserName: 'leaver', DisplayName: 'Leaver', Name: { GivenName: 'L', FamilyName: 'Eaver' } })).userId;
      const team = (await is.createGroup(STORE, { DisplayName: 'Short-lived team' })).groupId;
      await apps.assign(app.applicationId, 'USER', gone);
      await apps.assign(app.applicationId, 'GROUP', team);
      await apps.assign(app.applicationId, 'USER', bob);
      await is.deleteUser(STORE, gone);
      await is.deleteGroup(STORE, team);
      assert.deepEqual((await apps.listAssignments(app.applicationId)).assignments.map((a) => [a.principalType, a.principalId]), [['USER', bob]]);
      await apps.delete(app.applicationId);
    });

    test('a custom application: the given settings and the defaults, found by its id', async () => {
      const app = await apps.create(custom);
      assert.match(app.applicationId, /^app-[0-9a-f]{16}$/);
      assert.deepEqual(app, {
        applicationId: app.applicationId, name: 'Wiki', template: 'custom', acsUrl: custom.acsUrl, audience: custom.audience,
        nameIdFormat: 'persistent', nameIdSource: '${user:subject}', attributeMappings: [], sessionDuration: 'PT1H',
        requireSignedAuthnRequests: false, signResponse: true, createdAt: f.clock.now(), updatedAt: f.clock.now(),
      });
      assert.deepEqual(await apps.describe(app.applicationId), app);
      await apps.delete(app.applicationId);
      await refuses(apps.describe(app.applicationId), 'ApplicationId', 'NotFound');
      await refuses(apps.delete(app.applicationId), 'ApplicationId', 'NotFound');
    });

    test('the aws-account template fills in what AWS sign-in expects', async () => {
      const app = await apps.create({ name: 'Prod (outside org)', template: 'aws-account', sessionDuration: 'PT2H' });
      assert.equal(app.acsUrl, 'https://signin.aws.amazon.com/saml');
      assert.equal(app.audience, 'urn:amazon:webservices');
      assert.equal(app.nameIdFormat, 'persistent');
      assert.equal(app.nameIdSource, '${user:subject}');
      assert.deepEqual(app.attributeMappings, [
        { name: `${AWS_ATTR}RoleSessionName`, value: '${user:userName}' },
        { name: `${AWS_ATTR}SessionDuration`, value: '${app:sessionDurationSeconds}' },
      ]);
      await apps.delete(app.applicationId);
    });

    test('every bad setting is refused naming its field, and nothing is written', async () => {
      const before = (await apps.list()).applications.length;
      const cases: [Record<string, unknown>, string][] = [
        [{ ...custom, name: '' }, 'Name'],
        [{ ...custom, name: 'x'.repeat(65) }, 'Name'],
        [{ ...custom, name: 'a\nb' }, 'Name'],
        [{ ...custom, template: 'okta' }, 'Template'],
        [{ ...custom, acsUrl: undefined }, 'AcsUrl'],
        [{ ...custom, acsUrl: 'http://wiki.example.com/acs' }, 'AcsUrl'],
        [{ ...custom, acsUrl: 'not a url' }, 'AcsUrl'],
        [{ ...custom, acsUrl: 'javascript:alert(1)' }, 'AcsUrl'],
        [{ ...custom, acsUrl: 'https://u:p@wiki.example.com/acs' }, 'AcsUrl'],
        [{ ...custom, audience: '' }, 'Audience'],
        [{ ...custom, audience: undefined }, 'Audience'],
        [{ ...custom, nameIdFormat: 'email' }, 'NameIdFormat'],
        [{ ...custom, nameIdSource: '${user:groups}' }, 'NameIdSource'],
        [{ ...custom, nameIdSource: '${user:mail}' }, 'NameIdSource'],
        [{ ...custom, attributeMappings: [{ name: 'mail', value: '${user:email}' }, { name: 'dept', value: '${user:department}' }] }, 'AttributeMappings[1].Value'],
        [{ ...custom, attributeMappings: [{ name: 'a', value: 'x' }, { name: 'a', value: 'y' }] }, 'AttributeMappings[1].Name'],
        [{ ...custom, attributeMappings: [{ name: '', value: 'x' }] }, 'AttributeMappings[0].Name'],
        [{ ...custom, attributeMappings: 'mail=${user:email}' }, 'AttributeMappings'],
        [{ name: 'AWS', template: 'aws-account', attributeMappings: [{ name: `${AWS_ATTR}Role`, value: 'x' }] }, 'AttributeMappings[0].Name'],
        [{ ...custom, sessionDuration: 'PT14M' }, 'SessionDuration'],
        [{ ...custom, sessionDuration: 'PT12H1M' }, 'SessionDuration'],
        [{ ...custom, sessionDuration: '3600' }, 'SessionDuration'],
        [{ ...custom, relayState: 'https://x.example.com/' + 'a'.repeat(230) }, 'RelayState'],
        [{ ...custom, relayState: '/relative' }, 'RelayState'],
        [{ ...custom, requireSignedAuthnRequests: true }, 'SpCertificatePem'],
        [{ ...custom, requireSignedAuthnRequests: 'yes', spCertificatePem: SP_CERTIFICATE_PEM }, 'RequireSignedAuthnRequests'],
        [{ ...custom, spCertificatePem: 'MIIB...' }, 'SpCertificatePem'],
        [{ ...custom, spCertificatePem: '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n' }, 'SpCertificatePem'],
        [{ ...custom, signResponse: 'no' }, 'SignResponse'],
      ];
      for (const [input, field] of cases) await refuses(apps.create(input as any), field);
      assert.equal((await apps.list()).applications.length, before);
    });

    test('http is allowed for local service providers; a valid certificate is kept; an expired one is refused', async () => {
      const app = await apps.create({
        ...custom, name: 'Local', acsUrl: 'http://127.0.0.1:9000/acs', relayState: 'http://localhost:9000/home',
        requireSignedAuthnRequests: true, spCertificatePem: SP_CERTIFICATE_PEM,
      });
      assert.equal(app.spCertificatePem, SP_CERTIFICATE_PEM.trim());
      assert.equal((await apps.create({ ...custom, name: 'Local 2', acsUrl: 'http://localhost/acs' })).acsUrl, 'http://localhost/acs');
      const now = f.clock.now();
      f.clock.set(AFTER_EXPIRY);
      try {
        await refuses(apps.create({ ...custom, name: 'Late', spCertificatePem: SP_CERTIFICATE_PEM }), 'SpCertificatePem');
      } finally {
        f.clock.set(now);
      }
    });

    test('names are unique without regard to case, on create and on update', async () => {
      const a = await apps.create({ ...custom, name: 'Payroll' });
      await refuses(apps.create({ ...custom, name: 'payroll' }), 'Name', 'Conflict');
      const b = await apps.create({ ...custom, name: 'Payroll 2' });
      await refuses(apps.update(b.applicationId, { name: 'PAYROLL' }), 'Name', 'Conflict');
      assert.equal((await apps.describe(b.applicationId)).name, 'Payroll 2');
      await apps.update(a.applicationId, { name: 'payroll' }); // its own name, in another case
      assert.equal((await apps.describe(a.applicationId)).name, 'payroll');
    });

    test('update patches settings, null clears, the result is checked as a whole, the template stays', async () => {
      const app = await apps.create({ ...custom, name: 'Patch me', description: 'd', relayState: 'https://wiki.example.com/home' });
      f.clock.advance(1000);
      const updated = await apps.update(app.applicationId, { description: null, relayState: null, sessionDuration: 'PT8H', signResponse: false });
      assert.equal(updated.description, undefined);
      assert.equal(updated.relayState, undefined);
      assert.equal(updated.sessionDuration, 'PT8H');
      assert.equal(updated.signResponse, false);
      assert.equal(updated.updatedAt, app.createdAt + 1000);
      assert.deepEqual(await apps.describe(app.applicationId), updated);
      await refuses(apps.update(app.applicationId, { requireSignedAuthnRequests: true }), 'SpCertificatePem');
      await refuses(apps.update(app.applicationId, { template: 'aws-account' } as any), 'Template');
      await refuses(apps.update(app.applicationId, { acsUrl: 'ftp://x' }), 'AcsUrl');
      await refuses(apps.update('app-0000000000000000', { name: 'x' }), 'ApplicationId', 'NotFound');
      assert.deepEqual(await apps.describe(app.applicationId), updated);
    });

    test('list pages by name with a token; a bad token or page size is refused', async () => {
      const all = (await apps.list()).applications.map((a) => a.name);
      assert.deepEqual(all, [...all].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
      const seen: string[] = [];
      let token: string | undefined;
      do {
        const page = await apps.list({ maxResults: 2, ...(token ? { nextToken: token } : {}) });
        assert.ok(page.applications.length <= 2);
        seen.push(...page.applications.map((a) => a.name));
        token = page.nextToken;
      } while (token);
      assert.deepEqual(seen, all);
      await refuses(apps.list({ maxResults: 101 }), 'MaxResults');
      await refuses(apps.list({ maxResults: 0 }), 'MaxResults');
      await refuses(apps.list({ nextToken: 'garbage' }), 'NextToken');
    });

    test('assignments: principals must exist; aws-account needs role pairs of one account; custom takes none', async () => {
      const wiki = await apps.create({ ...custom, name: 'Assign wiki' });
      const aws = await apps.create({ name: 'Assign AWS', template: 'aws-account' });
      await refuses(apps.assign(wiki.applicationId, 'USER', '00000000-0000-4000-8000-000000000000'), 'PrincipalId', 'NotFound');
      await refuses(apps.assign(wiki.applicationId, 'GROUP', ada), 'PrincipalId', 'NotFound');
      await refuses(apps.assign(wiki.applicationId, 'ROLE' as any, ada), 'PrincipalType');
      await refuses(apps.assign('app-0000000000000000', 'USER', ada), 'ApplicationId', 'NotFound');
      await refuses(apps.assign(wiki.applicationId, 'USER', ada, [{ roleArn: ROLE, providerArn: PROVIDER }]), 'AwsRoles');
      await refuses(apps.assign(aws.applicationId, 'USER', ada), 'AwsRoles');
      await refuses(apps.assign(aws.applicationId, 'USER', ada, []), 'AwsRoles');
      await refuses(apps.assign(aws.applicationId, 'USER', ada, [{ roleArn: 'arn:aws:iam::111122223333:user/x', providerArn: PROVIDER }]), 'AwsRoles[0].RoleArn');
      await refuses(apps.assign(aws.applicationId, 'USER', ada, [{ roleArn: 'arn:aws:iam::111122223333:role/a,b', providerArn: PROVIDER }]), 'AwsRoles[0].RoleArn');
      await refuses(apps.assign(aws.applicationId, 'USER', ada, [{ roleArn: ROLE, providerArn: ROLE }]), 'AwsRoles[0].ProviderArn');
      await refuses(
        apps.assign(aws.applicationId, 'USER', ada, [{ roleArn: ROLE, providerArn: PROVIDER }, { roleArn: ROLE, providerArn: 'arn:aws:iam::444455556666:saml-provider/Gatehouse' }]),
        'AwsRoles[1].ProviderArn',
      );
      assert.deepEqual((await apps.listAssignments(aws.applicationId)).assignments, []);

      const a = await apps.assign(aws.applicationId, 'GROUP', admins, [{ roleArn: ROLE, providerArn: PROVIDER }, { roleArn: ROLE, providerArn: PROVIDER }]);
      assert.deepEqual(a.awsRoles, [{ roleArn: ROLE, providerArn: PROVIDER }]);
      await apps.assign(aws.applicationId, 'GROUP', admins, [{ roleArn: ROLE2, providerArn: PROVIDER }]); // replaces
      assert.deepEqual((await apps.listAssignments(aws.applicationId)).assignments.map((x) => x.awsRoles), [[{ roleArn: ROLE2, providerArn: PROVIDER }]]);
      await apps.unassign(aws.applicationId, 'GROUP', admins);
      await refuses(apps.unassign(aws.applicationId, 'GROUP', admins), 'PrincipalId', 'NotFound');
      await refuses(apps.listAssignments('app-0000000000000000'), 'ApplicationId', 'NotFound');
    });

    test("a user's applications: direct and through groups, roles united, by name", async () => {
      const zeta = await apps.create({ ...custom, name: 'Zeta' });
      const alpha = await apps.create({ name: 'Alpha AWS', template: 'aws-account' });
      await apps.assign(zeta.applicationId, 'USER', ada);
      await apps.assign(alpha.applicationId, 'GROUP', admins, [{ roleArn: ROLE, providerArn: PROVIDER }]);
      await apps.assign(alpha.applicationId, 'GROUP', dev, [{ roleArn: ROLE2, providerArn: PROVIDER }, { roleArn: ROLE, providerArn: PROVIDER }]);
      const held = await apps.applicationsForUser(ada);
      assert.deepEqual(held.map((h) => h.application.name), ['Alpha AWS', 'Zeta']);
      assert.deepEqual(held[0]!.awsRoles, [{ roleArn: ROLE, providerArn: PROVIDER }, { roleArn: ROLE2, providerArn: PROVIDER }]);
      assert.deepEqual(held[1]!.awsRoles, []);
      assert.deepEqual(await apps.applicationsForUser(bob), []);
      await refuses(apps.applicationsForUser('00000000-0000-4000-8000-000000000000'), 'UserId', 'NotFound');
      await apps.delete(zeta.applicationId);
      assert.deepEqual((await apps.applicationsForUser(ada)).map((h) => h.application.name), ['Alpha AWS']);
    });

    test('claims of a custom application: NameID, groups, paths; empty values left out; only for holders', async () => {
      const app = await apps.create({
        ...custom, name: 'Claims', nameIdFormat: 'emailAddress', nameIdSource: '${user:email}',
        attributeMappings: [
          { name: 'groups', value: '${user:groups}' },
          { name: 'title', value: '${path:title}' },
          { name: 'given', value: '${path:name.givenName}' },
          { name: 'who', value: '${user:displayName} <${user:email}>' },
          { name: 'department', value: '${path:enterprise.department}' },
          { name: 'nick', value: '${path:nickName}' },
          { name: 'fixed', value: 'constant' },
        ],
      });
      await apps.assign(app.applicationId, 'GROUP', dev);
      assert.deepEqual(await apps.samlClaims(app.applicationId, ada), {
        nameId: 'ada@example.com',
        nameIdFormat: 'emailAddress',
        attributes: { groups: ['Admins', 'Dev'], title: ['Engineer'], given: ['Ada'], who: ['Ada Lovelace <ada@example.com>'], fixed: ['constant'] },
        sessionDurationSeconds: 3600,
      });
      await refuses(apps.samlClaims(app.applicationId, bob), undefined as any, 'AccessDenied');
      await apps.assign(app.applicationId, 'USER', bob);
      // Bob has no email: never an empty NameID.
      await refuses(apps.samlClaims(app.applicationId, bob), 'NameIdSource', 'InvalidState');
      await apps.update(app.applicationId, { nameIdSource: 'u-${user:subject}' });
      const claims = await apps.samlClaims(app.applicationId, bob);
      assert.equal(claims.nameId, `u-${bob}`);
      // No groups, title, email or department: those attributes are left out.
      assert.deepEqual(claims.attributes, { given: ['Bob'], fixed: ['constant'] });
    });

    test('claims of an aws-account application: Role pairs from the assignments, RoleSessionName, SessionDuration', async () => {
      const app = await apps.create({ name: 'Claims AWS', template: 'aws-account', sessionDuration: 'PT2H' });
      await apps.assign(app.applicationId, 'USER', ada, [{ roleArn: ROLE2, providerArn: PROVIDER }]);
      await apps.assign(app.applicationId, 'GROUP', admins, [{ roleArn: ROLE, providerArn: PROVIDER }]);
      const claims = await apps.samlClaims(app.applicationId, ada);
      assert.deepEqual(claims, {
        nameId: ada,
        nameIdFormat: 'persistent',
        attributes: {
          [`${AWS_ATTR}RoleSessionName`]: ['ada'],
          [`${AWS_ATTR}SessionDuration`]: ['7200'],
          [`${AWS_ATTR}Role`]: [`${ROLE},${PROVIDER}`, `${ROLE2},${PROVIDER}`],
        },
        sessionDurationSeconds: 7200,
      });
      await apps.update(app.applicationId, { sessionDuration: 'PT12H' });
      assert.deepEqual((await apps.samlClaims(app.applicationId, ada)).attributes[`${AWS_ATTR}SessionDuration`], ['43200']);
      await refuses(apps.samlClaims('app-0000000000000000', ada), 'ApplicationId', 'NotFound');
    });
  });
}
