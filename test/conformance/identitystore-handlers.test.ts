// The identitystore handlers without a server: every operation's output checked member by
// member against the model's output shape (no unknown members, required ones present, types).

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { IDENTITYSTORE_HANDLERS } from '../../src/protocols/identitystore/handlers.js';
import type { CallContext } from '../../src/protocols/operation.js';
import type { Services } from '../../src/domain/services.js';
import { sqliteBackend } from '../support/backends.js';
import { openHarness, userInput, type Harness } from '../domain/identity-store/harness.js';

const MODEL = JSON.parse(readFileSync(new URL('../../models/aws/identitystore-2020-06-15.json', import.meta.url), 'utf8'));

type Shape = { type?: string; shape?: string; members?: Record<string, Shape>; member?: Shape; required?: string[] };

const resolve = (s: Shape): Shape => (s.shape ? resolve(MODEL.shapes[s.shape]) : s);

/** Checks `value` against a model shape; returns the problems found. */
const check = (value: unknown, shape: Shape, path: string): string[] => {
  const s = resolve(shape);
  const type = s.type ?? 'string';
  switch (type) {
    case 'structure': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return [`${path}: expected a structure`];
      const members = s.members ?? {};
      const problems = Object.keys(value).filter((k) => !(k in members)).map((k) => `${path}.${k}: not in the model`);
      for (const r of s.required ?? []) if ((value as any)[r] === undefined) problems.push(`${path}.${r}: required`);
      for (const [k, v] of Object.entries(value)) if (k in members) problems.push(...check(v, members[k]!, `${path}.${k}`));
      return problems;
    }
    case 'list':
      return Array.isArray(value) ? value.flatMap((v, i) => check(v, s.member!, `${path}[${i}]`)) : [`${path}: expected a list`];
    case 'boolean':
      return typeof value === 'boolean' ? [] : [`${path}: expected a boolean`];
    case 'integer':
      return Number.isInteger(value) ? [] : [`${path}: expected an integer`];
    default:
      return typeof value === 'string' ? [] : [`${path}: expected a string`];
  }
};

describe('identitystore handlers produce the model output shapes', () => {
  let h: Harness;
  let ctx: CallContext;
  const call = async (op: string, input: Record<string, unknown>) => {
    const output = await IDENTITYSTORE_HANDLERS[op]!({ IdentityStoreId: h.storeId, ...input }, ctx);
    assert.deepEqual(check(output, MODEL.operations[op].output, op), []);
    return output as any;
  };
  before(async () => {
    h = await openHarness(sqliteBackend);
    ctx = {
      requestId: 'req',
      region: 'us-east-1',
      sourceIp: '127.0.0.1',
      secureTransport: false,
      principal: { kind: 'iam-user', arn: 'arn:aws:iam::111122223333:user/admin', accountId: '111122223333', userId: 'AIDA', accessKeyId: 'AKIA', name: 'admin' },
      services: { identityStore: h.service } as unknown as Services,
    };
  });
  after(() => h.dispose());

  test('all 19 operations', async () => {
    assert.deepEqual(Object.keys(IDENTITYSTORE_HANDLERS).sort(), Object.keys(MODEL.operations).sort());
    const { UserId } = await call('CreateUser', {
      ...userInput('shape'),
      Emails: [{ Value: 'shape@example.com', Primary: true }],
      Addresses: [{ Country: 'FR' }],
      PhoneNumbers: [{ Value: '1' }],
      NickName: 'n', ProfileUrl: 'p', UserType: 't', Title: 't', PreferredLanguage: 'fr', Locale: 'fr_FR', Timezone: 'Europe/Paris',
    });
    await call('UpdateUser', { UserId, Operations: [{ AttributePath: 'externalIds', AttributeValue: [{ Issuer: 'i', Id: 'shape' }] }] });
    const user = await call('DescribeUser', { UserId });
    assert.deepEqual(user.ExternalIds, [{ Issuer: 'i', Id: 'shape' }]);
    assert.equal(user.Timezone, 'Europe/Paris');
    const users = await call('ListUsers', { MaxResults: 1, Filters: [{ AttributePath: 'UserName', AttributeValue: 'shape' }] });
    assert.equal(users.Users.length, 1);
    assert.equal('NextToken' in users, false);
    await call('GetUserId', { AlternateIdentifier: { ExternalId: { Issuer: 'i', Id: 'shape' } } });

    const { GroupId } = await call('CreateGroup', { DisplayName: 'shape-group', Description: 'd' });
    await call('UpdateGroup', { GroupId, Operations: [{ AttributePath: 'externalIds', AttributeValue: [{ Issuer: 'i', Id: 'g' }] }] });
    const group = await call('DescribeGroup', { GroupId });
    assert.deepEqual(group, { GroupId, IdentityStoreId: h.storeId, DisplayName: 'shape-group', Description: 'd', ExternalIds: [{ Issuer: 'i', Id: 'g' }] });
    await call('ListGroups', {});
    await call('GetGroupId', { AlternateIdentifier: { UniqueAttribute: { AttributePath: 'displayName', AttributeValue: 'shape-group' } } });

    const { MembershipId } = await call('CreateGroupMembership', { GroupId, MemberId: { UserId } });
    await call('DescribeGroupMembership', { MembershipId });
    await call('GetGroupMembershipId', { GroupId, MemberId: { UserId } });
    await call('ListGroupMemberships', { GroupId, MaxResults: 10 });
    await call('ListGroupMembershipsForMember', { MemberId: { UserId } });
    const check2 = await call('IsMemberInGroups', { MemberId: { UserId }, GroupIds: [GroupId] });
    assert.equal(check2.Results[0].MembershipExists, true);
    await call('DeleteGroupMembership', { MembershipId });
    await call('DeleteGroup', { GroupId });
    await call('DeleteUser', { UserId });
  });
});
