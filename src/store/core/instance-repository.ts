import type { Kysely } from 'kysely';
import type { Database } from '../database.js';
import type { Instance, InstanceRepository } from '../../domain/instance/instance-repository.js';
import { conflict } from '../../lib/errors.js';
import { isUniqueViolation } from '../driver-errors.js';

export class KyselyInstanceRepository implements InstanceRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async get(): Promise<Instance | undefined> {
    const row = await this.db.selectFrom('instance').selectAll().executeTakeFirst();
    return row && {
      instanceArn: row.instance_arn,
      identityStoreId: row.identity_store_id,
      ownerAccountId: row.owner_account_id,
      name: row.name,
      status: 'ACTIVE',
      createdAt: row.created_at,
      adminUserArn: row.admin_user_arn,
    };
  }

  async create(i: Instance): Promise<void> {
    try {
      await this.db
        .insertInto('instance')
        .values({
          instance_arn: i.instanceArn,
          identity_store_id: i.identityStoreId,
          owner_account_id: i.ownerAccountId,
          name: i.name,
          status: i.status,
          created_at: i.createdAt,
          admin_user_arn: i.adminUserArn,
        })
        .execute();
    } catch (e) {
      if (isUniqueViolation(e)) throw conflict('The instance exists already.', { resource: 'Instance' });
      throw e;
    }
  }
}
