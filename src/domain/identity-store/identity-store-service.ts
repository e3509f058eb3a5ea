// The Identity Store: users, groups and group memberships of this installation's identity
// store, one method per API operation. Rules beyond the model's shapes live in the operation
// classes (users.ts, groups.ts, memberships.ts); storage behind IdentityStoreRepository.

import type { Ports } from '../ports.js';
import type { AlternateIdentifier } from './alternate-identifier.js';
import type { ExternalId } from './external-id.js';
import type { Group, GroupProfile } from './group.js';
import { GroupOperations } from './groups.js';
import { IdentityStoreGuard } from './identity-store-guard.js';
import type { Filter } from './list-filters.js';
import type { MemberId, Membership } from './membership.js';
import { MembershipOperations, type MembershipExistence } from './memberships.js';
import type { Page, PageRequest } from './pagination.js';
import type { AttributeOperation } from './update-operations.js';
import type { User, UserProfile } from './user.js';
import { UserOperations } from './users.js';

export type ListRequest = PageRequest & { readonly filters?: readonly Filter[] };

export class IdentityStoreService {
  private readonly users: UserOperations;
  private readonly groups: GroupOperations;
  private readonly memberships: MembershipOperations;

  constructor(readonly ports: Ports) {
    const guard = new IdentityStoreGuard(ports);
    this.users = new UserOperations(ports, guard);
    this.groups = new GroupOperations(ports, guard);
    this.memberships = new MembershipOperations(ports, guard);
  }

  // Users
  createUser = (storeId: string, profile: UserProfile, externalIds?: readonly ExternalId[]): Promise<User> =>
    this.users.create(storeId, profile, externalIds);
  describeUser = (storeId: string, userId: string): Promise<User> => this.users.describe(storeId, userId);
  updateUser = (storeId: string, userId: string, operations: readonly AttributeOperation[]): Promise<void> =>
    this.users.update(storeId, userId, operations);
  deleteUser = (storeId: string, userId: string): Promise<void> => this.users.delete(storeId, userId);
  listUsers = (storeId: string, req: ListRequest = {}): Promise<Page<User>> => this.users.list(storeId, req);
  getUserId = (storeId: string, alt: AlternateIdentifier): Promise<string> => this.users.getId(storeId, alt);

  // Groups
  createGroup = (storeId: string, profile: GroupProfile, externalIds?: readonly ExternalId[]): Promise<Group> =>
    this.groups.create(storeId, profile, externalIds);
  describeGroup = (storeId: string, groupId: string): Promise<Group> => this.groups.describe(storeId, groupId);
  updateGroup = (storeId: string, groupId: string, operations: readonly AttributeOperation[]): Promise<void> =>
    this.groups.update(storeId, groupId, operations);
  deleteGroup = (storeId: string, groupId: string): Promise<void> => this.groups.delete(storeId, groupId);
  listGroups = (storeId: string, req: ListRequest = {}): Promise<Page<Group>> => this.groups.list(storeId, req);
  getGroupId = (storeId: string, alt: AlternateIdentifier): Promise<string> => this.groups.getId(storeId, alt);

  // Memberships
  createGroupMembership = (storeId: string, groupId: string, memberId: MemberId): Promise<Membership> =>
    this.memberships.create(storeId, groupId, memberId);
  describeGroupMembership = (storeId: string, membershipId: string): Promise<Membership> =>
    this.memberships.describe(storeId, membershipId);
  deleteGroupMembership = (storeId: string, membershipId: string): Promise<void> =>
    this.memberships.delete(storeId, membershipId);
  getGroupMembershipId = (storeId: string, groupId: string, memberId: MemberId): Promise<string> =>
    this.memberships.getId(storeId, groupId, memberId);
  listGroupMemberships = (storeId: string, groupId: string, req: PageRequest = {}): Promise<Page<Membership>> =>
    this.memberships.listForGroup(storeId, groupId, req);
  listGroupMembershipsForMember = (storeId: string, memberId: MemberId, req: PageRequest = {}): Promise<Page<Membership>> =>
    this.memberships.listForMember(storeId, memberId, req);
  isMemberInGroups = (storeId: string, memberId: MemberId, groupIds: readonly string[]): Promise<MembershipExistence[]> =>
    this.memberships.isMemberInGroups(storeId, memberId, groupIds);
}
