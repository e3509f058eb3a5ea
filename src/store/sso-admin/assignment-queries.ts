// Account assignments.

import type { Kysely } from 'kysely';
import type { AccountAssignment, AssignmentKey, PrincipalRef } from '../../domain/assignments/account-assignment.js';
import type { SsoAdminTables } from './tables.js';
import { assignmentFromRow } from './rows.js';

type Db = Kysely<SsoAdminTables>;

const byKey = (db: Db, k: AssignmentKey) =>
  db
    .selectFrom('sso_account_assignment')
    .selectAll()
    .where('permission_set_arn', '=', k.permissionSetArn)
    .where('account_id', '=', k.accountId)
    .where('principal_type', '=', k.principalType)
    .where('principal_id', '=', k.principalId);

export async function insertAssignment(db: Db, a: AccountAssignment): Promise<boolean> {
  const r = await db
    .insertInto('sso_account_assignment')
    .values({
      permission_set_arn: a.permissionSetArn,
      account_id: a.accountId,
      principal_type: a.principalType,
      principal_id: a.principalId,
      instance_arn: a.instanceArn,
      created_at: a.createdAt,
    })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function deleteAssignment(db: Db, k: AssignmentKey): Promise<boolean> {
  const r = await db
    .deleteFrom('sso_account_assignment')
    .where('permission_set_arn', '=', k.permissionSetArn)
    .where('account_id', '=', k.accountId)
    .where('principal_type', '=', k.principalType)
    .where('principal_id', '=', k.principalId)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export async function getAssignment(db: Db, k: AssignmentKey): Promise<AccountAssignment | undefined> {
  const row = await byKey(db, k).executeTakeFirst();
  return row && assignmentFromRow(row);
}

export async function listAssignmentsForAccount(db: Db, permissionSetArn: string, accountId: string): Promise<AccountAssignment[]> {
  const rows = await db
    .selectFrom('sso_account_assignment')
    .selectAll()
    .where('permission_set_arn', '=', permissionSetArn)
    .where('account_id', '=', accountId)
    .execute();
  return rows.map(assignmentFromRow);
}

export async function listAssignmentsForPrincipals(db: Db, instanceArn: string, principals: readonly PrincipalRef[]): Promise<AccountAssignment[]> {
  if (principals.length === 0) return [];
  const rows = await db
    .selectFrom('sso_account_assignment')
    .selectAll()
    .where('instance_arn', '=', instanceArn)
    .where('principal_id', 'in', principals.map((p) => p.principalId))
    .execute();
  const wanted = new Set(principals.map((p) => `${p.principalType}:${p.principalId}`));
  return rows.map(assignmentFromRow).filter((a) => wanted.has(`${a.principalType}:${a.principalId}`));
}

export async function permissionSetHasAssignments(db: Db, permissionSetArn: string): Promise<boolean> {
  const row = await db.selectFrom('sso_account_assignment').select('account_id').where('permission_set_arn', '=', permissionSetArn).limit(1).executeTakeFirst();
  return row !== undefined;
}
