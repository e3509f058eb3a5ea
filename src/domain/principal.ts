// Who is calling: established by SigV4 verification, consumed by authorization.

export interface Principal {
  /** `anonymous`: the unsigned calls AWS accepts, whose credential is in the input (AssumeRoleWithSAML). */
  readonly kind: 'iam-user' | 'assumed-role' | 'anonymous';
  /** `arn:aws:iam::ACCOUNT:user/NAME` or `arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION`. */
  readonly arn: string;
  readonly accountId: string;
  /** AWS's `UserId` as GetCallerIdentity reports it (`AIDA…`, or `AROA…:session`). */
  readonly userId: string;
  readonly accessKeyId: string;
  /** The IAM user name, or the role name for role sessions. */
  readonly name: string;
}

/** The caller of an unsigned request; it is never authorized for anything. */
export const ANONYMOUS: Principal = { kind: 'anonymous', arn: 'anonymous', accountId: '', userId: 'anonymous', accessKeyId: '', name: 'anonymous' };
