// Checks the profile of a create call against the model's member constraints. The wire adapter
// has done so already; this also guards direct callers (seeding, other services).

import {
  addressesValue,
  emailsValue,
  externalIdsValue,
  groupDisplayNameString,
  nameValue,
  phoneNumbersValue,
  sensitiveString,
  userNameString,
  type ValueCheck,
} from './attribute-values.js';
import type { ExternalId } from './external-id.js';
import type { GroupProfile } from './group.js';
import type { UserProfile } from './user.js';

const USER_MEMBERS: Readonly<Record<keyof UserProfile, ValueCheck>> = {
  UserName: userNameString,
  Name: nameValue,
  DisplayName: sensitiveString,
  NickName: sensitiveString,
  ProfileUrl: sensitiveString,
  Emails: emailsValue,
  Addresses: addressesValue,
  PhoneNumbers: phoneNumbersValue,
  UserType: sensitiveString,
  Title: sensitiveString,
  PreferredLanguage: sensitiveString,
  Locale: sensitiveString,
  Timezone: sensitiveString,
};

const GROUP_MEMBERS: Readonly<Record<keyof GroupProfile, ValueCheck>> = {
  DisplayName: groupDisplayNameString,
  Description: sensitiveString,
};

const checkMembers = <P>(members: Readonly<Record<string, ValueCheck>>, profile: P): P => {
  const out: Record<string, unknown> = {};
  for (const [member, check] of Object.entries(members)) {
    const v = (profile as Record<string, unknown>)[member];
    if (v !== undefined && v !== null) out[member] = check(member, v);
  }
  return out as P;
};

export const checkUserProfile = (p: UserProfile): UserProfile => checkMembers(USER_MEMBERS, p);
export const checkGroupProfile = (p: GroupProfile): GroupProfile => checkMembers(GROUP_MEMBERS, p);
export const checkExternalIds = (ids: readonly ExternalId[] | undefined): ExternalId[] =>
  ids === undefined || ids.length === 0 ? [] : (externalIdsValue('ExternalIds', ids) as ExternalId[]);
