// `${path:...}` in value templates: a path into the identity store user, written as the
// Identity Store writes attribute paths (`name.givenName`, `emails.value`, `title`,
// `addresses.locality`), compared without regard to case. A list member gives its primary
// entry, else its first. `enterprise.<attribute>` reads the SCIM enterprise extension
// (`aws:identitystore:enterprise`, e.g. `enterprise.department`) when the user record carries
// one; Gatehouse's identitystore model (2020-06-15) has no Extensions yet, so today such a path
// resolves to nothing and the attribute is left out.

import type { User } from '../identity-store/user.js';

const NAME_KEYS = ['formatted', 'familyName', 'givenName', 'middleName', 'honorificPrefix', 'honorificSuffix'];
const EMAIL_KEYS = ['value', 'type', 'primary'];
const ADDRESS_KEYS = ['streetAddress', 'locality', 'region', 'postalCode', 'country', 'formatted', 'type', 'primary'];
const ENTERPRISE_KEYS = ['employeeNumber', 'costCenter', 'organization', 'division', 'department', 'manager'];
const ENTERPRISE_EXTENSION = 'aws:identitystore:enterprise';

/** Each path root: its profile member, whether it is a list, and the keys under it (none for text). */
const ROOTS: Record<string, { member: string; list: boolean; keys: readonly string[] }> = {
  username: { member: 'UserName', list: false, keys: [] },
  name: { member: 'Name', list: false, keys: NAME_KEYS },
  displayname: { member: 'DisplayName', list: false, keys: [] },
  nickname: { member: 'NickName', list: false, keys: [] },
  profileurl: { member: 'ProfileUrl', list: false, keys: [] },
  emails: { member: 'Emails', list: true, keys: EMAIL_KEYS },
  addresses: { member: 'Addresses', list: true, keys: ADDRESS_KEYS },
  phonenumbers: { member: 'PhoneNumbers', list: true, keys: EMAIL_KEYS },
  usertype: { member: 'UserType', list: false, keys: [] },
  title: { member: 'Title', list: false, keys: [] },
  preferredlanguage: { member: 'PreferredLanguage', list: false, keys: [] },
  locale: { member: 'Locale', list: false, keys: [] },
  timezone: { member: 'Timezone', list: false, keys: [] },
  enterprise: { member: 'Extensions', list: false, keys: ENTERPRISE_KEYS },
};

const findKey = (keys: readonly string[], key: string) => keys.find((k) => k.toLowerCase() === key.toLowerCase());

/** Why the path is not one a user record has, or undefined when it is. */
export function checkUserPath(path: string): string | undefined {
  const [root, key, extra] = path.split('.');
  const spec = ROOTS[(root ?? '').toLowerCase()];
  const roots = Object.values(ROOTS).map((r) => (r.member === 'Extensions' ? 'enterprise' : r.member[0]!.toLowerCase() + r.member.slice(1)));
  if (!spec) return `the user record has no attribute ${root || '(empty)'} (known: ${roots.join(', ')})`;
  if (extra !== undefined) return 'a path has at most two parts';
  if (spec.keys.length === 0) return key === undefined ? undefined : `${root} has no parts`;
  if (key === undefined || !findKey(spec.keys, key)) return `name one of ${root}'s parts: ${spec.keys.map((k) => `${root}.${k}`).join(', ')}`;
  return undefined;
}

const text = (v: unknown): string | undefined =>
  typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;

/** Reads `key` of a record whose member names are PascalCase (the model) or camelCase (SCIM). */
const member = (record: unknown, key: string): unknown => {
  if (record === null || typeof record !== 'object') return undefined;
  const found = Object.keys(record).find((k) => k.toLowerCase() === key.toLowerCase());
  return found === undefined ? undefined : (record as Record<string, unknown>)[found];
};

/** The value at a path checked by checkUserPath, or undefined when the user has none. */
export function resolveUserPath(user: User, path: string): string | undefined {
  const [root, key] = path.split('.');
  const spec = ROOTS[root!.toLowerCase()]!;
  if (spec.member === 'Extensions') {
    const value = member(member(member(user.profile, 'Extensions'), ENTERPRISE_EXTENSION), key!);
    // SCIM writes the manager as { value: <id> }.
    return text(key!.toLowerCase() === 'manager' ? member(value, 'value') ?? value : value);
  }
  let value = member(user.profile, spec.member);
  if (spec.list) {
    const list = Array.isArray(value) ? value : [];
    value = list.find((e) => member(e, 'Primary') === true) ?? list[0];
  }
  return text(key === undefined ? value : member(value, key));
}
