// The condition operator families of the IAM reference and the key types each applies to.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html

export type OperatorFamily = 'String' | 'Numeric' | 'Date' | 'Bool' | 'Binary' | 'IpAddress' | 'Arn' | 'Null';

const FAMILIES: Readonly<Record<string, OperatorFamily>> = {
  StringEquals: 'String', StringNotEquals: 'String', StringEqualsIgnoreCase: 'String',
  StringNotEqualsIgnoreCase: 'String', StringLike: 'String', StringNotLike: 'String',
  NumericEquals: 'Numeric', NumericNotEquals: 'Numeric', NumericLessThan: 'Numeric',
  NumericLessThanEquals: 'Numeric', NumericGreaterThan: 'Numeric', NumericGreaterThanEquals: 'Numeric',
  DateEquals: 'Date', DateNotEquals: 'Date', DateLessThan: 'Date',
  DateLessThanEquals: 'Date', DateGreaterThan: 'Date', DateGreaterThanEquals: 'Date',
  Bool: 'Bool', BinaryEquals: 'Binary', IpAddress: 'IpAddress', NotIpAddress: 'IpAddress',
  ArnEquals: 'Arn', ArnLike: 'Arn', ArnNotEquals: 'Arn', ArnNotLike: 'Arn', Null: 'Null',
};

// Operator names are matched without regard to case, as the evaluator does.
const LOWER: ReadonlyMap<string, OperatorFamily> = new Map(Object.entries(FAMILIES).map(([k, v]) => [k.toLowerCase(), v]));

export const operatorFamily = (baseOperator: string): OperatorFamily | undefined => LOWER.get(baseOperator.toLowerCase());

/**
 * Scalar key types (as the catalog names them) each family may compare. String operators
 * also compare ARNs, as the IAM documentation does itself (`StringLike` on `aws:PrincipalArn`),
 * and ARN operators String keys that hold ARNs (AWS's own policies use `ArnLike` on
 * `kms:EncryptionContext:aws:s3:arn`, which the reference types as String).
 */
const ACCEPTS: Readonly<Record<OperatorFamily, readonly string[] | undefined>> = {
  String: ['String', 'ARN'],
  Numeric: ['Numeric'],
  Date: ['Date'],
  Bool: ['Bool'],
  IpAddress: ['IPAddress'],
  Arn: ['ARN', 'String'],
  Binary: undefined, // the reference types no key as Binary: nothing to compare against
  Null: undefined, // Null only asks whether the key is present, whatever its type
};

/** `aws:EpochTime` is documented as both Date and Numeric, but the reference gives one type. */
const EXTRA: Readonly<Record<string, readonly OperatorFamily[]>> = { 'aws:epochtime': ['Numeric'] };

export function familyAcceptsKey(family: OperatorFamily, key: string, scalarType: string): boolean {
  const accepted = ACCEPTS[family];
  if (!accepted) return true;
  return accepted.includes(scalarType) || (EXTRA[key.toLowerCase()]?.includes(family) ?? false);
}

/** Whether a value is well formed for the family; values holding policy variables are not judged. */
export function valueFitsFamily(family: OperatorFamily, value: string): boolean {
  if (/\$\{/.test(value)) return true;
  switch (family) {
    case 'Numeric':
      return /^-?\d+(\.\d+)?$/.test(value);
    case 'Date':
      return /^\d+$/.test(value) || (/^\d{4}-\d{2}-\d{2}/.test(value) && !Number.isNaN(Date.parse(value)));
    case 'Bool':
    case 'Null':
      return /^(true|false)$/i.test(value);
    case 'IpAddress':
      return /^\d{1,3}(\.\d{1,3}){3}(\/\d{1,2})?$/.test(value) || /^[0-9a-f]*:[0-9a-f:]*(\/\d{1,3})?$/i.test(value);
    default:
      return true;
  }
}
