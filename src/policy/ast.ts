// The IAM policy language as an immutable AST. Every node keeps `path`, the place it came
// from in the source document (`Statement[2].Condition.StringLike`), so that every finding
// and every explanation can name it.

export type Effect = 'Allow' | 'Deny';

/** A place in the source document, e.g. `Statement[2].Condition.StringLike`. */
export type SourcePath = string;

export interface PolicyDocument {
  readonly kind: 'policy';
  readonly version: '2012-10-17' | '2008-10-17' | undefined;
  readonly id: string | undefined;
  readonly statements: readonly Statement[];
  /** Whether `Statement` was a single object rather than an array (kept for round trips). */
  readonly singleStatement: boolean;
  readonly path: SourcePath;
}

/** `Action` / `NotAction`, `Resource` / `NotResource`: the `not` flag says which. */
export interface ValueList {
  readonly kind: 'values';
  readonly not: boolean;
  readonly values: readonly string[];
  /** The JSON held a bare string rather than an array (kept for round trips). */
  readonly single: boolean;
  readonly path: SourcePath;
}

export interface PrincipalEntry {
  /** `AWS`, `Service`, `Federated`, `CanonicalUser`, or `*` for `"Principal": "*"`. */
  readonly type: 'AWS' | 'Service' | 'Federated' | 'CanonicalUser' | '*';
  readonly values: readonly string[];
  readonly path: SourcePath;
  /** The JSON held a bare string rather than an array (kept for round trips). */
  readonly single?: boolean;
}

export interface PrincipalBlock {
  readonly kind: 'principal';
  readonly not: boolean;
  readonly entries: readonly PrincipalEntry[];
  readonly path: SourcePath;
}

export interface ConditionClause {
  readonly kind: 'condition';
  /** The operator exactly as written, e.g. `ForAnyValue:StringLikeIfExists`. */
  readonly operator: string;
  /** Parsed operator: base family name without prefixes or IfExists, e.g. `StringLike`. */
  readonly baseOperator: string;
  readonly setOperator: 'ForAllValues' | 'ForAnyValue' | undefined;
  readonly ifExists: boolean;
  readonly key: string;
  /** Values as strings (IAM compares strings; numbers and booleans are written as text). */
  readonly values: readonly string[];
  readonly path: SourcePath;
  /** The JSON held a bare value rather than an array (kept for round trips). */
  readonly single?: boolean;
}

export interface Statement {
  readonly kind: 'statement';
  readonly index: number;
  readonly sid: string | undefined;
  readonly effect: Effect;
  readonly principal: PrincipalBlock | undefined;
  readonly action: ValueList | undefined;
  readonly resource: ValueList | undefined;
  readonly conditions: readonly ConditionClause[];
  readonly path: SourcePath;
}
