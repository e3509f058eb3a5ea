// Group memberships: one row per (group, user), unique; foreign keys to both.

import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../database.js';
import type { MembershipOwner } from '../../domain/identity-store/identity-store-repository.js';
import type { Membership } from '../../domain/identity-store/membership.js';
import type { KeyRange } from '../../domain/identity-store/pagination.js';
import { conflict } from '../../lib/errors.js';
import { isUniqueViolation } from '../driver-errors.js';
import type { IdentityStoreMembershipTable } from './tables.js';

const isForeignKeyViolation = (e: unknown): boolean => {
  const code = (e as { code?: string } | undefined)?.code;
  return code === '23503' || code === 'SQLITE_CONSTRAINT_FOREIGNKEY';
};

const toMembership = (r: Selectable<IdentityStoreMembershipTable>): Membership => ({
  identityStoreId: r.identity_store_id,
  membershipId: r.membership_id,
  groupId: r.group_id,
  userId: r.user_id,
  createdAt: r.created_at,
});

export const insertMembership = async (db: Kysely<Database>, m: Membership): Promise<void> => {
  try {
    await db
      .insertInto('identity_store_membership')
      .values({
        membership_id: m.membershipId,
        identity_store_id: m.identityStoreId,
        group_id: m.groupId,
        user_id: m.userId,
        created_at: m.createdAt,
      })
      .execute();
  } catch (e) {
    if (isUniqueViolation(e)) {
      throw conflict('Member is already in the group.', {
        resource: 'GROUP_MEMBERSHIP',
        field: 'MemberId',
        reason: 'UNIQUENESS_CONSTRAINT_VIOLATION',
      });
    }
    if (isForeignKeyViolation(e)) {
      throw conflict('The user or the group was deleted concurrently.', { reason: 'CONCURRENT_MODIFICATION' });
    }
    throw e;
  }
};

export const getMembership = async (db: Kysely<Database>, identityStoreId: string, membershipId: string) => {
  const row = await db
    .selectFrom('identity_store_membership')
    .selectAll()
    .where('identity_store_id', '=', identityStoreId)
    .where('membership_id', '=', membershipId)
    .executeTakeFirst();
  return row && toMembership(row);
};

export const findMembership = async (db: Kysely<Database>, identityStoreId: string, groupId: string, userId: string) => {
  const row = await db
    .selectFrom('identity_store_membership')
    .selectAll()
    .where('identity_store_id', '=', identityStoreId)
    .where('group_id', '=', groupId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row && toMembership(row);
};

export const deleteMembership = async (db: Kysely<Database>, identityStoreId: string, membershipId: string) => {
  const r = await db
    .deleteFrom('identity_store_membership')
    .where('identity_store_id', '=', identityStoreId)
    .where('membership_id', '=', membershipId)
    .executeTakeFirst();
  return r.numDeletedRows > 0n;
};

export const deleteMemberships = async (db: Kysely<Database>, identityStoreId: string, owner: MembershipOwner) => {
  let q = db.deleteFrom('identity_store_membership').where('identity_store_id', '=', identityStoreId);
  q = 'groupId' in owner ? q.where('group_id', '=', owner.groupId) : q.where('user_id', '=', owner.userId);
  return Number((await q.executeTakeFirst()).numDeletedRows);
};

export const listMemberships = async (db: Kysely<Database>, identityStoreId: string, owner: MembershipOwner, range: KeyRange) => {
  let q = db.selectFrom('identity_store_membership').selectAll().where('identity_store_id', '=', identityStoreId);
  q = 'groupId' in owner ? q.where('group_id', '=', owner.groupId) : q.where('user_id', '=', owner.userId);
  if (range.after !== undefined) q = q.where('membership_id', '>', range.after);
  return (await q.orderBy('membership_id').limit(range.limit).execute()).map(toMembership);
};

export const memberGroupIds = async (db: Kysely<Database>, identityStoreId: string, userId: string, groupIds: readonly string[]) => {
  if (groupIds.length === 0) return [];
  const rows = await db
    .selectFrom('identity_store_membership')
    .select('group_id')
    .where('identity_store_id', '=', identityStoreId)
    .where('user_id', '=', userId)
    .where('group_id', 'in', [...groupIds])
    .execute();
  return rows.map((r) => r.group_id);
};
