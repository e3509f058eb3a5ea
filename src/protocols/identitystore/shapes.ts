// Domain records as the model's output structures (`User`, `Group`, `GroupMembership`).

import type { ExternalId } from '../../domain/identity-store/external-id.js';
import type { Group } from '../../domain/identity-store/group.js';
import type { Membership } from '../../domain/identity-store/membership.js';
import { USER_PROFILE_MEMBERS, type User } from '../../domain/identity-store/user.js';

/** The model's ExternalIds list has at least one item: an empty one is left out. */
const externalIds = (ids: readonly ExternalId[]) =>
  ids.length > 0 ? { ExternalIds: ids.map((e) => ({ Issuer: e.Issuer, Id: e.Id })) } : {};

export const userShape = (u: User): Record<string, unknown> => {
  const out: Record<string, unknown> = { UserId: u.userId, IdentityStoreId: u.identityStoreId, ...externalIds(u.externalIds) };
  for (const m of USER_PROFILE_MEMBERS) if (u.profile[m] !== undefined) out[m] = u.profile[m];
  return out;
};

export const groupShape = (g: Group): Record<string, unknown> => ({
  GroupId: g.groupId,
  IdentityStoreId: g.identityStoreId,
  ...(g.profile.DisplayName !== undefined ? { DisplayName: g.profile.DisplayName } : {}),
  ...(g.profile.Description !== undefined ? { Description: g.profile.Description } : {}),
  ...externalIds(g.externalIds),
});

export const membershipShape = (m: Membership): Record<string, unknown> => ({
  IdentityStoreId: m.identityStoreId,
  MembershipId: m.membershipId,
  GroupId: m.groupId,
  MemberId: { UserId: m.userId },
});

/** A list page: the items under `key`, and NextToken only when more follow. */
export const pageShape = <T>(key: string, page: { items: readonly T[]; nextToken?: string }, shape: (t: T) => unknown) => ({
  [key]: page.items.map(shape),
  ...(page.nextToken !== undefined ? { NextToken: page.nextToken } : {}),
});
