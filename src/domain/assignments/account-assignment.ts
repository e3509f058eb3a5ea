// An account assignment: a user or group of the identity store given a permission set on an
// account. It exists once its creation request has been provisioned (the role is in place).

export type PrincipalType = 'USER' | 'GROUP';
export const PRINCIPAL_TYPES: readonly PrincipalType[] = ['USER', 'GROUP'];

export interface PrincipalRef {
  readonly principalType: PrincipalType;
  readonly principalId: string;
}

export interface AccountAssignment extends PrincipalRef {
  readonly instanceArn: string;
  readonly permissionSetArn: string;
  readonly accountId: string;
  readonly createdAt: number;
}

/** The identity of an assignment: what Create and Delete name. */
export interface AssignmentKey extends PrincipalRef {
  readonly permissionSetArn: string;
  readonly accountId: string;
}
