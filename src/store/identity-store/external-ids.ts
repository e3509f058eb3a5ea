// The external ids of users and groups: one row each, unique per identity store by (Issuer, Id).

import type { Kysely } from 'kysely';
import type { Database } from '../database.js';
import type { ExternalId } from '../../domain/identity-store/external-id.js';
import { conflict } from '../../lib/errors.js';
import { isUniqueViolation } from '../driver-errors.js';

export type ExternalIdOwner = 'USER' | 'GROUP';

export const insertExternalIds = async (
  db: Kysely<Database>,
  identityStoreId: string,
  resourceType: ExternalIdOwner,
  resourceId: string,
  ids: readonly ExternalId[],
): Promise<void> => {
  if (ids.length === 0) return;
  try {
    await db
      .insertInto('identity_store_external_id')
      .values(
        ids.map((e, position) => ({
          identity_store_id: identityStoreId,
          issuer: e.Issuer,
          external_id: e.Id,
          resource_type: resourceType,
          resource_id: resourceId,
          position,
        })),
      )
      .execute();
  } catch (e) {
    if (isUniqueViolation(e)) {
      throw conflict('Duplicate ExternalId', {
        resource: resourceType,
        field: 'ExternalIds',
        reason: 'UNIQUENESS_CONSTRAINT_VIOLATION',
      });
    }
    throw e;
  }
};

export const deleteExternalIds = async (db: Kysely<Database>, identityStoreId: string, resourceId: string) => {
  await db
    .deleteFrom('identity_store_external_id')
    .where('identity_store_id', '=', identityStoreId)
    .where('resource_id', '=', resourceId)
    .execute();
};

/** External ids of each resource, in list order. */
export const loadExternalIds = async (
  db: Kysely<Database>,
  identityStoreId: string,
  resourceIds: readonly string[],
): Promise<Map<string, ExternalId[]>> => {
  const out = new Map<string, ExternalId[]>();
  if (resourceIds.length === 0) return out;
  const rows = await db
    .selectFrom('identity_store_external_id')
    .select(['resource_id', 'issuer', 'external_id'])
    .where('identity_store_id', '=', identityStoreId)
    .where('resource_id', 'in', [...resourceIds])
    .orderBy('resource_id')
    .orderBy('position')
    .execute();
  for (const r of rows) {
    const list = out.get(r.resource_id) ?? [];
    list.push({ Issuer: r.issuer, Id: r.external_id });
    out.set(r.resource_id, list);
  }
  return out;
};

export const findByExternalId = async (
  db: Kysely<Database>,
  identityStoreId: string,
  resourceType: ExternalIdOwner,
  issuer: string,
  id: string,
): Promise<string[]> => {
  const rows = await db
    .selectFrom('identity_store_external_id')
    .select('resource_id')
    .where('identity_store_id', '=', identityStoreId)
    .where('resource_type', '=', resourceType)
    .where('issuer', '=', issuer)
    .where('external_id', '=', id)
    .execute();
  return rows.map((r) => r.resource_id);
};
