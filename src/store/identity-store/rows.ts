// Rows ⇄ domain records for users and groups: the profile as JSON, the searchable columns
// derived from it, external ids from their own table.

import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../database.js';
import type { Group } from '../../domain/identity-store/group.js';
import type { User } from '../../domain/identity-store/user.js';
import { loadExternalIds } from './external-ids.js';
import { foldedKey } from './keys.js';
import type { IdentityStoreGroupTable, IdentityStoreUserTable } from './tables.js';

/** The primary email, else the first (the domain's `primaryEmail`, mirrored for the index). */
const emailOf = (u: User): string | undefined => (u.profile.Emails?.find((e) => e.Primary === true) ?? u.profile.Emails?.[0])?.Value;

/** The columns an insert or a replace writes (not the ids nor created_at). */
export const userColumns = (u: User) => {
  const email = emailOf(u);
  return {
    user_name: u.profile.UserName ?? '',
    user_name_key: foldedKey(u.profile.UserName ?? ''),
    email_key: email === undefined ? null : foldedKey(email),
    attributes: JSON.stringify(u.profile),
    updated_at: u.updatedAt,
    version: u.version,
  };
};

export const groupColumns = (g: Group) => ({
  display_name: g.profile.DisplayName ?? '',
  display_name_key: foldedKey(g.profile.DisplayName ?? ''),
  attributes: JSON.stringify(g.profile),
  updated_at: g.updatedAt,
  version: g.version,
});

export const toUsers = async (db: Kysely<Database>, rows: readonly Selectable<IdentityStoreUserTable>[]): Promise<User[]> => {
  if (rows.length === 0) return [];
  const ext = await loadExternalIds(db, rows[0]!.identity_store_id, rows.map((r) => r.user_id));
  return rows.map((r) => ({
    identityStoreId: r.identity_store_id,
    userId: r.user_id,
    profile: JSON.parse(r.attributes),
    externalIds: ext.get(r.user_id) ?? [],
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: r.version,
  }));
};

export const toGroups = async (db: Kysely<Database>, rows: readonly Selectable<IdentityStoreGroupTable>[]): Promise<Group[]> => {
  if (rows.length === 0) return [];
  const ext = await loadExternalIds(db, rows[0]!.identity_store_id, rows.map((r) => r.group_id));
  return rows.map((r) => ({
    identityStoreId: r.identity_store_id,
    groupId: r.group_id,
    profile: JSON.parse(r.attributes),
    externalIds: ext.get(r.group_id) ?? [],
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: r.version,
  }));
};
