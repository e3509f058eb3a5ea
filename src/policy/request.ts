// What the engine is asked and what it answers. The request carries everything a decision
// needs; the engine never looks anything up.

import type { PolicyDocument, Effect, SourcePath } from './ast.js';

/** A context value: IAM keys are single strings or multivalued lists of strings. */
export type ContextValue = string | readonly string[];

export interface AuthorizationRequest {
  /** `service:Action`, e.g. `s3:GetObject`. */
  readonly action: string;
  /** The resource ARN (or `*`). */
  readonly resource: string;
  /** The calling principal's ARN (for role sessions the assumed-role ARN). */
  readonly principalArn: string;
  /** The principal's account id. */
  readonly principalAccount: string;
  /** The account that owns the resource (defaults to the principal's account). */
  readonly resourceAccount?: string;
  /** Every context key the request supplies, keys as AWS writes them (case-insensitive lookup). */
  readonly context: Readonly<Record<string, ContextValue>>;
}

export interface NamedPolicy {
  /** A label to explain with: a policy ARN, `inline:NAME`, `scp:p-…`. */
  readonly id: string;
  readonly document: PolicyDocument;
}

/** Everything that applies to one principal for one decision. */
export interface PolicySet {
  readonly identity: readonly NamedPolicy[];
  /** Absent: no boundary. Present (even empty): the boundary must allow. */
  readonly boundary?: readonly NamedPolicy[];
  /** Absent: no session policy. Present: the session policies must allow. */
  readonly session?: readonly NamedPolicy[];
  /** Service control policies, one entry per level from the root to the account. Absent: not subject. */
  readonly scpLevels?: readonly (readonly NamedPolicy[])[];
  /** Resource control policies, per level, like SCPs. */
  readonly rcpLevels?: readonly (readonly NamedPolicy[])[];
  /** The resource's own resource-based policy. */
  readonly resource?: readonly NamedPolicy[];
}

export type DecisionName = 'Allow' | 'ExplicitDeny' | 'ImplicitDeny';

export type PolicyType = 'identity' | 'boundary' | 'session' | 'scp' | 'rcp' | 'resource';

export interface MatchedStatement {
  readonly policyType: PolicyType;
  /** For SCP / RCP: the level index (0 = root). */
  readonly level?: number;
  readonly policyId: string;
  readonly sid: string | undefined;
  readonly effect: Effect;
  readonly path: SourcePath;
}

export interface Decision {
  readonly decision: DecisionName;
  /** The statements that matched the request, each with its policy and place. */
  readonly matched: readonly MatchedStatement[];
  /** Context keys the policies refer to that the request did not supply. */
  readonly missingContextKeys: readonly string[];
  /** Per policy type, whether that type allowed (absent types are not listed). */
  readonly byType: Readonly<Partial<Record<PolicyType, DecisionName>>>;
  /** Set only when evaluation hit an internal fault; the decision is then a deny. */
  readonly error?: string;
}
