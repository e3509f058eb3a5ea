// The identity store over Kysely: one code path for SQLite and PostgreSQL. Unique violations
// become Conflict errors with reason UNIQUENESS_CONSTRAINT_VIOLATION.

import type { Kysely } from 'kysely';
import type { Database } from '../database.js';
import type { Group } from '../../domain/identity-store/group.js';
import type { IdentityStoreRepository, MembershipOwner } from '../../domain/identity-store/identity-store-repository.js';
import type { GroupLookup, UserLookup } from '../../domain/identity-store/lookups.js';
import type { Membership } from '../../domain/identity-store/membership.js';
import type { KeyRange } from '../../domain/identity-store/pagination.js';
import type { User } from '../../domain/identity-store/user.js';
import { conflict } from '../../lib/errors.js';
import { isUniqueViolation } from '../driver-errors.js';
import { deleteExternalIds, findByExternalId, insertExternalIds } from './external-ids.js';
import { foldedKey } from './keys.js';
import * as memberships from './memberships.js';
import { groupColumns, toGroups, toUsers, userColumns } from './rows.js';

const uniqueConflict = (message: string, resource: string, field: string) =>
  conflict(message, { resource, field, reason: 'UNIQUENESS_CONSTRAINT_VIOLATION' });

export class KyselyIdentityStoreRepository implements IdentityStoreRepository {
  constructor(readonly db: Kysely<Database>) {}

  // ---- users

  async insertUser(u: User): Promise<void> {
    try {
      await this.db
        .insertInto('identity_store_user')
        .values({ user_id: u.userId, identity_store_id: u.identityStoreId, created_at: u.createdAt, ...userColumns(u) })
        .execute();
    } catch (e) {
      if (isUniqueViolation(e)) throw uniqueConflict('Duplicate UserName', 'USER', 'UserName');
      throw e;
    }
    await insertExternalIds(this.db, u.identityStoreId, 'USER', u.userId, u.externalIds);
  }

  async replaceUser(u: User, expectedVersion: number): Promise<boolean> {
    let updated: bigint;
    try {
      const r = await this.db
        .updateTable('identity_store_user')
        .set(userColumns(u))
        .where('identity_store_id', '=', u.identityStoreId)
        .where('user_id', '=', u.userId)
        .where('version', '=', expectedVersion)
        .executeTakeFirst();
      updated = r.numUpdatedRows;
    } catch (e) {
      if (isUniqueViolation(e)) throw uniqueConflict('Duplicate UserName', 'USER', 'UserName');
      throw e;
    }
    if (updated === 0n) return false;
    await deleteExternalIds(this.db, u.identityStoreId, u.userId);
    await insertExternalIds(this.db, u.identityStoreId, 'USER', u.userId, u.externalIds);
    return true;
  }

