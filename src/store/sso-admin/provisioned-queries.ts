// What is provisioned where: one row per (permission set, account) whose role exists.

import type { Kysely } from 'kysely';
import type { ProvisionedPermissionSet } from '../../domain/provisioning/provisioning-job.js';
import type { SsoAdminTables } from './tables.js';
import { provisionedFromRow } from './rows.js';

type Db = Kysely<SsoAdminTables>;

export async function getProvisioned(db: Db, permissionSetArn: string, accountId: string): Promise<ProvisionedPermissionSet | undefined> {
  const row = await db
    .selectFrom('sso_provisioned')
    .selectAll()
    .where('permission_set_arn', '=', permissionSetArn)
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  return row && provisionedFromRow(row);
}

export async function putProvisioned(db: Db, p: ProvisionedPermissionSet): Promise<void> {
  const changes = { revision: p.revision, role_name: p.roleName, provisioned_at: p.provisionedAt };
  await db
    .insertInto('sso_provisioned')
    .values({ permission_set_arn: p.permissionSetArn, account_id: p.accountId, instance_arn: p.instanceArn, ...changes })
    .onConflict((oc) => oc.columns(['permission_set_arn', 'account_id']).doUpdateSet(changes))
    .execute();
}

export async function deleteProvisioned(db: Db, permissionSetArn: string, accountId: string): Promise<void> {
  await db.deleteFrom('sso_provisioned').where('permission_set_arn', '=', permissionSetArn).where('account_id', '=', accountId).execute();
}

export async function listProvisionedForPermissionSet(db: Db, permissionSetArn: string): Promise<ProvisionedPermissionSet[]> {
  const rows = await db.selectFrom('sso_provisioned').selectAll().where('permission_set_arn', '=', permissionSetArn).execute();
  return rows.map(provisionedFromRow);
}

export async function listProvisionedForAccount(db: Db, instanceArn: string, accountId: string): Promise<ProvisionedPermissionSet[]> {
  const rows = await db.selectFrom('sso_provisioned').selectAll().where('instance_arn', '=', instanceArn).where('account_id', '=', accountId).execute();
  return rows.map(provisionedFromRow);
}
