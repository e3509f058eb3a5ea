// The applications' persistence port. Names are unique per instance (Conflict otherwise);
// deleting an application deletes its assignments in the same write.

import type { Application, ApplicationAssignment, ApplicationPrincipalType } from './application.js';

export interface ApplicationRepository {
  /** Throws a Conflict when the name is taken. */
  insertApplication(a: Application): Promise<void>;
  getApplication(applicationId: string): Promise<Application | undefined>;
  /** All applications, by name. */
  listApplications(): Promise<Application[]>;
  /** Throws a Conflict when the new name is taken; false when there is no such application. */
  updateApplication(a: Application): Promise<boolean>;
  deleteApplication(applicationId: string): Promise<boolean>;

  /** Inserts or replaces the assignment of this principal. */
  putAssignment(a: ApplicationAssignment): Promise<void>;
  deleteAssignment(applicationId: string, principalType: ApplicationPrincipalType, principalId: string): Promise<boolean>;
  listAssignments(applicationId: string): Promise<ApplicationAssignment[]>;
  /** Every assignment to any of these principals (a user and their groups), across applications. */
  listAssignmentsOfPrincipals(principalIds: readonly string[]): Promise<ApplicationAssignment[]>;
  /** Removes the principal's assignments to every application (the user or group was deleted). */
  deleteAssignmentsOfPrincipal(principalType: ApplicationPrincipalType, principalId: string): Promise<number>;
}
