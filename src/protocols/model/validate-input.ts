// The generic model validator. It checks a decoded input (JSON values, or the query protocol's
// values already typed by its decoder) against a Schema and returns a clean copy: unknown
// members dropped (AWS SDKs ignore what they do not model, and so do we: a newer client may send
// members our model predates, and handlers must never see anything unvalidated), timestamps as
// Date, blobs as Buffer. Wrong JSON types are a serialization problem; everything else a
// constraint failure, collected for one AWS-worded message.

import type { ListSchema, MapSchema, NumberSchema, Schema, StringSchema, StructureSchema } from './schema.js';
import { type ConstraintFailure, type ConstraintReason, listItemPath, memberPath } from './validation-message.js';

export class InputTypeError extends Error {
  constructor(
    readonly path: string,
    readonly expected: string,
  ) {
    super(`Unexpected value type at '${path || 'input'}': expected ${expected}`);
    this.name = 'InputTypeError';
  }
}

export type ValidationOutcome =
  | { readonly ok: true; readonly value: Record<string, unknown> }
  | { readonly ok: false; readonly failures: readonly ConstraintFailure[] };

/** Throws InputTypeError on a wrong type; returns failures for broken constraints. */
export const validateInput = (schema: Schema, input: unknown): ValidationOutcome => {
  const failures: ConstraintFailure[] = [];
  const value = check(schema, input ?? {}, '', failures) as Record<string, unknown>;
  return failures.length ? { ok: false, failures } : { ok: true, value };
};

const check = (schema: Schema, value: unknown, path: string, out: ConstraintFailure[]): unknown => {
  switch (schema.kind) {
    case 'structure':
      return checkStructure(schema, value, path, out);
    case 'list':
      return checkList(schema, value, path, out);
    case 'map':
      return checkMap(schema, value, path, out);
    case 'string':
      return checkString(schema, value, path, out);
    case 'integer':
    case 'long':
    case 'float':
    case 'double':
      return checkNumber(schema, value, path, out);
    case 'boolean':
      if (typeof value !== 'boolean') throw new InputTypeError(path, 'boolean');
      return value;
    case 'timestamp':
      return toDate(value, path);
    case 'blob':
      if (typeof value !== 'string' && !Buffer.isBuffer(value)) throw new InputTypeError(path, 'base64 blob');
      return typeof value === 'string' ? Buffer.from(value, 'base64') : value;
    case 'document':
      return value;
  }
};

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !Buffer.isBuffer(v) && !(v instanceof Date);

const checkStructure = (s: StructureSchema, value: unknown, path: string, out: ConstraintFailure[]) => {
  if (!isPlainObject(value)) throw new InputTypeError(path, 'structure');
  const clean: Record<string, unknown> = {};
  for (const [name, member] of Object.entries(s.members)) {
    const v = Object.hasOwn(value, name) ? value[name] : undefined;
    if (v === undefined || v === null) continue;
    clean[name] = check(member, v, memberPath(path, name), out);
  }
  for (const name of s.required) {
    if (clean[name] === undefined) {
      out.push({ path: memberPath(path, name), shown: 'null', constraint: 'Member must not be null', reason: 'INPUT_REQUIRED' });
    }
  }
  if (s.union && Object.keys(clean).length !== 1) {
    out.push({ path: path || 'input', shown: undefined, constraint: 'Exactly one member must be set', reason: 'INPUT_REQUIRED' });
  }
  return clean;
};

const sizeFailure = (
  n: number,
  min: number | undefined,
  max: number | undefined,
  what: 'length' | 'value',
): { constraint: string; reason: ConstraintReason } | undefined => {
  const unit = what === 'length' ? 'LENGTH' : 'VALUE';
  if (max !== undefined && n > max) {
    return { constraint: `Member must have ${what} less than or equal to ${max}`, reason: `MAX_${unit}_EXCEEDED` };
  }
  if (min !== undefined && n < min) {
    return { constraint: `Member must have ${what} greater than or equal to ${min}`, reason: `MIN_${unit}_EXCEEDED` };
  }
  return undefined;
};

const checkList = (s: ListSchema, value: unknown, path: string, out: ConstraintFailure[]) => {
  if (!Array.isArray(value)) throw new InputTypeError(path, 'list');
  const size = sizeFailure(value.length, s.min, s.max, 'length');
  if (size) out.push({ path, shown: undefined, ...size });
  return value.map((item, i) => {
    if (item === null || item === undefined) {
      out.push({ path: listItemPath(path, i), shown: 'null', constraint: 'Member must not be null', reason: 'INVALID_LIST_MEMBER' });
      return item;
    }
    return check(s.member, item, listItemPath(path, i), out);
  });
};

const checkMap = (s: MapSchema, value: unknown, path: string, out: ConstraintFailure[]) => {
  if (!isPlainObject(value)) throw new InputTypeError(path, 'map');
  const entries = Object.entries(value);
  const size = sizeFailure(entries.length, s.min, s.max, 'length');
  if (size) out.push({ path, shown: undefined, ...size });
  const clean: Record<string, unknown> = {};
  for (const [k, v] of entries) {
    check(s.key, k, `${path}.key`, out);
    if (v === null || v === undefined) continue;
    clean[k] = check(s.value, v, `${path}.${k}`, out);
  }
  return clean;
};

const checkString = (s: StringSchema, value: unknown, path: string, out: ConstraintFailure[]) => {
  if (typeof value !== 'string') throw new InputTypeError(path, 'string');
  const shown = s.sensitive ? undefined : `'${value}'`;
  const size = sizeFailure(value.length, s.min, s.max, 'length');
  if (size) {
    // An oversized value is not matched against the pattern: no regex runs over megabytes.
    out.push({ path, shown, ...size });
  } else if (s.enum && !s.enum.includes(value)) {
    out.push({ path, shown, constraint: `Member must satisfy enum value set: [${s.enum.join(', ')}]`, reason: 'INVALID_ENUM' });
  } else if (s.pattern && !s.pattern.test(value)) {
    out.push({ path, shown, constraint: `Member must satisfy regular expression pattern: ${s.patternSource}`, reason: 'INVALID_PATTERN' });
  }
  return value;
};

const checkNumber = (s: NumberSchema, value: unknown, path: string, out: ConstraintFailure[]) => {
  const integral = s.kind === 'integer' || s.kind === 'long';
  if (typeof value !== 'number' || !Number.isFinite(value) || (integral && !Number.isInteger(value))) {
    throw new InputTypeError(path, integral ? 'integer' : 'number');
  }
  if (s.kind === 'integer' && (value > 2147483647 || value < -2147483648)) throw new InputTypeError(path, 'integer');
  const range = sizeFailure(value, s.min, s.max, 'value');
  if (range) out.push({ path, shown: `'${value}'`, ...range });
  return value;
};

const toDate = (value: unknown, path: string): Date => {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value;
  const date = typeof value === 'number' ? new Date(value * 1000) : undefined;
  if (date && !Number.isNaN(date.getTime())) return date;
  throw new InputTypeError(path, 'timestamp');
};
