// Pure rules: update operations, alternate identifiers, filters, page tokens.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { applyOperations } from '../../../src/domain/identity-store/update-operations.js';
import { USER_ATTRIBUTES } from '../../../src/domain/identity-store/user-attributes.js';
import { GROUP_ATTRIBUTES } from '../../../src/domain/identity-store/group-attributes.js';
import { groupLookup, userLookup } from '../../../src/domain/identity-store/alternate-identifier.js';
import { filterValue } from '../../../src/domain/identity-store/list-filters.js';
import { decodePageToken, encodePageToken } from '../../../src/domain/identity-store/page-token.js';
import type { UserProfile } from '../../../src/domain/identity-store/user.js';
import { isError } from './harness.js';

const base = { profile: { UserName: 'u', DisplayName: 'U', Name: { GivenName: 'G', FamilyName: 'F' } } as UserProfile, externalIds: [] };

test('every camelCase user attribute path lands on its model member', () => {
  const cases: [string, unknown, (p: any) => unknown][] = [
    ['userName', 'new', (p) => p.UserName],
    ['displayName', 'D', (p) => p.DisplayName],
    ['nickName', 'N', (p) => p.NickName],
    ['profileUrl', 'https://x', (p) => p.ProfileUrl],
    ['userType', 'T', (p) => p.UserType],
    ['title', 'T', (p) => p.Title],
    ['preferredLanguage', 'en', (p) => p.PreferredLanguage],
    ['locale', 'en_US', (p) => p.Locale],
    ['timezone', 'UTC', (p) => p.Timezone],
    ['name.formatted', 'F', (p) => p.Name.Formatted],
    ['name.honorificPrefix', 'Dr', (p) => p.Name.HonorificPrefix],
    ['name.honorificSuffix', 'Jr', (p) => p.Name.HonorificSuffix],
    ['name.givenName', 'Gx', (p) => p.Name.GivenName],
  ];
  for (const [path, value, get] of cases) {
    const out = applyOperations(USER_ATTRIBUTES, base, [{ AttributePath: path, AttributeValue: value }]);
    assert.equal(get(out.profile), value, path);
  }
  const lists = applyOperations(USER_ATTRIBUTES, base, [
    { AttributePath: 'addresses', AttributeValue: [{ streetAddress: 'S', Country: 'C', primary: true }] },
    { AttributePath: 'phoneNumbers', AttributeValue: [{ Value: '1', Type: 'work' }] },
    { AttributePath: 'name', AttributeValue: { givenName: 'A', familyName: 'B' } },
  ]);
  assert.deepEqual(lists.profile.Addresses, [{ StreetAddress: 'S', Country: 'C', Primary: true }]);
  assert.deepEqual(lists.profile.PhoneNumbers, [{ Value: '1', Type: 'work' }]);
  assert.deepEqual(lists.profile.Name, { GivenName: 'A', FamilyName: 'B' });
  assert.deepEqual(base.profile.Name, { GivenName: 'G', FamilyName: 'F' }, 'the input is not modified');
});

test('operations apply in order; removing the last name part removes Name', () => {
  const out = applyOperations(USER_ATTRIBUTES, base, [
    { AttributePath: 'nickName', AttributeValue: 'one' },
    { AttributePath: 'nickName', AttributeValue: 'two' },
    { AttributePath: 'name.givenName', AttributeValue: null },
    { AttributePath: 'name.familyName', AttributeValue: null },
  ]);
  assert.equal(out.profile.NickName, 'two');
  assert.equal(out.profile.Name, undefined);
});

