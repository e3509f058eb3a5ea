// A provisioning job: the durable record of a request that changes what must exist in accounts
// (an assignment created or deleted, a permission set provisioned). It is written in the same
// transaction as the request, before the call returns; a worker on any node carries it out.

export type JobKind = 'CREATE_ASSIGNMENT' | 'DELETE_ASSIGNMENT' | 'PROVISION';
/** The model's StatusValues. */
export type JobStatus = 'IN_PROGRESS' | 'SUCCEEDED' | 'FAILED';
export type ProvisionTargetType = 'AWS_ACCOUNT' | 'ALL_PROVISIONED_ACCOUNTS';

export interface ProvisioningJob {
  /** A UUID: the RequestId the caller polls. */
  readonly requestId: string;
  readonly instanceArn: string;
  readonly kind: JobKind;
  readonly status: JobStatus;
  readonly failureReason?: string;
  readonly permissionSetArn: string;
  /** Assignment jobs only. */
  readonly principalType?: 'USER' | 'GROUP';
  readonly principalId?: string;
  readonly targetType: ProvisionTargetType;
  /** The account, for AWS_ACCOUNT targets. */
  readonly targetId?: string;
  readonly createdAt: number;
}

/** One account of a job, and how it went there. */
export interface JobTarget {
  readonly accountId: string;
  readonly status: 'PENDING' | 'SUCCEEDED' | 'FAILED';
  readonly failureReason?: string;
}

export type TargetResult = { readonly accountId: string } & (
  | { readonly status: 'SUCCEEDED' }
  | { readonly status: 'FAILED'; readonly failureReason: string }
);

/** A permission set as it stands in one account: its role exists, made at `revision`. */
export interface ProvisionedPermissionSet {
  readonly instanceArn: string;
  readonly permissionSetArn: string;
  readonly accountId: string;
  readonly revision: number;
  readonly roleName: string;
  readonly provisionedAt: number;
}
