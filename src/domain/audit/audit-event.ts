// An audit event: who did what, when, from where, and how it ended. The field names are
// CloudTrail's record fields, so people who read CloudTrail read these; the values are
// Gatehouse's (its own event sources for its own pages, and no claim to a CloudTrail version).

/** Who acted. `IdentityCenterUser`: a person of the identity store, by user name and id. */
export interface AuditIdentity {
  readonly type: 'IAMUser' | 'AssumedRole' | 'IdentityCenterUser' | 'Unknown';
  readonly arn?: string;
  readonly accountId?: string;
  readonly userName?: string;
  /** The IAM user or role session id (`AIDA…`, `AROA…:session`), or the identity-store user id. */
  readonly principalId?: string;
  readonly accessKeyId?: string;
}

export interface AuditEvent {
  readonly eventId: string;
  /** Epoch milliseconds. */
  readonly eventTime: number;
  /** `sso.amazonaws.com`, `identitystore.amazonaws.com`, `signin.amazonaws.com`, ... */
  readonly eventSource: string;
  /** The operation (`CreateUser`) or the sign-in step (`CredentialVerification`). */
  readonly eventName: string;
  readonly awsRegion: string;
  readonly sourceIPAddress: string;
  readonly userAgent?: string;
  readonly requestId?: string;
  readonly userIdentity: AuditIdentity;
  /** True for calls that change nothing (recorded only when they were refused). */
  readonly readOnly: boolean;
  /** The exception name, or the sign-in failure (`Failure`), when it did not succeed. */
  readonly errorCode?: string;
  readonly errorMessage?: string;
  /** The request's parameters with every secret hidden. */
  readonly requestParameters?: Readonly<Record<string, unknown>>;
  /** Facts that are not request parameters: the MFA type, the account and role reached. */
  readonly additionalEventData?: Readonly<Record<string, unknown>>;
}

/** What a recorder supplies: the id and the time are the audit log's. */
export type AuditEventInput = Omit<AuditEvent, 'eventId' | 'eventTime'>;
