// The applications repository over Kysely, one code path for SQLite and PostgreSQL. Names are
// unique without regard to case (a unique name_key); assignments go with their application
// (ON DELETE CASCADE).

import type { Kysely } from 'kysely';
import type { ApplicationRepository } from '../../domain/applications/application-repository.js';
import type { Application, ApplicationAssignment, ApplicationPrincipalType } from '../../domain/applications/application.js';
import { conflict, notFound } from '../../lib/errors.js';
import { isUniqueViolation } from '../driver-errors.js';
import { toApplication, toApplicationRow, toAssignment, toAssignmentRow } from './rows.js';
import type { ApplicationsTables } from './tables.js';

const nameTaken = (name: string) =>
  conflict(`An application named ${name} already exists.`, { resource: 'Application', field: 'Name', reason: 'UNIQUENESS_CONSTRAINT_VIOLATION' });

const isForeignKeyViolation = (e: unknown): boolean => {
  const code = (e as { code?: string } | undefined)?.code;
  return code === '23503' || code === 'SQLITE_CONSTRAINT_FOREIGNKEY';
};

/** PostgreSQL binds at most 65535 parameters; principal lists are chunked well below that. */
const CHUNK = 1000;

export class KyselyApplicationRepository implements ApplicationRepository {
  private readonly db: Kysely<ApplicationsTables>;

  // Kysely<any>: built over the whole schema's Kysely (or a transaction of it).
  constructor(db: Kysely<any>) {
    this.db = db as Kysely<ApplicationsTables>;
  }

  async insertApplication(a: Application): Promise<void> {
    try {
      await this.db.insertInto('application').values(toApplicationRow(a)).execute();
    } catch (e) {
      throw isUniqueViolation(e) ? nameTaken(a.name) : e;
    }
  }

  async getApplication(applicationId: string): Promise<Application | undefined> {
    const row = await this.db.selectFrom('application').selectAll().where('application_id', '=', applicationId).executeTakeFirst();
    return row && toApplication(row);
  }

  async listApplications(): Promise<Application[]> {
    const rows = await this.db.selectFrom('application').selectAll().orderBy('name_key').orderBy('application_id').execute();
    return rows.map(toApplication);
  }

  async updateApplication(a: Application): Promise<boolean> {
    const { application_id: _, created_at: __, ...values } = toApplicationRow(a);
    try {
      const r = await this.db.updateTable('application').set(values).where('application_id', '=', a.applicationId).executeTakeFirst();
      return r.numUpdatedRows > 0n;
    } catch (e) {
      throw isUniqueViolation(e) ? nameTaken(a.name) : e;
    }
  }

  async deleteApplication(applicationId: string): Promise<boolean> {
    const r = await this.db.deleteFrom('application').where('application_id', '=', applicationId).executeTakeFirst();
    return r.numDeletedRows > 0n;
  }

  async putAssignment(a: ApplicationAssignment): Promise<void> {
    const row = toAssignmentRow(a);
    try {
      await this.db
        .insertInto('application_assignment')
        .values(row)
        .onConflict((oc) => oc.columns(['application_id', 'principal_type', 'principal_id']).doUpdateSet({ aws_roles: row.aws_roles }))
        .execute();
    } catch (e) {
      // The application was deleted meanwhile.
      if (isForeignKeyViolation(e)) throw notFound('Application', `Application ${a.applicationId} does not exist.`, { resourceId: a.applicationId });
      throw e;
    }
  }

  async deleteAssignment(applicationId: string, principalType: ApplicationPrincipalType, principalId: string): Promise<boolean> {
    const r = await this.db
      .deleteFrom('application_assignment')
      .where('application_id', '=', applicationId)
      .where('principal_type', '=', principalType)
      .where('principal_id', '=', principalId)
      .executeTakeFirst();
    return r.numDeletedRows > 0n;
  }

  async deleteAssignmentsOfPrincipal(principalType: ApplicationPrincipalType, principalId: string): Promise<number> {
    const r = await this.db.deleteFrom('application_assignment').where('principal_type', '=', principalType).where('principal_id', '=', principalId).executeTakeFirst();
    return Number(r.numDeletedRows);
  }

  async listAssignments(applicationId: string): Promise<ApplicationAssignment[]> {
    const rows = await this.db
      .selectFrom('application_assignment')
      .selectAll()
      .where('application_id', '=', applicationId)
      .orderBy('principal_type')
      .orderBy('principal_id')
      .execute();
    return rows.map(toAssignment);
  }

  async listAssignmentsOfPrincipals(principalIds: readonly string[]): Promise<ApplicationAssignment[]> {
    const out: ApplicationAssignment[] = [];
    for (let i = 0; i < principalIds.length; i += CHUNK) {
      const ids = principalIds.slice(i, i + CHUNK);
      const rows = await this.db
        .selectFrom('application_assignment')
        .selectAll()
        .where('principal_id', 'in', ids)
        .orderBy('application_id')
        .orderBy('principal_type')
        .orderBy('principal_id')
        .execute();
      out.push(...rows.map(toAssignment));
    }
    return out;
  }
}
