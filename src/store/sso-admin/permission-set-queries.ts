// Permission sets and the instance's access control attributes.

import type { Kysely } from 'kysely';
import type { PermissionSet } from '../../domain/permission-sets/permission-set.js';
import type { AccessControlAttributeConfiguration } from '../../domain/permission-sets/access-control-attributes.js';
import { conflict } from '../../lib/errors.js';
import { isUniqueViolation } from '../driver-errors.js';
import type { SsoAdminTables } from './tables.js';
import { permissionSetFromRow, permissionSetRow } from './rows.js';
import { isPostgres } from './dialect-of.js';

type Db = Kysely<SsoAdminTables>;

export async function insertPermissionSet(db: Db, ps: PermissionSet): Promise<void> {
  try {
    await db.insertInto('sso_permission_set').values(permissionSetRow(ps)).execute();
  } catch (e) {
    if (isUniqueViolation(e)) throw conflict(`A permission set named ${ps.name} exists already.`, { resource: 'PermissionSet' });
    throw e;
  }
}

export async function getPermissionSet(db: Db, arn: string, forUpdate = false): Promise<PermissionSet | undefined> {
  let q = db.selectFrom('sso_permission_set').selectAll().where('permission_set_arn', '=', arn);
  // SQLite has no row locks: its write transactions are exclusive already.
  if (forUpdate && isPostgres(db)) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  return row && permissionSetFromRow(row);
}

export async function listPermissionSets(db: Db, instanceArn: string): Promise<PermissionSet[]> {
  const rows = await db.selectFrom('sso_permission_set').selectAll().where('instance_arn', '=', instanceArn).execute();
  return rows.map(permissionSetFromRow);
}

export async function countPermissionSets(db: Db, instanceArn: string): Promise<number> {
  const row = await db
    .selectFrom('sso_permission_set')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('instance_arn', '=', instanceArn)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function updatePermissionSet(db: Db, ps: PermissionSet): Promise<void> {
  const { permission_set_arn, instance_arn, name, created_at, role_suffix, ...mutable } = permissionSetRow(ps);
  await db.updateTable('sso_permission_set').set(mutable).where('permission_set_arn', '=', permission_set_arn).execute();
}

export async function deletePermissionSet(db: Db, arn: string): Promise<void> {
  await db.deleteFrom('sso_permission_set').where('permission_set_arn', '=', arn).execute();
}

export async function getAccessControlAttributes(db: Db, instanceArn: string): Promise<AccessControlAttributeConfiguration | undefined> {
  const row = await db.selectFrom('sso_access_control_attributes').selectAll().where('instance_arn', '=', instanceArn).executeTakeFirst();
  return row && { instanceArn: row.instance_arn, attributes: JSON.parse(row.attributes), status: 'ENABLED', updatedAt: Number(row.updated_at) };
}

export async function putAccessControlAttributes(db: Db, c: AccessControlAttributeConfiguration): Promise<void> {
  const values = { instance_arn: c.instanceArn, attributes: JSON.stringify(c.attributes), status: c.status, updated_at: c.updatedAt };
  await db
    .insertInto('sso_access_control_attributes')
    .values(values)
    .onConflict((oc) => oc.column('instance_arn').doUpdateSet({ attributes: values.attributes, status: values.status, updated_at: values.updated_at }))
    .execute();
}

export async function deleteAccessControlAttributes(db: Db, instanceArn: string): Promise<boolean> {
  const r = await db.deleteFrom('sso_access_control_attributes').where('instance_arn', '=', instanceArn).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}
