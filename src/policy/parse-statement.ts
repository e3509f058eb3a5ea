// One statement of a policy document.

import type { Effect, PrincipalBlock, PrincipalEntry, Statement, ValueList } from './ast.js';
import { PolicyParseError } from './policy-parse-error.js';
import { isPlainObject, stringList } from './parse-helpers.js';
import { parseConditions } from './parse-condition.js';

const ELEMENTS = new Set([
  'Sid',
  'Effect',
  'Principal',
  'NotPrincipal',
  'Action',
  'NotAction',
  'Resource',
  'NotResource',
  'Condition',
]);
const PRINCIPAL_TYPES = new Set(['AWS', 'Service', 'Federated', 'CanonicalUser']);

export function parseStatement(raw: unknown, index: number, path: string): Statement {
  if (!isPlainObject(raw)) throw new PolicyParseError('A statement must be a JSON object', path);
  for (const key of Object.keys(raw)) {
    if (!ELEMENTS.has(key)) throw new PolicyParseError(`Unknown statement element "${key}"`, `${path}.${key}`);
  }
  const sid = raw['Sid'];
  if (sid !== undefined && typeof sid !== 'string') throw new PolicyParseError('Sid must be a string', `${path}.Sid`);
  const action = pair(raw, 'Action', 'NotAction', path);
  if (!action) throw new PolicyParseError('A statement must have Action or NotAction', `${path}.Action`);
  return {
    kind: 'statement',
    index,
    sid,
    effect: parseEffect(raw['Effect'], `${path}.Effect`),
    principal: principalBlock(raw, path),
    action,
    resource: pair(raw, 'Resource', 'NotResource', path),
    conditions: raw['Condition'] === undefined ? [] : parseConditions(raw['Condition'], `${path}.Condition`),
    path,
  };
}

function parseEffect(value: unknown, path: string): Effect {
  if (value === undefined) throw new PolicyParseError('A statement must have an Effect', path);
  if (value !== 'Allow' && value !== 'Deny') throw new PolicyParseError('Effect must be "Allow" or "Deny"', path);
  return value;
}

/** `Action`/`NotAction` or `Resource`/`NotResource`: at most one of the two. */
function pair(raw: Record<string, unknown>, name: string, notName: string, path: string): ValueList | undefined {
  const has = raw[name] !== undefined;
  const hasNot = raw[notName] !== undefined;
  if (has && hasNot) throw new PolicyParseError(`A statement cannot have both ${name} and ${notName}`, `${path}.${notName}`);
  if (!has && !hasNot) return undefined;
  const key = has ? name : notName;
  const elementPath = `${path}.${key}`;
  const { values, single } = stringList(raw[key], elementPath, key);
  return { kind: 'values', not: hasNot, values, single, path: elementPath };
}

function principalBlock(raw: Record<string, unknown>, path: string): PrincipalBlock | undefined {
  const has = raw['Principal'] !== undefined;
  const hasNot = raw['NotPrincipal'] !== undefined;
  if (has && hasNot) throw new PolicyParseError('A statement cannot have both Principal and NotPrincipal', `${path}.NotPrincipal`);
  if (!has && !hasNot) return undefined;
  const key = has ? 'Principal' : 'NotPrincipal';
  const blockPath = `${path}.${key}`;
  const value = raw[key];
  let entries: PrincipalEntry[];
  if (value === '*') entries = [{ type: '*', values: ['*'], path: blockPath, single: true }];
  else if (isPlainObject(value)) entries = principalEntries(value, blockPath);
  else throw new PolicyParseError(`${key} must be "*" or an object such as {"AWS": ...}`, blockPath);
  return { kind: 'principal', not: hasNot, entries, path: blockPath };
}

function principalEntries(value: Record<string, unknown>, path: string): PrincipalEntry[] {
  const entries: PrincipalEntry[] = [];
  for (const [type, v] of Object.entries(value)) {
    const entryPath = `${path}.${type}`;
    if (!PRINCIPAL_TYPES.has(type)) throw new PolicyParseError(`Unknown principal type "${type}"`, entryPath);
    const { values, single } = stringList(v, entryPath, `${type} principal`);
    entries.push({ type: type as PrincipalEntry['type'], values, path: entryPath, single });
  }
  if (entries.length === 0) throw new PolicyParseError('A principal block must name at least one principal', path);
  return entries;
}
