// The user operations: CreateUser, DescribeUser, UpdateUser, DeleteUser, ListUsers, GetUserId.

import type { Ports } from '../ports.js';
import { userLookup, type AlternateIdentifier } from './alternate-identifier.js';
import { concurrentModification, resourceNotFound } from './errors.js';
import type { ExternalId } from './external-id.js';
import type { IdentityStoreGuard } from './identity-store-guard.js';
import { filterValue, type Filter } from './list-filters.js';
import { pageRange, toPage, type Page, type PageRequest } from './pagination.js';
import { checkExternalIds, checkUserProfile } from './profile-check.js';
import { applyOperations, type AttributeOperation } from './update-operations.js';
import { USER_ATTRIBUTES } from './user-attributes.js';
import { checkUserRequired, pickUserProfile, type User, type UserProfile } from './user.js';

export class UserOperations {
  constructor(
    private readonly ports: Ports,
    private readonly guard: IdentityStoreGuard,
  ) {}

  async create(identityStoreId: string, input: UserProfile, externalIds?: readonly ExternalId[]): Promise<User> {
    await this.guard.check(identityStoreId);
    const profile = checkUserProfile(pickUserProfile(input as Record<string, unknown>));
    checkUserRequired(profile);
    const now = this.ports.clock.now();
    const user: User = {
      identityStoreId,
      userId: this.ports.random.uuid(),
      profile,
      externalIds: checkExternalIds(externalIds),
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
    await this.ports.store.transaction((tx) => tx.identityStore.insertUser(user));
    return user;
  }

  async describe(identityStoreId: string, userId: string): Promise<User> {
    await this.guard.check(identityStoreId);
    const user = await this.ports.store.identityStore.getUser(identityStoreId, userId);
    if (!user) throw resourceNotFound('USER', userId);
    return user;
  }

  async update(identityStoreId: string, userId: string, operations: readonly AttributeOperation[]): Promise<void> {
    await this.guard.check(identityStoreId);
    await this.ports.store.transaction(async (tx) => {
      const user = await tx.identityStore.getUser(identityStoreId, userId);
      if (!user) throw resourceNotFound('USER', userId);
      const next = applyOperations<UserProfile>(USER_ATTRIBUTES, user, operations);
      checkUserRequired(next.profile);
      const updated: User = { ...user, ...next, updatedAt: this.ports.clock.now(), version: user.version + 1 };
      if (!(await tx.identityStore.replaceUser(updated, user.version))) throw concurrentModification('USER');
    });
  }

  /** Deletes the user and, in the same transaction, its group memberships and application assignments. */
  async delete(identityStoreId: string, userId: string): Promise<void> {
    await this.guard.check(identityStoreId);
    await this.ports.store.transaction(async (tx) => {
      await tx.identityStore.deleteMemberships(identityStoreId, { userId });
      await tx.applications.deleteAssignmentsOfPrincipal('USER', userId);
      if (!(await tx.identityStore.deleteUser(identityStoreId, userId))) throw resourceNotFound('USER', userId);
    });
  }

  async list(identityStoreId: string, req: PageRequest & { readonly filters?: readonly Filter[] }): Promise<Page<User>> {
    await this.guard.check(identityStoreId);
    const userName = filterValue(req.filters, 'UserName');
    const scope = userName === undefined ? 'users' : `users?userName=${userName.toLowerCase()}`;
    const { range, size } = pageRange(req, scope);
    const rows = await this.ports.store.identityStore.listUsers(identityStoreId, range, userName);
    return toPage(rows, size, scope, (u) => u.userId);
  }

  async getId(identityStoreId: string, alternateIdentifier: AlternateIdentifier): Promise<string> {
    await this.guard.check(identityStoreId);
    const lookup = userLookup(alternateIdentifier);
    const [userId] = await this.ports.store.identityStore.findUserIds(identityStoreId, lookup, 1);
    if (userId === undefined) throw resourceNotFound('USER');
    return userId;
  }
}
