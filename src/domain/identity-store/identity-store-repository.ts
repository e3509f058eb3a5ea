// The identity store's persistence port: users, groups, their external ids, and memberships.
// Implementations keep user names, group display names and external ids (Issuer, Id) unique per
// identity store, and throw a Conflict (reason UNIQUENESS_CONSTRAINT_VIOLATION, field naming
// the attribute) when a write would break that. User names, group display names and email
// addresses compare without regard to case. Lists are ordered by id.
// Writes that touch several rows are called inside `Store.transaction`.

import type { Group } from './group.js';
import type { GroupLookup, UserLookup } from './lookups.js';
import type { Membership } from './membership.js';
import type { KeyRange } from './pagination.js';
import type { User } from './user.js';

/** Whose memberships: a group's or a user's. */
export type MembershipOwner = { readonly groupId: string } | { readonly userId: string };

export interface IdentityStoreRepository {
  /** Inserts the user and its external ids. */
  insertUser(user: User): Promise<void>;
  /** Replaces profile, external ids, updatedAt and version when the stored version is `expectedVersion`; false otherwise. */
  replaceUser(user: User, expectedVersion: number): Promise<boolean>;
  getUser(identityStoreId: string, userId: string): Promise<User | undefined>;
  /** Deletes the user and its external ids; false when there was none. */
  deleteUser(identityStoreId: string, userId: string): Promise<boolean>;
  /** The ids of the users the lookup finds, in id order (at most `limit`). */
  findUserIds(identityStoreId: string, lookup: UserLookup, limit?: number): Promise<string[]>;
  /** Users in id order; with `userName`, only the user of that name. */
  listUsers(identityStoreId: string, range: KeyRange, userName?: string): Promise<User[]>;

  insertGroup(group: Group): Promise<void>;
  replaceGroup(group: Group, expectedVersion: number): Promise<boolean>;
  getGroup(identityStoreId: string, groupId: string): Promise<Group | undefined>;
  deleteGroup(identityStoreId: string, groupId: string): Promise<boolean>;
  findGroupIds(identityStoreId: string, lookup: GroupLookup, limit?: number): Promise<string[]>;
  listGroups(identityStoreId: string, range: KeyRange, displayName?: string): Promise<Group[]>;

  /** Throws a Conflict when the user is in the group already. */
  insertMembership(membership: Membership): Promise<void>;
  getMembership(identityStoreId: string, membershipId: string): Promise<Membership | undefined>;
  findMembership(identityStoreId: string, groupId: string, userId: string): Promise<Membership | undefined>;
  deleteMembership(identityStoreId: string, membershipId: string): Promise<boolean>;
  /** Deletes every membership of a group or of a user; returns how many. */
  deleteMemberships(identityStoreId: string, owner: MembershipOwner): Promise<number>;
  listMemberships(identityStoreId: string, owner: MembershipOwner, range: KeyRange): Promise<Membership[]>;
  /** Which of `groupIds` the user is a member of. */
  memberGroupIds(identityStoreId: string, userId: string, groupIds: readonly string[]): Promise<string[]>;
}
