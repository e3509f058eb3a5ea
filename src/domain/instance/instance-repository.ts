// The Identity Center instance: one per Gatehouse installation, created at first start.

export interface Instance {
  readonly instanceArn: string;
  readonly identityStoreId: string;
  /** The management account that owns the instance. */
  readonly ownerAccountId: string;
  readonly name: string;
  readonly status: 'ACTIVE';
  readonly createdAt: number;
  /** The ARN of the IAM user created at bootstrap (the administrator until policies exist). */
  readonly adminUserArn: string;
}

export interface InstanceRepository {
  get(): Promise<Instance | undefined>;
  /** Throws a Conflict error when an instance exists already. */
  create(instance: Instance): Promise<void>;
}
