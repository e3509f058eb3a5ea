// The group operations: CreateGroup, DescribeGroup, UpdateGroup, DeleteGroup, ListGroups, GetGroupId.

import type { Ports } from '../ports.js';
import { groupLookup, type AlternateIdentifier } from './alternate-identifier.js';
import { concurrentModification, resourceNotFound } from './errors.js';
import type { ExternalId } from './external-id.js';
import { GROUP_ATTRIBUTES } from './group-attributes.js';
import { checkGroupRequired, pickGroupProfile, type Group, type GroupProfile } from './group.js';
import type { IdentityStoreGuard } from './identity-store-guard.js';
import { filterValue, type Filter } from './list-filters.js';
import { pageRange, toPage, type Page, type PageRequest } from './pagination.js';
import { checkExternalIds, checkGroupProfile } from './profile-check.js';
import { applyOperations, type AttributeOperation } from './update-operations.js';

export class GroupOperations {
  constructor(
    private readonly ports: Ports,
    private readonly guard: IdentityStoreGuard,
  ) {}

  async create(identityStoreId: string, input: GroupProfile, externalIds?: readonly ExternalId[]): Promise<Group> {
    await this.guard.check(identityStoreId);
    const profile = checkGroupProfile(pickGroupProfile(input as Record<string, unknown>));
    checkGroupRequired(profile);
    const now = this.ports.clock.now();
    const group: Group = {
      identityStoreId,
      groupId: this.ports.random.uuid(),
      profile,
      externalIds: checkExternalIds(externalIds),
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
    await this.ports.store.transaction((tx) => tx.identityStore.insertGroup(group));
    return group;
  }

  async describe(identityStoreId: string, groupId: string): Promise<Group> {
    await this.guard.check(identityStoreId);
    const group = await this.ports.store.identityStore.getGroup(identityStoreId, groupId);
    if (!group) throw resourceNotFound('GROUP', groupId);
    return group;
  }

  async update(identityStoreId: string, groupId: string, operations: readonly AttributeOperation[]): Promise<void> {
    await this.guard.check(identityStoreId);
    await this.ports.store.transaction(async (tx) => {
      const group = await tx.identityStore.getGroup(identityStoreId, groupId);
      if (!group) throw resourceNotFound('GROUP', groupId);
      const next = applyOperations<GroupProfile>(GROUP_ATTRIBUTES, group, operations);
      checkGroupRequired(next.profile);
      const updated: Group = { ...group, ...next, updatedAt: this.ports.clock.now(), version: group.version + 1 };
      if (!(await tx.identityStore.replaceGroup(updated, group.version))) throw concurrentModification('GROUP');
    });
  }

  /** Deletes the group and, in the same transaction, its memberships and application assignments. */
  async delete(identityStoreId: string, groupId: string): Promise<void> {
    await this.guard.check(identityStoreId);
    await this.ports.store.transaction(async (tx) => {
      await tx.identityStore.deleteMemberships(identityStoreId, { groupId });
      await tx.applications.deleteAssignmentsOfPrincipal('GROUP', groupId);
      if (!(await tx.identityStore.deleteGroup(identityStoreId, groupId))) throw resourceNotFound('GROUP', groupId);
    });
  }

  async list(identityStoreId: string, req: PageRequest & { readonly filters?: readonly Filter[] }): Promise<Page<Group>> {
    await this.guard.check(identityStoreId);
    const displayName = filterValue(req.filters, 'DisplayName');
    const scope = displayName === undefined ? 'groups' : `groups?displayName=${displayName.toLowerCase()}`;
    const { range, size } = pageRange(req, scope);
    const rows = await this.ports.store.identityStore.listGroups(identityStoreId, range, displayName);
    return toPage(rows, size, scope, (g) => g.groupId);
  }

  async getId(identityStoreId: string, alternateIdentifier: AlternateIdentifier): Promise<string> {
    await this.guard.check(identityStoreId);
    const lookup = groupLookup(alternateIdentifier);
    const [groupId] = await this.ports.store.identityStore.findGroupIds(identityStoreId, lookup, 1);
    if (groupId === undefined) throw resourceNotFound('GROUP');
    return groupId;
  }
}
