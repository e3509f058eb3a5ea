// The membership operations: CreateGroupMembership, DescribeGroupMembership,
// DeleteGroupMembership, GetGroupMembershipId, ListGroupMemberships,
// ListGroupMembershipsForMember, IsMemberInGroups.

import type { Ports } from '../ports.js';
import { identityStoreConflict, invalid, resourceNotFound } from './errors.js';
import type { IdentityStoreGuard } from './identity-store-guard.js';
import { memberUserId, type MemberId, type Membership } from './membership.js';
import { pageRange, toPage, type Page, type PageRequest } from './pagination.js';

export interface MembershipExistence {
  readonly groupId: string;
  readonly userId: string;
  readonly exists: boolean;
}

export class MembershipOperations {
  constructor(
    private readonly ports: Ports,
    private readonly guard: IdentityStoreGuard,
  ) {}

  async create(identityStoreId: string, groupId: string, memberId: MemberId): Promise<Membership> {
    await this.guard.check(identityStoreId);
    const userId = memberUserId(memberId);
    return this.ports.store.transaction(async (tx) => {
      const repo = tx.identityStore;
      if (!(await repo.getUser(identityStoreId, userId))) throw resourceNotFound('USER', userId);
      if (!(await repo.getGroup(identityStoreId, groupId))) throw resourceNotFound('GROUP', groupId);
      if (await repo.findMembership(identityStoreId, groupId, userId)) {
        throw identityStoreConflict('Member is already in the group.', 'UNIQUENESS_CONSTRAINT_VIOLATION', {
          resource: 'GROUP_MEMBERSHIP',
          field: 'MemberId',
        });
      }
      const membership: Membership = {
        identityStoreId,
        membershipId: this.ports.random.uuid(),
        groupId,
        userId,
        createdAt: this.ports.clock.now(),
      };
      await repo.insertMembership(membership);
      return membership;
    });
  }

  async describe(identityStoreId: string, membershipId: string): Promise<Membership> {
    await this.guard.check(identityStoreId);
    const m = await this.ports.store.identityStore.getMembership(identityStoreId, membershipId);
    if (!m) throw resourceNotFound('GROUP_MEMBERSHIP', membershipId);
    return m;
  }

  async delete(identityStoreId: string, membershipId: string): Promise<void> {
    await this.guard.check(identityStoreId);
    if (!(await this.ports.store.identityStore.deleteMembership(identityStoreId, membershipId))) {
      throw resourceNotFound('GROUP_MEMBERSHIP', membershipId);
    }
  }

  async getId(identityStoreId: string, groupId: string, memberId: MemberId): Promise<string> {
    await this.guard.check(identityStoreId);
    const userId = memberUserId(memberId);
    const m = await this.ports.store.identityStore.findMembership(identityStoreId, groupId, userId);
    if (!m) throw resourceNotFound('GROUP_MEMBERSHIP');
    return m.membershipId;
  }

  async listForGroup(identityStoreId: string, groupId: string, req: PageRequest): Promise<Page<Membership>> {
    await this.guard.check(identityStoreId);
    const repo = this.ports.store.identityStore;
    const scope = `memberships?groupId=${groupId}`;
    const { range, size } = pageRange(req, scope);
    if (!(await repo.getGroup(identityStoreId, groupId))) throw resourceNotFound('GROUP', groupId);
    const rows = await repo.listMemberships(identityStoreId, { groupId }, range);
    return toPage(rows, size, scope, (m) => m.membershipId);
  }

  async listForMember(identityStoreId: string, memberId: MemberId, req: PageRequest): Promise<Page<Membership>> {
    await this.guard.check(identityStoreId);
    const userId = memberUserId(memberId);
    const repo = this.ports.store.identityStore;
    const scope = `memberships?userId=${userId}`;
    const { range, size } = pageRange(req, scope);
    if (!(await repo.getUser(identityStoreId, userId))) throw resourceNotFound('USER', userId);
    const rows = await repo.listMemberships(identityStoreId, { userId }, range);
    return toPage(rows, size, scope, (m) => m.membershipId);
  }

  /** One result per requested group, in the order asked. */
  async isMemberInGroups(identityStoreId: string, memberId: MemberId, groupIds: readonly string[]): Promise<MembershipExistence[]> {
    await this.guard.check(identityStoreId);
    const userId = memberUserId(memberId);
    if (!Array.isArray(groupIds) || groupIds.length < 1 || groupIds.length > 100) {
      throw invalid('GroupIds', 'GroupIds must have between 1 and 100 items.');
    }
    const member = new Set(await this.ports.store.identityStore.memberGroupIds(identityStoreId, userId, groupIds));
    return groupIds.map((groupId) => ({ groupId, userId, exists: member.has(groupId) }));
  }
}
