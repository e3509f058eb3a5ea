// The identitystore (AWSIdentityStore) operations: the wire adapter has validated the input
// against the model; each handler calls the IdentityStoreService and returns the model's output.

import type { ServiceHandlers } from '../operation.js';
import { pickGroupProfile } from '../../domain/identity-store/group.js';
import { pickUserProfile } from '../../domain/identity-store/user.js';
import { groupShape, membershipShape, pageShape, userShape } from './shapes.js';

const page = (input: any) => ({
  ...(input.MaxResults !== undefined ? { maxResults: input.MaxResults } : {}),
  ...(input.NextToken !== undefined ? { nextToken: input.NextToken } : {}),
});

const list = (input: any) => ({ ...page(input), ...(input.Filters !== undefined ? { filters: input.Filters } : {}) });

export const IDENTITYSTORE_HANDLERS: ServiceHandlers = {
  async CreateUser(input, { services }) {
    const user = await services.identityStore.createUser(input.IdentityStoreId, pickUserProfile(input));
    return { UserId: user.userId, IdentityStoreId: user.identityStoreId };
  },
  async DescribeUser(input, { services }) {
    return userShape(await services.identityStore.describeUser(input.IdentityStoreId, input.UserId));
  },
  async UpdateUser(input, { services }) {
    await services.identityStore.updateUser(input.IdentityStoreId, input.UserId, input.Operations);
    return {};
  },
  async DeleteUser(input, { services }) {
    await services.identityStore.deleteUser(input.IdentityStoreId, input.UserId);
    return {};
  },
  async ListUsers(input, { services }) {
    return pageShape('Users', await services.identityStore.listUsers(input.IdentityStoreId, list(input)), userShape);
  },
  async GetUserId(input, { services }) {
    const UserId = await services.identityStore.getUserId(input.IdentityStoreId, input.AlternateIdentifier);
    return { UserId, IdentityStoreId: input.IdentityStoreId };
  },

  async CreateGroup(input, { services }) {
    const group = await services.identityStore.createGroup(input.IdentityStoreId, pickGroupProfile(input));
    return { GroupId: group.groupId, IdentityStoreId: group.identityStoreId };
  },
  async DescribeGroup(input, { services }) {
    return groupShape(await services.identityStore.describeGroup(input.IdentityStoreId, input.GroupId));
  },
  async UpdateGroup(input, { services }) {
    await services.identityStore.updateGroup(input.IdentityStoreId, input.GroupId, input.Operations);
    return {};
  },
  async DeleteGroup(input, { services }) {
    await services.identityStore.deleteGroup(input.IdentityStoreId, input.GroupId);
    return {};
  },
  async ListGroups(input, { services }) {
    return pageShape('Groups', await services.identityStore.listGroups(input.IdentityStoreId, list(input)), groupShape);
  },
  async GetGroupId(input, { services }) {
    const GroupId = await services.identityStore.getGroupId(input.IdentityStoreId, input.AlternateIdentifier);
    return { GroupId, IdentityStoreId: input.IdentityStoreId };
  },

  async CreateGroupMembership(input, { services }) {
    const m = await services.identityStore.createGroupMembership(input.IdentityStoreId, input.GroupId, input.MemberId);
    return { MembershipId: m.membershipId, IdentityStoreId: m.identityStoreId };
  },
  async DescribeGroupMembership(input, { services }) {
    return membershipShape(await services.identityStore.describeGroupMembership(input.IdentityStoreId, input.MembershipId));
  },
  async DeleteGroupMembership(input, { services }) {
    await services.identityStore.deleteGroupMembership(input.IdentityStoreId, input.MembershipId);
    return {};
  },
  async GetGroupMembershipId(input, { services }) {
    const MembershipId = await services.identityStore.getGroupMembershipId(input.IdentityStoreId, input.GroupId, input.MemberId);
    return { MembershipId, IdentityStoreId: input.IdentityStoreId };
  },
  async ListGroupMemberships(input, { services }) {
    const p = await services.identityStore.listGroupMemberships(input.IdentityStoreId, input.GroupId, page(input));
    return pageShape('GroupMemberships', p, membershipShape);
  },
  async ListGroupMembershipsForMember(input, { services }) {
    const p = await services.identityStore.listGroupMembershipsForMember(input.IdentityStoreId, input.MemberId, page(input));
    return pageShape('GroupMemberships', p, membershipShape);
  },
  async IsMemberInGroups(input, { services }) {
    const results = await services.identityStore.isMemberInGroups(input.IdentityStoreId, input.MemberId, input.GroupIds);
    return {
      Results: results.map((r) => ({ GroupId: r.groupId, MemberId: { UserId: r.userId }, MembershipExists: r.exists })),
    };
  },
};
