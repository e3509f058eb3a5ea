// The condition operators IAM knows: how a written operator splits into set operator, base
// operator and IfExists, and what each base operator compares and whether it is negated.

export type CompareKind =
  | 'StringEquals'
  | 'StringEqualsIgnoreCase'
  | 'StringLike'
  | 'NumericEquals'
  | 'NumericLessThan'
  | 'NumericLessThanEquals'
  | 'NumericGreaterThan'
  | 'NumericGreaterThanEquals'
  | 'DateEquals'
  | 'DateLessThan'
  | 'DateLessThanEquals'
  | 'DateGreaterThan'
  | 'DateGreaterThanEquals'
  | 'Bool'
  | 'BinaryEquals'
  | 'IpAddress'
  | 'ArnLike'
  | 'Null';

export interface OperatorSpec {
  /** The positive comparison; a negated operator is "matches none of the values" (NOR). */
  readonly kind: CompareKind;
  readonly negated: boolean;
  /** Whether policy variables in the values are expanded (AWS: String, Bool and ARN operators). */
  readonly variables: boolean;
}

const spec = (kind: CompareKind, negated: boolean, variables: boolean): OperatorSpec =>
  Object.freeze({ kind, negated, variables });

const TABLE: ReadonlyMap<string, OperatorSpec> = new Map([
  ['StringEquals', spec('StringEquals', false, true)],
  ['StringNotEquals', spec('StringEquals', true, true)],
  ['StringEqualsIgnoreCase', spec('StringEqualsIgnoreCase', false, true)],
  ['StringNotEqualsIgnoreCase', spec('StringEqualsIgnoreCase', true, true)],
  ['StringLike', spec('StringLike', false, true)],
  ['StringNotLike', spec('StringLike', true, true)],
  ['NumericEquals', spec('NumericEquals', false, false)],
  ['NumericNotEquals', spec('NumericEquals', true, false)],
  ['NumericLessThan', spec('NumericLessThan', false, false)],
  ['NumericLessThanEquals', spec('NumericLessThanEquals', false, false)],
  ['NumericGreaterThan', spec('NumericGreaterThan', false, false)],
  ['NumericGreaterThanEquals', spec('NumericGreaterThanEquals', false, false)],
  ['DateEquals', spec('DateEquals', false, false)],
  ['DateNotEquals', spec('DateEquals', true, false)],
  ['DateLessThan', spec('DateLessThan', false, false)],
  ['DateLessThanEquals', spec('DateLessThanEquals', false, false)],
  ['DateGreaterThan', spec('DateGreaterThan', false, false)],
  ['DateGreaterThanEquals', spec('DateGreaterThanEquals', false, false)],
  ['Bool', spec('Bool', false, true)],
  ['BinaryEquals', spec('BinaryEquals', false, false)],
  ['IpAddress', spec('IpAddress', false, false)],
  ['NotIpAddress', spec('IpAddress', true, false)],
  ['ArnEquals', spec('ArnLike', false, true)],
  ['ArnLike', spec('ArnLike', false, true)],
  ['ArnNotEquals', spec('ArnLike', true, true)],
  ['ArnNotLike', spec('ArnLike', true, true)],
  ['Null', spec('Null', false, false)],
]);

const LOWER: ReadonlyMap<string, OperatorSpec> = new Map([...TABLE].map(([k, v]) => [k.toLowerCase(), v]));

/** The spec of a base operator (`StringNotLike`), or undefined for an unknown one. */
export function operatorSpec(baseOperator: string): OperatorSpec | undefined {
  return TABLE.get(baseOperator) ?? LOWER.get(baseOperator.toLowerCase());
}

export interface OperatorParts {
  readonly baseOperator: string;
  readonly setOperator: 'ForAllValues' | 'ForAnyValue' | undefined;
  readonly ifExists: boolean;
}

/** Splits `ForAnyValue:StringLikeIfExists` into its parts. */
export function splitOperator(operator: string): OperatorParts {
  let rest = operator;
  let setOperator: OperatorParts['setOperator'];
  const colon = rest.indexOf(':');
  if (colon >= 0) {
    const prefix = rest.slice(0, colon).toLowerCase();
    if (prefix === 'forallvalues') setOperator = 'ForAllValues';
    else if (prefix === 'foranyvalue') setOperator = 'ForAnyValue';
    if (setOperator) rest = rest.slice(colon + 1);
  }
  const ifExists = rest.length > 8 && rest.toLowerCase().endsWith('ifexists');
  return { baseOperator: ifExists ? rest.slice(0, -8) : rest, setOperator, ifExists };
}
