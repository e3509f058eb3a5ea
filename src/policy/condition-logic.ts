// How one condition clause combines the request's values for its key with the policy's
// values, shared by the interpreter and the compiled path: missing keys, IfExists, set
// operators and negation. `anyMatch(v)` answers "does request value v match any policy value".

export interface ClauseShape {
  readonly setOperator: 'ForAllValues' | 'ForAnyValue' | undefined;
  readonly ifExists: boolean;
  readonly negated: boolean;
}

export function clauseHolds<E>(
  shape: ClauseShape,
  values: readonly string[] | undefined,
  anyMatch: (value: string, env: E) => boolean,
  env: E,
): boolean {
  if (values === undefined) return missingKeyResult(shape);
  const negated = shape.negated;
  if (shape.setOperator === 'ForAllValues') {
    // Every request value must match a policy value (negated: must match none).
    for (const v of values) if (anyMatch(v, env) === negated) return false;
    return true;
  }
  if (shape.setOperator === 'ForAnyValue') {
    for (const v of values) if (anyMatch(v, env) !== negated) return true;
    return false;
  }
  // A single-valued operator: positive if any request value matches; a negated operator
  // holds only when no request value matches any policy value.
  for (const v of values) if (anyMatch(v, env)) return !negated;
  return negated;
}

/**
 * AWS: a key absent from the request (or an empty list) makes a condition false, except that
 * negated operators are then true, `...IfExists` is true, `ForAllValues` is true and
 * `ForAnyValue` is false.
 */
export function missingKeyResult(shape: ClauseShape): boolean {
  if (shape.ifExists) return true;
  if (shape.setOperator === 'ForAllValues') return true;
  if (shape.setOperator === 'ForAnyValue') return false;
  return shape.negated;
}

/** `Null`: "true" holds when the key is absent, "false" when it is present; values ORed. */
export function nullHolds(policyValues: readonly string[], present: boolean): boolean {
  for (const p of policyValues) {
    const v = p.toLowerCase();
    if ((v === 'true' && !present) || (v === 'false' && present)) return true;
  }
  return false;
}
