// The persistence port of account assignments.

import type { AccountAssignment, AssignmentKey, PrincipalRef } from './account-assignment.js';

export interface AssignmentRepository {
  /** Inserts the assignment; false (and no change) when it exists already. */
  insertAssignment(assignment: AccountAssignment): Promise<boolean>;
  /** False when there was none. */
  deleteAssignment(key: AssignmentKey): Promise<boolean>;
  getAssignment(key: AssignmentKey): Promise<AccountAssignment | undefined>;
  /** The assignments of a permission set on one account. */
  listAssignmentsForAccount(permissionSetArn: string, accountId: string): Promise<AccountAssignment[]>;
  /** Every assignment of any of the principals, in the instance. */
  listAssignmentsForPrincipals(instanceArn: string, principals: readonly PrincipalRef[]): Promise<AccountAssignment[]>;
  /** Whether the permission set has any assignment at all. */
  permissionSetHasAssignments(permissionSetArn: string): Promise<boolean>;
}