test('unknown paths, wrong types, limits and reserved issuers are ValidationExceptions', () => {
  const bad = (ops: any[]) => assert.throws(() => applyOperations(USER_ATTRIBUTES, base, ops), isError('Validation'));
  bad([{ AttributePath: 'DisplayName', AttributeValue: 'x' }]);
  bad([{ AttributePath: 'name.nickName', AttributeValue: 'x' }]);
  bad([{ AttributePath: 'displayName', AttributeValue: '' }]);
  bad([{ AttributePath: 'displayName', AttributeValue: 'x'.repeat(1025) }]);
  bad([{ AttributePath: 'userName', AttributeValue: 'x'.repeat(129) }]);
  bad([{ AttributePath: 'userName', AttributeValue: 'has space' }]);
  bad([{ AttributePath: 'emails', AttributeValue: { value: 'not a list' } }]);
  bad([{ AttributePath: 'emails', AttributeValue: [{ primary: 'yes' }] }]);
  bad([{ AttributePath: 'externalIds', AttributeValue: [{ Issuer: 'arn:aws:x', Id: '1' }] }]);
  bad([{ AttributePath: 'externalIds', AttributeValue: [{ Issuer: 'i' }] }]);
  bad([{ AttributePath: 'externalIds', AttributeValue: Array.from({ length: 11 }, (_, i) => ({ Issuer: 'i', Id: `${i}` })) }]);
  bad([{ AttributePath: 'externalIds', AttributeValue: [{ Issuer: 'i', Id: '1' }, { Issuer: 'i', Id: '1' }] }]);
  bad(Array.from({ length: 101 }, () => ({ AttributePath: 'title', AttributeValue: 't' })));
  assert.throws(() => applyOperations(GROUP_ATTRIBUTES, { profile: { DisplayName: 'g' }, externalIds: [] }, [{ AttributePath: 'userName', AttributeValue: 'x' }]), isError('Validation'));
});

test('alternate identifiers: exactly one kind; unique attribute paths per resource', () => {
  assert.deepEqual(userLookup({ UniqueAttribute: { AttributePath: 'userName', AttributeValue: 'a' } }), { kind: 'userName', value: 'a' });
  assert.deepEqual(userLookup({ UniqueAttribute: { AttributePath: 'emails.value', AttributeValue: 'a@x' } }), { kind: 'email', value: 'a@x' });
  assert.deepEqual(userLookup({ ExternalId: { Issuer: 'i', Id: '1' } }), { kind: 'externalId', issuer: 'i', id: '1' });
  assert.deepEqual(groupLookup({ UniqueAttribute: { AttributePath: 'displayName', AttributeValue: 'g' } }), { kind: 'displayName', value: 'g' });
  assert.throws(() => userLookup({ ExternalId: { Issuer: 'i', Id: '1' }, UniqueAttribute: { AttributePath: 'userName', AttributeValue: 'a' } }), isError('Validation'));
  assert.throws(() => groupLookup({ UniqueAttribute: { AttributePath: 'emails.value', AttributeValue: 'a' } }), isError('Validation'));
  assert.throws(() => userLookup({ UniqueAttribute: { AttributePath: 'userName', AttributeValue: { nested: 1 } } }), isError('Validation'));
});

test('filters: none, one on the allowed attribute, never two', () => {
  assert.equal(filterValue(undefined, 'UserName'), undefined);
  assert.equal(filterValue([], 'UserName'), undefined);
  assert.equal(filterValue([{ AttributePath: 'UserName', AttributeValue: 'a' }], 'UserName'), 'a');
  assert.equal(filterValue([{ AttributePath: 'displayName', AttributeValue: 'g' }], 'DisplayName'), 'g');
  assert.throws(() => filterValue([{ AttributePath: 'DisplayName', AttributeValue: 'g' }], 'UserName'), isError('Validation'));
});

test('page tokens round-trip within their scope, match the model pattern, and are refused elsewhere', () => {
  fc.assert(
    fc.property(fc.string({ minLength: 1 }), fc.string({ minLength: 1 }), (scope, after) => {
      const token = encodePageToken({ scope, after });
      assert.match(token, /^[-a-zA-Z0-9+=/:]*$/);
      assert.equal(decodePageToken(token, scope), after);
      assert.throws(() => decodePageToken(token, `${scope}x`), isError('Validation'));
    }),
  );
  assert.throws(() => decodePageToken('%%%', 'users'), isError('Validation'));
  assert.throws(() => decodePageToken(Buffer.from('{"v":2}').toString('base64'), 'users'), isError('Validation'));
});
