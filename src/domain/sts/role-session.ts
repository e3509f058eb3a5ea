// A role session as its sealed token carries it: everything SigV4 verification and
// authorization need, so neither reads the database to know who is calling.

export interface SessionTag {
  readonly key: string;
  readonly value: string;
}

/** Who called AssumeRole: kept for audit and for role chaining. */
export interface SessionCaller {
  readonly arn: string;
  readonly accountId: string;
  readonly userId: string;
}

export interface RoleSession {
  readonly kind: 'role-session';
  readonly accessKeyId: string;
  /** Kept in the token so that verifying a signature needs no database read. */
  readonly secretAccessKey: string;
  readonly accountId: string;
  readonly roleName: string;
  /** `AROA…` */
  readonly roleId: string;
  /** The role's ARN, with its path. */
  readonly roleArn: string;
  readonly sessionName: string;
  /** `arn:aws:sts::{account}:assumed-role/{role name}/{session name}` */
  readonly assumedRoleArn: string;
  readonly caller: SessionCaller;
  /** Session tags: those passed to AssumeRole and those inherited as transitive. */
  readonly tags: readonly SessionTag[];
  /** Keys of `tags` that pass on to sessions this one assumes (role chaining). */
  readonly transitiveTagKeys: readonly string[];
  readonly sourceIdentity?: string;
  /** The inline session policy, as the caller sent it. */
  readonly policy?: string;
  /** Managed session policies (AWS managed, or customer managed in the role's account). */
  readonly policyArns: readonly string[];
  /** For credentials the access portal issued: the portal session they die with. */
  readonly portalSessionId?: string;
  /** Epoch milliseconds. */
  readonly issuedAt: number;
  /** Epoch milliseconds; the credentials are refused from this instant on. */
  readonly expiresAt: number;
}

/** `AROA…:session`, AWS's UserId and AssumedRoleId of a role session. */
export const sessionUserId = (s: Pick<RoleSession, 'roleId' | 'sessionName'>): string => `${s.roleId}:${s.sessionName}`;

export const assumedRoleArn = (accountId: string, roleName: string, sessionName: string): string =>
  `arn:aws:sts::${accountId}:assumed-role/${roleName}/${sessionName}`;
