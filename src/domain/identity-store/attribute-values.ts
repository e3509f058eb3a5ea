// Checks of AttributeValue documents. The protocol layer validates typed members against the
// model, but an AttributeValue is a free JSON document, so the same constraints the model puts
// on the typed members are applied here. Object keys are accepted in either case of their first
// letter (`givenName` or `GivenName`) and come out with the model's member names.

import type { ExternalId } from './external-id.js';
import { MAX_EXTERNAL_IDS } from './external-id.js';
import { invalid } from './errors.js';

export type ValueCheck = (path: string, value: unknown) => unknown;

const SENSITIVE_STRING = /^[\p{L}\p{M}\p{S}\p{N}\p{P}\t\n\r \u00a0\u3000]+$/u;
const USER_NAME = /^[\p{L}\p{M}\p{S}\p{N}\p{P}]+$/u;
const GROUP_DISPLAY_NAME = /^[\p{L}\p{M}\p{S}\p{N}\p{P}\t\n\r \u00a0]+$/u;
const EXTERNAL_ID_PART = /^[\p{L}\p{M}\p{S}\p{N}\p{P}]+$/u;

const bad = (path: string, what: string) => invalid(path, `Invalid value for AttributePath ${path}: ${what}`);

const stringOf =
  (max: number, pattern: RegExp): ValueCheck =>
  (path, value) => {
    if (typeof value !== 'string') throw bad(path, 'expected a string');
    if (value.length < 1 || value.length > max) throw bad(path, `length must be between 1 and ${max}`);
    if (!pattern.test(value)) throw bad(path, 'contains characters that are not allowed');
    return value;
  };

/** The model's SensitiveStringType: 1..1024 printable characters. */
export const sensitiveString: ValueCheck = stringOf(1024, SENSITIVE_STRING);
/** The model's UserName: 1..128 characters, no white space. */
export const userNameString: ValueCheck = stringOf(128, USER_NAME);
/** The model's GroupDisplayName: 1..1024 characters. */
export const groupDisplayNameString: ValueCheck = stringOf(1024, GROUP_DISPLAY_NAME);

export const booleanValue: ValueCheck = (path, value) => {
  if (typeof value !== 'boolean') throw bad(path, 'expected a boolean');
  return value;
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** An object with the given members (all optional unless listed in `required`). */
export const structure =
  (members: Readonly<Record<string, ValueCheck>>, required: readonly string[] = []): ValueCheck =>
  (path, value) => {
    if (!isObject(value)) throw bad(path, 'expected an object');
    const byLower = new Map(Object.keys(members).map((m) => [m.toLowerCase(), m]));
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      const member = byLower.get(key.toLowerCase());
      if (!member) throw bad(path, `unknown member ${key}`);
      if (v === null || v === undefined) continue;
      out[member] = members[member]!(`${path}.${key}`, v);
    }
    for (const r of required) if (out[r] === undefined) throw bad(path, `${r} is required`);
    if (Object.keys(out).length === 0 && required.length === 0) throw bad(path, 'expected at least one member');
    return out;
  };

export const listOf =
  (item: ValueCheck, min: number, max: number): ValueCheck =>
  (path, value) => {
    if (!Array.isArray(value)) throw bad(path, 'expected a list');
    if (value.length < min || value.length > max) throw bad(path, `must have between ${min} and ${max} items`);
    return value.map((v, i) => item(`${path}[${i}]`, v));
  };

export const nameValue = structure({
  Formatted: sensitiveString,
  FamilyName: sensitiveString,
  GivenName: sensitiveString,
  MiddleName: sensitiveString,
  HonorificPrefix: sensitiveString,
  HonorificSuffix: sensitiveString,
});

const emailLike = structure({ Value: sensitiveString, Type: sensitiveString, Primary: booleanValue });

/** Emails and PhoneNumbers: the model allows exactly one item. */
export const emailsValue = listOf(emailLike, 1, 1);
export const phoneNumbersValue = listOf(emailLike, 1, 1);
export const addressesValue = listOf(
  structure({
    StreetAddress: sensitiveString,
    Locality: sensitiveString,
    Region: sensitiveString,
    PostalCode: sensitiveString,
    Country: sensitiveString,
    Formatted: sensitiveString,
    Type: sensitiveString,
    Primary: booleanValue,
  }),
  1,
  1,
);

const issuerString: ValueCheck = (path, value) => {
  const s = stringOf(100, EXTERNAL_ID_PART)(path, value) as string;
  if (/^(arn|aws):/i.test(s)) throw bad(path, 'an Issuer may not begin with arn: or aws:');
  return s;
};

export const externalIdValue = structure({ Issuer: issuerString, Id: stringOf(256, EXTERNAL_ID_PART) }, ['Issuer', 'Id']);

/** A list of ExternalId: 1..10 items, no two alike. */
export const externalIdsValue: ValueCheck = (path, value) => {
  const ids = listOf(externalIdValue, 1, MAX_EXTERNAL_IDS)(path, value) as ExternalId[];
  const seen = new Set<string>();
  for (const e of ids) {
    const k = JSON.stringify([e.Issuer, e.Id]);
    if (seen.has(k)) throw bad(path, 'duplicate ExternalId');
    seen.add(k);
  }
  return ids;
};
