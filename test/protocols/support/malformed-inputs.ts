// Generators of inputs that are certainly invalid for an operation's schema: a wrong type, a
// value over its limit, or a required member missing. Each returns undefined when the schema
// gives it nothing to break.

import type { Schema, StructureSchema } from '../../../src/protocols/model/schema.js';
import type { SeededRandom } from './seeded-random.js';

type Obj = Record<string, unknown>;

const wrongJsonValue = (s: Schema, r: SeededRandom): unknown => {
  switch (s.kind) {
    case 'string':
      return r.pick([42, true, { a: 1 }, ['x']]);
    case 'integer':
    case 'long':
      return r.pick(['12', 1.5, true, { n: 1 }]);
    case 'float':
    case 'double':
      return r.pick(['1.0', false, [1]]);
    case 'boolean':
      return r.pick(['true', 0, {}]);
    case 'timestamp':
      return r.pick(['yesterday', {}, [1]]);
    case 'blob':
      return r.pick([1, {}, true]);
    case 'structure':
    case 'map':
      return r.pick(['x', 1, [{}]]);
    case 'list':
      return r.pick(['x', 1, { a: [] }]);
    case 'document':
      return undefined;
  }
};

const members = (s: StructureSchema) => Object.entries(s.members).filter(([, m]) => m.kind !== 'document');

export const withWrongType = (s: StructureSchema, r: SeededRandom): Obj | undefined => {
  const all = members(s);
  if (!all.length) return undefined;
  const [name, schema] = r.pick(all);
  return { [name]: wrongJsonValue(schema, r) };
};

/** A value over a declared maximum (string length, list length, number). */
export const withOversize = (s: StructureSchema, r: SeededRandom): Obj | undefined => {
  const limited = members(s).filter(([, m]) => 'max' in m && m.max !== undefined && m.max < 70000);
  if (!limited.length) return undefined;
  const [name, m] = r.pick(limited);
  const max = (m as { max: number }).max;
  if (m.kind === 'string') return { [name]: 'a'.repeat(max + 1 + r.int(50)) };
  if (m.kind === 'list') return { [name]: Array.from({ length: max + 1 }, () => null) };
  if (m.kind === 'integer' || m.kind === 'long') return { [name]: max + 1 + r.int(1000) };
  return undefined;
};

/** Unknown members only, on an operation with required members: missing-required is certain. */
export const withUnknownOnly = (s: StructureSchema, r: SeededRandom): Obj | undefined => {
  if (!s.required.length) return undefined;
  return { [`Unknown${r.int(1000)}`]: r.string(20), __proto__x: { polluted: true } };
};

/** Some required member left out (others filled with plausible strings). */
export const withMissingRequired = (s: StructureSchema, r: SeededRandom): Obj | undefined => {
  if (!s.required.length) return undefined;
  const drop = r.pick(s.required);
  const out: Obj = {};
  for (const name of s.required) if (name !== drop) out[name] = 'x';
  return out;
};
