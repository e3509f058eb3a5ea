// Small helpers shared by the parser files.

import { PolicyParseError } from './policy-parse-error.js';

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/** A string or a list of strings; `single` says which the JSON held. */
export function stringList(value: unknown, path: string, what: string): { values: string[]; single: boolean } {
  if (typeof value === 'string') return { values: [value], single: true };
  if (Array.isArray(value)) {
    value.forEach((v, i) => {
      if (typeof v !== 'string') throw new PolicyParseError(`${what} values must be strings`, `${path}[${i}]`);
    });
    return { values: [...(value as string[])], single: false };
  }
  throw new PolicyParseError(`${what} must be a string or an array of strings`, path);
}
