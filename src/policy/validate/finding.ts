// What validation reports: the shape of IAM Access Analyzer's ValidatePolicy findings, with
// the place named as an AST source path so an editor can point at it.

export type Severity = 'ERROR' | 'SECURITY_WARNING' | 'WARNING' | 'SUGGESTION';

export interface Finding {
  readonly severity: Severity;
  /** Stable issue code, in Access Analyzer's style (`UNKNOWN_ACTION`). */
  readonly code: string;
  readonly message: string;
  /** AST source path, e.g. `Statement[2].Condition.StringLike`; `` for the whole document. */
  readonly path: string;
}

export type ValidationPolicyType = 'IDENTITY_POLICY' | 'RESOURCE_POLICY' | 'SERVICE_CONTROL_POLICY' | 'RESOURCE_CONTROL_POLICY';

/** Which IAM size quota applies to an identity policy. */
export type IdentityPolicyKind = 'managed' | 'inline-role' | 'inline-user' | 'inline-group';

export interface ValidateOptions {
  /** Defaults to `IDENTITY_POLICY`, as Access Analyzer's console does. */
  readonly policyType?: ValidationPolicyType;
  /** Defaults to `managed` (the tightest common case after user and group inline policies). */
  readonly identityPolicyKind?: IdentityPolicyKind;
}

export function finding(severity: Severity, code: string, path: string, message: string): Finding {
  return { severity, code, message, path };
}
