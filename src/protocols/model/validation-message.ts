// AWS (Coral) wording for constraint failures, so clients and people see familiar text:
// `1 validation error detected: Value 'x' at 'userName' failed to satisfy constraint: ...`.

export interface ConstraintFailure {
  readonly path: string;
  /** The offending value as AWS prints it; undefined for sensitive or composite values. */
  readonly shown: string | undefined;
  readonly constraint: string;
  /** A machine-readable kind, in the spelling AWS Organizations uses for its `Reason`. */
  readonly reason: ConstraintReason;
}

export type ConstraintReason =
  | 'INPUT_REQUIRED'
  | 'MAX_LENGTH_EXCEEDED'
  | 'MIN_LENGTH_EXCEEDED'
  | 'MAX_VALUE_EXCEEDED'
  | 'MIN_VALUE_EXCEEDED'
  | 'INVALID_PATTERN'
  | 'INVALID_ENUM'
  | 'INVALID_LIST_MEMBER';

export const describeFailure = (f: ConstraintFailure): string =>
  `Value${f.shown === undefined ? '' : ` ${f.shown}`} at '${f.path}' failed to satisfy constraint: ${f.constraint}`;

export const validationMessage = (failures: readonly ConstraintFailure[]): string => {
  const n = failures.length;
  return `${n} validation error${n === 1 ? '' : 's'} detected: ${failures.map(describeFailure).join('; ')}`;
};

/** Member names appear in lower camel case in AWS's paths (`UserName` → `userName`). */
export const memberPath = (parent: string, member: string): string => {
  const name = member.charAt(0).toLowerCase() + member.slice(1);
  return parent ? `${parent}.${name}` : name;
};

export const listItemPath = (parent: string, index: number): string => `${parent}.${index + 1}.member`;
