// Attributes for access control: each configured key becomes a session tag whose value is
// read from the user's profile by its `${path:...}` source (e.g. `${path:userName}`,
// `${path:name.familyName}`, `${path:emails[primary eq true].value}`). A missing value
// sets no tag, as in Identity Center.

import type { SessionTag } from '../sts/role-session.js';
import type { AccessControlAttribute } from '../permission-sets/access-control-attributes.js';

const SOURCE = /^\$\{path:([A-Za-z0-9_.\[\] ]+)\}$/;
const SEGMENT = /^([A-Za-z0-9_]+)(?:\[(\w+) eq (\w+)\])?$/;

const member = (obj: unknown, name: string): unknown => {
  if (obj === null || typeof obj !== 'object') return undefined;
  const key = Object.keys(obj).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : (obj as Record<string, unknown>)[key];
};

/** The value at `path` in the profile, when it is a string, number or boolean. */
export const attributeValue = (profile: unknown, source: string): string | undefined => {
  const path = SOURCE.exec(source.trim())?.[1];
  if (!path) return undefined;
  let at: unknown = profile;
  for (const segment of path.split('.')) {
    const m = SEGMENT.exec(segment);
    if (!m) return undefined;
    at = member(at, m[1]!);
    if (m[2] !== undefined) {
      if (!Array.isArray(at)) return undefined;
      at = at.find((item) => String(member(item, m[2]!)).toLowerCase() === m[3]!.toLowerCase());
    }
  }
  return typeof at === 'string' || typeof at === 'number' || typeof at === 'boolean' ? String(at) : undefined;
};

export const accessControlTags = (profile: unknown, attributes: readonly AccessControlAttribute[]): SessionTag[] =>
  attributes.flatMap((a) => {
    const value = a.source[0] === undefined ? undefined : attributeValue(profile, a.source[0]);
    // Session tag values are at most 256 characters.
    return value === undefined || value === '' ? [] : [{ key: a.key, value: value.slice(0, 256) }];
  });
