// The real identitystore client against a running server, on every back end.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import {
  IdentitystoreClient,
  CreateUserCommand,
  DescribeUserCommand,
  UpdateUserCommand,
  DeleteUserCommand,
  ListUsersCommand,
  GetUserIdCommand,
  CreateGroupCommand,
  DescribeGroupCommand,
  UpdateGroupCommand,
  DeleteGroupCommand,
  ListGroupsCommand,
  GetGroupIdCommand,
  CreateGroupMembershipCommand,
  DescribeGroupMembershipCommand,
  DeleteGroupMembershipCommand,
  GetGroupMembershipIdCommand,
  ListGroupMembershipsCommand,
  ListGroupMembershipsForMemberCommand,
  IsMemberInGroupsCommand,
  paginateListUsers,
  paginateListGroupMemberships,
} from '@aws-sdk/client-identitystore';
import { awsError } from '../support/aws-error.js';
import { startTestServer, type TestServer } from '../support/server.js';


const person = (userName: string) => ({
  UserName: userName,
  DisplayName: `${userName} display`,
  Name: { GivenName: 'Given', FamilyName: 'Family' },
});

for (const backend of ['sqlite', 'postgres'] as const) {
  describe(`identitystore conformance (${backend})`, () => {
    let server: TestServer;
    let client: IdentitystoreClient;
    let IdentityStoreId: string;
    before(async () => {
      server = await startTestServer({ backend });
      client = new IdentitystoreClient(server.clientConfig);
      IdentityStoreId = (await server.server.services.ports.store.instance.get())!.identityStoreId;
    });
    after(async () => {
      client?.destroy();
      await server?.close();
    });

    test('users: create, describe, update, list, get id, delete', async () => {
      const created = await client.send(
        new CreateUserCommand({
          IdentityStoreId,
          ...person('ada'),
          Name: { GivenName: 'Ada', FamilyName: 'Lovelace', Formatted: 'Ada Lovelace' },
          Emails: [{ Value: 'ada@example.com', Type: 'work', Primary: true }],
          Addresses: [{ Locality: 'London', Country: 'GB' }],
          PhoneNumbers: [{ Value: '+44 20 0000 0000', Type: 'work' }],
          Title: 'Analyst',
          Timezone: 'Europe/London',
        }),
      );
      assert.match(created.UserId!, /^[0-9a-f-]{36}$/);
      assert.equal(created.IdentityStoreId, IdentityStoreId);
      const { UserId } = created;

      const described = await client.send(new DescribeUserCommand({ IdentityStoreId, UserId }));
      assert.equal(described.UserName, 'ada');
      assert.deepEqual(described.Name, { GivenName: 'Ada', FamilyName: 'Lovelace', Formatted: 'Ada Lovelace' });
      assert.deepEqual(described.Emails, [{ Value: 'ada@example.com', Type: 'work', Primary: true }]);
      assert.deepEqual(described.Addresses, [{ Locality: 'London', Country: 'GB' }]);
      assert.equal(described.Title, 'Analyst');
      assert.equal(described.ExternalIds, undefined);

      await client.send(
        new UpdateUserCommand({
          IdentityStoreId,
          UserId,
          Operations: [
            { AttributePath: 'displayName', AttributeValue: 'Countess of Lovelace' },
            { AttributePath: 'title', AttributeValue: null as any },
            { AttributePath: 'externalIds', AttributeValue: [{ Issuer: 'https://idp.example', Id: 'ada-001' }] },
          ],
        }),
      );
      const updated = await client.send(new DescribeUserCommand({ IdentityStoreId, UserId }));
      assert.equal(updated.DisplayName, 'Countess of Lovelace');
      assert.equal(updated.Title, undefined);
      assert.deepEqual(updated.ExternalIds, [{ Issuer: 'https://idp.example', Id: 'ada-001' }]);

      const byName = await client.send(
        new GetUserIdCommand({ IdentityStoreId, AlternateIdentifier: { UniqueAttribute: { AttributePath: 'userName', AttributeValue: 'ada' } } }),
      );
      assert.equal(byName.UserId, UserId);
      const byEmail = await client.send(
        new GetUserIdCommand({ IdentityStoreId, AlternateIdentifier: { UniqueAttribute: { AttributePath: 'emails.value', AttributeValue: 'ada@example.com' } } }),
      );
      assert.equal(byEmail.UserId, UserId);
      const byExternal = await client.send(
        new GetUserIdCommand({ IdentityStoreId, AlternateIdentifier: { ExternalId: { Issuer: 'https://idp.example', Id: 'ada-001' } } }),
      );
      assert.equal(byExternal.UserId, UserId);

      const filtered = await client.send(new ListUsersCommand({ IdentityStoreId, Filters: [{ AttributePath: 'UserName', AttributeValue: 'ada' }] }));
      assert.deepEqual(filtered.Users?.map((u) => u.UserId), [UserId]);
      assert.equal(filtered.NextToken, undefined);

      await client.send(new DeleteUserCommand({ IdentityStoreId, UserId }));
      await assert.rejects(client.send(new DescribeUserCommand({ IdentityStoreId, UserId })), awsError('ResourceNotFoundException', 400, { ResourceType: 'USER', ResourceId: UserId }));
    });

    test('groups and memberships; deleting a user takes its memberships', async () => {
      const { GroupId } = await client.send(new CreateGroupCommand({ IdentityStoreId, DisplayName: 'Engineers', Description: 'builders' }));
      const { GroupId: OtherGroupId } = await client.send(new CreateGroupCommand({ IdentityStoreId, DisplayName: 'Auditors' }));
      const group = await client.send(new DescribeGroupCommand({ IdentityStoreId, GroupId }));
      assert.equal(group.DisplayName, 'Engineers');
      assert.equal(group.Description, 'builders');
      await client.send(new UpdateGroupCommand({ IdentityStoreId, GroupId, Operations: [{ AttributePath: 'description', AttributeValue: 'The builders' }] }));
      assert.equal((await client.send(new DescribeGroupCommand({ IdentityStoreId, GroupId }))).Description, 'The builders');
      const byName = await client.send(
        new GetGroupIdCommand({ IdentityStoreId, AlternateIdentifier: { UniqueAttribute: { AttributePath: 'displayName', AttributeValue: 'Engineers' } } }),
      );
      assert.equal(byName.GroupId, GroupId);
      const groups = await client.send(new ListGroupsCommand({ IdentityStoreId, Filters: [{ AttributePath: 'DisplayName', AttributeValue: 'Auditors' }] }));
      assert.deepEqual(groups.Groups?.map((g) => g.GroupId), [OtherGroupId]);

      const { UserId } = await client.send(new CreateUserCommand({ IdentityStoreId, ...person('grace') }));
      const { MembershipId } = await client.send(new CreateGroupMembershipCommand({ IdentityStoreId, GroupId, MemberId: { UserId: UserId! } }));
      const membership = await client.send(new DescribeGroupMembershipCommand({ IdentityStoreId, MembershipId }));
      assert.deepEqual(
        { GroupId: membership.GroupId, MemberId: membership.MemberId, MembershipId: membership.MembershipId },
        { GroupId, MemberId: { UserId }, MembershipId },
      );
      const found = await client.send(new GetGroupMembershipIdCommand({ IdentityStoreId, GroupId, MemberId: { UserId: UserId! } }));
      assert.equal(found.MembershipId, MembershipId);
      const check = await client.send(new IsMemberInGroupsCommand({ IdentityStoreId, MemberId: { UserId: UserId! }, GroupIds: [GroupId!, OtherGroupId!] }));
      assert.deepEqual(
        check.Results?.map((r) => [r.GroupId, r.MemberId, r.MembershipExists]),
        [
          [GroupId, { UserId }, true],
          [OtherGroupId, { UserId }, false],
        ],
      );
      const forMember = await client.send(new ListGroupMembershipsForMemberCommand({ IdentityStoreId, MemberId: { UserId: UserId! } }));
      assert.deepEqual(forMember.GroupMemberships?.map((m) => m.MembershipId), [MembershipId]);

      await client.send(new DeleteUserCommand({ IdentityStoreId, UserId }));
      const after = await client.send(new ListGroupMembershipsCommand({ IdentityStoreId, GroupId }));
      assert.deepEqual(after.GroupMemberships, []);
      await assert.rejects(client.send(new DeleteGroupMembershipCommand({ IdentityStoreId, MembershipId })), awsError('ResourceNotFoundException', 400, { ResourceType: 'GROUP_MEMBERSHIP' }));
      await client.send(new DeleteGroupCommand({ IdentityStoreId, GroupId }));
      await assert.rejects(client.send(new DescribeGroupCommand({ IdentityStoreId, GroupId })), awsError('ResourceNotFoundException', 400, { ResourceType: 'GROUP' }));
    });

    test('paginateListUsers walks every page; memberships paginate too', async () => {
      const ids = new Set<string>();
      for (let i = 0; i < 23; i++) ids.add((await client.send(new CreateUserCommand({ IdentityStoreId, ...person(`pager-${i}`) }))).UserId!);
      const sizes: number[] = [];
      const seen: string[] = [];
      for await (const page of paginateListUsers({ client, pageSize: 10 }, { IdentityStoreId })) {
        sizes.push(page.Users!.length);
        seen.push(...page.Users!.map((u) => u.UserId!));
      }
      assert.equal(new Set(seen).size, seen.length, 'no duplicates');
      for (const id of ids) assert.ok(seen.includes(id));
      assert.ok(sizes.slice(0, -1).every((s) => s === 10));

      const { GroupId } = await client.send(new CreateGroupCommand({ IdentityStoreId, DisplayName: 'Pagers' }));
      for (const UserId of [...ids].slice(0, 7)) await client.send(new CreateGroupMembershipCommand({ IdentityStoreId, GroupId, MemberId: { UserId } }));
      const members: string[] = [];
      for await (const page of paginateListGroupMemberships({ client, pageSize: 3 }, { IdentityStoreId, GroupId })) {
        members.push(...page.GroupMemberships!.map((m) => m.MemberId!.UserId!));
      }
      assert.deepEqual(members.sort(), [...ids].slice(0, 7).sort());
    });

    test('errors: ConflictException with Reason, ResourceNotFoundException, ValidationException', async () => {
      await client.send(new CreateUserCommand({ IdentityStoreId, ...person('twin') }));
      await assert.rejects(client.send(new CreateUserCommand({ IdentityStoreId, ...person('TWIN') })), awsError('ConflictException', 400, { Reason: 'UNIQUENESS_CONSTRAINT_VIOLATION' }));
      await client.send(new CreateGroupCommand({ IdentityStoreId, DisplayName: 'Twins' }));
      await assert.rejects(client.send(new CreateGroupCommand({ IdentityStoreId, DisplayName: 'Twins' })), awsError('ConflictException', 400, { Reason: 'UNIQUENESS_CONSTRAINT_VIOLATION' }));
      const missing = randomUUID();
      await assert.rejects(client.send(new DescribeUserCommand({ IdentityStoreId, UserId: missing })), awsError('ResourceNotFoundException', 400, { ResourceType: 'USER', ResourceId: missing }));
      await assert.rejects(client.send(new ListUsersCommand({ IdentityStoreId: 'd-ffffffffff' })), awsError('ResourceNotFoundException', 400, { ResourceType: 'IDENTITY_STORE' }));
      const { UserId } = await client.send(new GetUserIdCommand({ IdentityStoreId, AlternateIdentifier: { UniqueAttribute: { AttributePath: 'userName', AttributeValue: 'twin' } } }));
      await assert.rejects(
        client.send(new UpdateUserCommand({ IdentityStoreId, UserId, Operations: [{ AttributePath: 'shoeSize', AttributeValue: '42' }] })),
        (e: any) => e.name === 'ValidationException' && /shoeSize/.test(e.message),
      );
      await assert.rejects(client.send(new ListUsersCommand({ IdentityStoreId, MaxResults: 101 })), awsError('ValidationException'));
      await assert.rejects(client.send(new CreateUserCommand({ IdentityStoreId, UserName: 'no-display-name' })), awsError('ValidationException'));
    });
  });
}