  async getUser(identityStoreId: string, userId: string): Promise<User | undefined> {
    const row = await this.db
      .selectFrom('identity_store_user')
      .selectAll()
      .where('identity_store_id', '=', identityStoreId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return row && (await toUsers(this.db, [row]))[0];
  }

  async deleteUser(identityStoreId: string, userId: string): Promise<boolean> {
    await deleteExternalIds(this.db, identityStoreId, userId);
    const r = await this.db
      .deleteFrom('identity_store_user')
      .where('identity_store_id', '=', identityStoreId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return r.numDeletedRows > 0n;
  }

  async findUserIds(identityStoreId: string, lookup: UserLookup, limit = 100): Promise<string[]> {
    if (lookup.kind === 'externalId') {
      return (await findByExternalId(this.db, identityStoreId, 'USER', lookup.issuer, lookup.id)).slice(0, limit);
    }
    const column = lookup.kind === 'userName' ? 'user_name_key' : 'email_key';
    const rows = await this.db
      .selectFrom('identity_store_user')
      .select('user_id')
      .where('identity_store_id', '=', identityStoreId)
      .where(column, '=', foldedKey(lookup.value))
      .orderBy('user_id')
      .limit(limit)
      .execute();
    return rows.map((r) => r.user_id);
  }

  async listUsers(identityStoreId: string, range: KeyRange, userName?: string): Promise<User[]> {
    let q = this.db.selectFrom('identity_store_user').selectAll().where('identity_store_id', '=', identityStoreId);
    if (userName !== undefined) q = q.where('user_name_key', '=', foldedKey(userName));
    if (range.after !== undefined) q = q.where('user_id', '>', range.after);
    return toUsers(this.db, await q.orderBy('user_id').limit(range.limit).execute());
  }



  // ---- groups

  async insertGroup(g: Group): Promise<void> {
    try {
      await this.db
        .insertInto('identity_store_group')
        .values({ group_id: g.groupId, identity_store_id: g.identityStoreId, created_at: g.createdAt, ...groupColumns(g) })
        .execute();
    } catch (e) {
      if (isUniqueViolation(e)) throw uniqueConflict('Duplicate GroupDisplayName', 'GROUP', 'DisplayName');
      throw e;
    }
    await insertExternalIds(this.db, g.identityStoreId, 'GROUP', g.groupId, g.externalIds);
  }

  async replaceGroup(g: Group, expectedVersion: number): Promise<boolean> {
    let updated: bigint;
    try {
      const r = await this.db
        .updateTable('identity_store_group')
        .set(groupColumns(g))
        .where('identity_store_id', '=', g.identityStoreId)
        .where('group_id', '=', g.groupId)
        .where('version', '=', expectedVersion)
        .executeTakeFirst();
      updated = r.numUpdatedRows;
    } catch (e) {
      if (isUniqueViolation(e)) throw uniqueConflict('Duplicate GroupDisplayName', 'GROUP', 'DisplayName');
      throw e;
    }
    if (updated === 0n) return false;
    await deleteExternalIds(this.db, g.identityStoreId, g.groupId);
    await insertExternalIds(this.db, g.identityStoreId, 'GROUP', g.groupId, g.externalIds);
    return true;
  }

  async getGroup(identityStoreId: string, groupId: string): Promise<Group | undefined> {
    const row = await this.db
      .selectFrom('identity_store_group')
      .selectAll()
      .where('identity_store_id', '=', identityStoreId)
      .where('group_id', '=', groupId)
      .executeTakeFirst();
    return row && (await toGroups(this.db, [row]))[0];
  }

  async deleteGroup(identityStoreId: string, groupId: string): Promise<boolean> {
    await deleteExternalIds(this.db, identityStoreId, groupId);
    const r = await this.db
      .deleteFrom('identity_store_group')
      .where('identity_store_id', '=', identityStoreId)
      .where('group_id', '=', groupId)
      .executeTakeFirst();
    return r.numDeletedRows > 0n;
  }

  async findGroupIds(identityStoreId: string, lookup: GroupLookup, limit = 100): Promise<string[]> {
    if (lookup.kind === 'externalId') {
      return (await findByExternalId(this.db, identityStoreId, 'GROUP', lookup.issuer, lookup.id)).slice(0, limit);
    }
    const rows = await this.db
      .selectFrom('identity_store_group')
      .select('group_id')
      .where('identity_store_id', '=', identityStoreId)
      .where('display_name_key', '=', foldedKey(lookup.value))
      .orderBy('group_id')
      .limit(limit)
      .execute();
    return rows.map((r) => r.group_id);
  }

  async listGroups(identityStoreId: string, range: KeyRange, displayName?: string): Promise<Group[]> {
    let q = this.db.selectFrom('identity_store_group').selectAll().where('identity_store_id', '=', identityStoreId);
    if (displayName !== undefined) q = q.where('display_name_key', '=', foldedKey(displayName));
    if (range.after !== undefined) q = q.where('group_id', '>', range.after);
    return toGroups(this.db, await q.orderBy('group_id').limit(range.limit).execute());
  }



  // ---- memberships

  insertMembership = (m: Membership) => memberships.insertMembership(this.db, m);
  getMembership = (identityStoreId: string, membershipId: string) => memberships.getMembership(this.db, identityStoreId, membershipId);
  findMembership = (identityStoreId: string, groupId: string, userId: string) =>
    memberships.findMembership(this.db, identityStoreId, groupId, userId);
  deleteMembership = (identityStoreId: string, membershipId: string) =>
    memberships.deleteMembership(this.db, identityStoreId, membershipId);
  deleteMemberships = (identityStoreId: string, owner: MembershipOwner) => memberships.deleteMemberships(this.db, identityStoreId, owner);
  listMemberships = (identityStoreId: string, owner: MembershipOwner, range: KeyRange) =>
    memberships.listMemberships(this.db, identityStoreId, owner, range);
  memberGroupIds = (identityStoreId: string, userId: string, groupIds: readonly string[]) =>
    memberships.memberGroupIds(this.db, identityStoreId, userId, groupIds);
}
