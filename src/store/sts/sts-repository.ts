// The STS repository over Kysely, one code path for SQLite and PostgreSQL. A cut-off only ever
// moves forward: two revocations racing on two nodes keep the later one.

import type { Kysely } from 'kysely';
import type { RoleRevocation, StsRepository } from '../../domain/sts/sts-repository.js';
import type { StsTables } from './tables.js';

export class KyselyStsRepository implements StsRepository {
  private readonly db: Kysely<StsTables>;

  // Kysely<any>: the repository is built over the whole schema's Kysely (or a transaction of it).
  constructor(db: Kysely<any>) {
    this.db = db as Kysely<StsTables>;
  }

  async getRoleRevocation(roleId: string): Promise<RoleRevocation | undefined> {
    const row = await this.db.selectFrom('sts_role_revocation').selectAll().where('role_id', '=', roleId).executeTakeFirst();
    if (!row) return undefined;
    return {
      roleId: row.role_id,
      accountId: row.account_id,
      roleName: row.role_name,
      // PostgreSQL's bigint arrives as a string.
      revokedBefore: Number(row.revoked_before),
      updatedAt: Number(row.updated_at),
    };
  }

  async putRoleRevocation(r: RoleRevocation): Promise<void> {
    await this.db
      .insertInto('sts_role_revocation')
      .values({
        role_id: r.roleId,
        account_id: r.accountId,
        role_name: r.roleName,
        revoked_before: r.revokedBefore,
        updated_at: r.updatedAt,
      })
      .onConflict((oc) =>
        oc
          .column('role_id')
          .doUpdateSet((eb) => ({
            revoked_before: eb.ref('excluded.revoked_before'),
            updated_at: eb.ref('excluded.updated_at'),
            role_name: eb.ref('excluded.role_name'),
          }))
          .where('sts_role_revocation.revoked_before', '<', (eb) => eb.ref('excluded.revoked_before')),
      )
      .execute();
  }
}
