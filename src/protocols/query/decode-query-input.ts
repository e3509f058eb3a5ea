// Rebuilds a model-shaped input from the query protocol's flat parameters, guided by the schema:
// `Tags.member.1.Key`, `PolicyArns.member.1.arn`, `Attributes.entry.1.key`, flattened lists as
// `Name.1`. Scalars are typed here (the wire only has strings); a value that is not of its type
// is an InputTypeError, like a wrong JSON type.

import type { ListSchema, MapSchema, Schema, StructureSchema } from '../model/schema.js';
import { InputTypeError } from '../model/validate-input.js';

type Params = ReadonlyMap<string, string>;

/** Indices N present under `prefix.N` or `prefix.N.…`, ascending. */
const indicesUnder = (params: Params, prefix: string): number[] => {
  const found = new Set<number>();
  for (const name of params.keys()) {
    if (!name.startsWith(prefix)) continue;
    const m = /^(\d{1,9})(?:\.|$)/.exec(name.slice(prefix.length));
    if (m) found.add(Number(m[1]));
  }
  return [...found].sort((a, b) => a - b);
};

const hasUnder = (params: Params, key: string): boolean => {
  if (params.has(key)) return true;
  for (const name of params.keys()) if (name.startsWith(`${key}.`)) return true;
  return false;
};

const decodeStructure = (s: StructureSchema, params: Params, prefix: string): Record<string, unknown> => {
  const out: Record<string, unknown> = {};
  for (const [name, member] of Object.entries(s.members)) {
    const key = `${prefix}${name}`;
    if (!hasUnder(params, key)) continue;
    out[name] = decodeValue(member, params, key);
  }
  return out;
};

const decodeList = (s: ListSchema, params: Params, key: string): unknown[] => {
  const base = s.flattened ? `${key}.` : `${key}.${s.memberName}.`;
  return indicesUnder(params, base).map((i) => decodeValue(s.member, params, `${base}${i}`));
};

const decodeMap = (s: MapSchema, params: Params, key: string): Record<string, unknown> => {
  const out: Record<string, unknown> = {};
  for (const i of indicesUnder(params, `${key}.entry.`)) {
    const k = params.get(`${key}.entry.${i}.key`);
    if (k === undefined) continue;
    out[k] = decodeValue(s.value, params, `${key}.entry.${i}.value`);
  }
  return out;
};

const decodeScalar = (s: Schema, raw: string, key: string): unknown => {
  switch (s.kind) {
    case 'integer':
    case 'long':
      if (!/^-?\d{1,16}$/.test(raw)) throw new InputTypeError(key, 'integer');
      return Number(raw);
    case 'float':
    case 'double':
      if (raw.trim() === '' || !Number.isFinite(Number(raw))) throw new InputTypeError(key, 'number');
      return Number(raw);
    case 'boolean':
      if (raw !== 'true' && raw !== 'false') throw new InputTypeError(key, 'boolean');
      return raw === 'true';
    case 'timestamp': {
      const ms = /^\d{4}-\d{2}-\d{2}T/.test(raw) ? Date.parse(raw) : NaN;
      if (Number.isNaN(ms)) throw new InputTypeError(key, 'timestamp');
      return new Date(ms);
    }
    case 'blob':
      return Buffer.from(raw, 'base64');
    default:
      return raw;
  }
};

const decodeValue = (s: Schema, params: Params, key: string): unknown => {
  switch (s.kind) {
    case 'structure':
      return decodeStructure(s, params, `${key}.`);
    case 'list':
      return decodeList(s, params, key);
    case 'map':
      return decodeMap(s, params, key);
    case 'document':
      return params.get(key);
    default: {
      const raw = params.get(key);
      if (raw === undefined) throw new InputTypeError(key, s.kind);
      return decodeScalar(s, raw, key);
    }
  }
};

export const decodeQueryInput = (schema: Schema, params: Params): Record<string, unknown> =>
  schema.kind === 'structure' ? decodeStructure(schema, params, '') : {};
