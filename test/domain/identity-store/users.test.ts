// The user operations through the service, on every back end.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { BACKENDS } from '../../support/backends.js';
import { isError, openHarness, rowCounts, userInput, type Harness } from './harness.js';

for (const backend of BACKENDS) {
  describe(`identity store users (${backend.name})`, () => {
    let h: Harness;
    before(async () => (h = await openHarness(backend)));
    after(() => h.dispose());

    test('CreateUser stores every attribute; DescribeUser returns them', async () => {
      const input = userInput('alice', {
        Name: { GivenName: 'Alice', FamilyName: 'Liddell', Formatted: 'Alice Liddell', MiddleName: 'P', HonorificPrefix: 'Ms', HonorificSuffix: 'II' },
        NickName: 'Al',
        ProfileUrl: 'https://example.com/alice',
        Emails: [{ Value: 'alice@example.com', Type: 'work', Primary: true }],
        Addresses: [{ StreetAddress: '1 Rabbit Hole', Locality: 'Oxford', Country: 'GB', Primary: true }],
        PhoneNumbers: [{ Value: '+44 1865 000000', Type: 'work' }],
        UserType: 'Employee',
        Title: 'Explorer',
        PreferredLanguage: 'en-GB',
        Locale: 'en_GB',
        Timezone: 'Europe/London',
      });
      const created = await h.service.createUser(h.storeId, input);
      assert.match(created.userId, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      assert.equal(created.createdAt, h.clock.now());
      const described = await h.service.describeUser(h.storeId, created.userId);
      assert.deepEqual(described.profile, input);
      assert.deepEqual(described.externalIds, []);
    });

    test('CreateUser requires userName, displayName and name.givenName/familyName; nothing is written', async () => {
      const before = await rowCounts(h.store);
      await assert.rejects(h.service.createUser(h.storeId, { DisplayName: 'x', Name: { GivenName: 'a', FamilyName: 'b' } }), isError('Validation', { field: 'UserName' }));
      await assert.rejects(h.service.createUser(h.storeId, { UserName: 'no-display', Name: { GivenName: 'a', FamilyName: 'b' } }), isError('Validation', { field: 'displayName' }));
      await assert.rejects(h.service.createUser(h.storeId, { UserName: 'no-name', DisplayName: 'x' }), isError('Validation', { field: 'name' }));
      await assert.rejects(h.service.createUser(h.storeId, { UserName: 'no-family', DisplayName: 'x', Name: { GivenName: 'a' } }), isError('Validation', { field: 'name.familyName' }));
      await assert.rejects(h.service.createUser(h.storeId, userInput('has space')), isError('Validation'));
      await assert.rejects(h.service.createUser(h.storeId, userInput('two-emails', { Emails: [{ Value: 'a@x' }, { Value: 'b@x' }] })), isError('Validation'));
      assert.deepEqual(await rowCounts(h.store), before);
    });

    test('a duplicate user name (any case) is a Conflict with reason UNIQUENESS_CONSTRAINT_VIOLATION', async () => {
      await h.service.createUser(h.storeId, userInput('Bob'));
      const before = await rowCounts(h.store);
      await assert.rejects(h.service.createUser(h.storeId, userInput('bOB')), isError('Conflict', { reason: 'UNIQUENESS_CONSTRAINT_VIOLATION', field: 'UserName' }));
      assert.deepEqual(await rowCounts(h.store), before);
    });

    test('another identity store id is ResourceNotFound IDENTITY_STORE', async () => {
      await assert.rejects(h.service.createUser('d-9999999999', userInput('elsewhere')), isError('NotFound', { resource: 'IDENTITY_STORE', resourceId: 'd-9999999999' }));
      await assert.rejects(h.service.listUsers('d-9999999999'), isError('NotFound', { resource: 'IDENTITY_STORE' }));
    });

    test('an unknown user is ResourceNotFound USER with its id', async () => {
      const id = randomUUID();
      await assert.rejects(h.service.describeUser(h.storeId, id), isError('NotFound', { resource: 'USER', resourceId: id }));
      await assert.rejects(h.service.updateUser(h.storeId, id, [{ AttributePath: 'nickName', AttributeValue: 'x' }]), isError('NotFound', { resource: 'USER', resourceId: id }));
      await assert.rejects(h.service.deleteUser(h.storeId, id), isError('NotFound', { resource: 'USER', resourceId: id }));
    });

    test('GetUserId by userName and emails.value (any case), and by ExternalId', async () => {
      const u = await h.service.createUser(h.storeId, userInput('Carol', { Emails: [{ Value: 'Carol@Example.com', Primary: true }] }), [{ Issuer: 'https://idp.example', Id: 'carol-1' }]);
      assert.equal(await h.service.getUserId(h.storeId, { UniqueAttribute: { AttributePath: 'userName', AttributeValue: 'carol' } }), u.userId);
      assert.equal(await h.service.getUserId(h.storeId, { UniqueAttribute: { AttributePath: 'emails.value', AttributeValue: 'carol@example.com' } }), u.userId);
      assert.equal(await h.service.getUserId(h.storeId, { ExternalId: { Issuer: 'https://idp.example', Id: 'carol-1' } }), u.userId);
      await assert.rejects(h.service.getUserId(h.storeId, { UniqueAttribute: { AttributePath: 'userName', AttributeValue: 'nobody' } }), isError('NotFound', { resource: 'USER' }));
      await assert.rejects(h.service.getUserId(h.storeId, { ExternalId: { Issuer: 'https://idp.example', Id: 'nobody' } }), isError('NotFound', { resource: 'USER' }));
      await assert.rejects(h.service.getUserId(h.storeId, { UniqueAttribute: { AttributePath: 'displayName', AttributeValue: 'x' } }), isError('Validation', { field: 'AttributePath' }));
      await assert.rejects(h.service.getUserId(h.storeId, { UniqueAttribute: { AttributePath: 'userName', AttributeValue: 42 } }), isError('Validation'));
      await assert.rejects(h.service.getUserId(h.storeId, {}), isError('Validation'));
    });

    test('UpdateUser sets, replaces and removes attributes', async () => {
      const u = await h.service.createUser(h.storeId, userInput('dave', { NickName: 'D', Title: 'Eng' }));
      h.clock.advance(1000);
      await h.service.updateUser(h.storeId, u.userId, [
        { AttributePath: 'displayName', AttributeValue: 'David' },
        { AttributePath: 'name.middleName', AttributeValue: 'Q' },
        { AttributePath: 'emails', AttributeValue: [{ value: 'dave@example.com', type: 'work', primary: true }] },
        { AttributePath: 'nickName', AttributeValue: null },
        { AttributePath: 'title' },
        { AttributePath: 'externalIds', AttributeValue: [{ Issuer: 'idp', Id: 'dave-1' }] },
      ]);
      const d = await h.service.describeUser(h.storeId, u.userId);
      assert.equal(d.profile.DisplayName, 'David');
      assert.deepEqual(d.profile.Name, { GivenName: 'Given', FamilyName: 'Family', MiddleName: 'Q' });
      assert.deepEqual(d.profile.Emails, [{ Value: 'dave@example.com', Type: 'work', Primary: true }]);
      assert.equal(d.profile.NickName, undefined);
      assert.equal(d.profile.Title, undefined);
      assert.deepEqual(d.externalIds, [{ Issuer: 'idp', Id: 'dave-1' }]);
      assert.equal(d.updatedAt, u.createdAt + 1000);
      assert.equal(await h.service.getUserId(h.storeId, { UniqueAttribute: { AttributePath: 'emails.value', AttributeValue: 'dave@example.com' } }), u.userId);
      await h.service.updateUser(h.storeId, u.userId, [{ AttributePath: 'userName', AttributeValue: 'david' }]);
      assert.equal(await h.service.getUserId(h.storeId, { UniqueAttribute: { AttributePath: 'userName', AttributeValue: 'david' } }), u.userId);
    });

    test('UpdateUser rejects unknown paths (naming them), bad values and removing required attributes; nothing is written', async () => {
      const u = await h.service.createUser(h.storeId, userInput('erin'));
      const before = await h.service.describeUser(h.storeId, u.userId);
      const rejects = async (ops: any[], check: (e: any) => boolean) => {
        await assert.rejects(h.service.updateUser(h.storeId, u.userId, ops), check);
        assert.deepEqual(await h.service.describeUser(h.storeId, u.userId), before);
      };
      await rejects([{ AttributePath: 'UserName', AttributeValue: 'x' }], (e) => isError('Validation', { field: 'AttributePath' })(e) && /UserName/.test(e.message));
      await rejects([{ AttributePath: 'favouriteColour', AttributeValue: 'blue' }], (e) => isError('Validation')(e) && /favouriteColour/.test(e.message));
      await rejects([{ AttributePath: 'nickName', AttributeValue: 'ok' }, { AttributePath: 'nickName', AttributeValue: 7 }], isError('Validation'));
      await rejects([{ AttributePath: 'emails', AttributeValue: [{ value: 'a@x' }, { value: 'b@x' }] }], isError('Validation'));
      await rejects([{ AttributePath: 'emails', AttributeValue: [{ colour: 'x' }] }], isError('Validation'));
      await rejects([{ AttributePath: 'displayName', AttributeValue: null }], isError('Validation', { field: 'displayName' }));
      await rejects([{ AttributePath: 'name.familyName', AttributeValue: null }], isError('Validation', { field: 'name.familyName' }));
      await rejects([{ AttributePath: 'userName', AttributeValue: null }], isError('Validation', { field: 'UserName' }));
      await rejects([{ AttributePath: 'externalIds', AttributeValue: [{ Issuer: 'aws:x', Id: '1' }] }], isError('Validation'));
      await rejects([], isError('Validation'));
    });

    test('UpdateUser to a taken user name or external id is a Conflict; nothing is written', async () => {
      await h.service.createUser(h.storeId, userInput('frank'), [{ Issuer: 'idp', Id: 'frank-1' }]);
      const g = await h.service.createUser(h.storeId, userInput('grace'));
      const before = await rowCounts(h.store);
      await assert.rejects(h.service.updateUser(h.storeId, g.userId, [{ AttributePath: 'userName', AttributeValue: 'FRANK' }]), isError('Conflict', { reason: 'UNIQUENESS_CONSTRAINT_VIOLATION' }));
      await assert.rejects(
        h.service.updateUser(h.storeId, g.userId, [
          { AttributePath: 'nickName', AttributeValue: 'G' },
          { AttributePath: 'externalIds', AttributeValue: [{ Issuer: 'idp', Id: 'frank-1' }] },
        ]),
        isError('Conflict', { reason: 'UNIQUENESS_CONSTRAINT_VIOLATION', field: 'ExternalIds' }),
      );
      assert.equal((await h.service.describeUser(h.storeId, g.userId)).profile.NickName, undefined);
      assert.deepEqual(await rowCounts(h.store), before);
    });

    test('ListUsers with the deprecated filter on UserName (exact, any case); at most one filter', async () => {
      const u = await h.service.createUser(h.storeId, userInput('heidi'));
      const page = await h.service.listUsers(h.storeId, { filters: [{ AttributePath: 'UserName', AttributeValue: 'HEIDI' }] });
      assert.deepEqual(page.items.map((x) => x.userId), [u.userId]);
      assert.equal(page.nextToken, undefined);
      const camel = await h.service.listUsers(h.storeId, { filters: [{ AttributePath: 'userName', AttributeValue: 'heidi' }] });
      assert.equal(camel.items.length, 1);
      assert.equal((await h.service.listUsers(h.storeId, { filters: [{ AttributePath: 'UserName', AttributeValue: 'heid' }] })).items.length, 0);
      await assert.rejects(h.service.listUsers(h.storeId, { filters: [{ AttributePath: 'Title', AttributeValue: 'x' }] }), isError('Validation', { field: 'Filters' }));
      await assert.rejects(
        h.service.listUsers(h.storeId, { filters: [{ AttributePath: 'UserName', AttributeValue: 'a' }, { AttributePath: 'UserName', AttributeValue: 'b' }] }),
        isError('Validation', { field: 'Filters' }),
      );
    });
  });
}
