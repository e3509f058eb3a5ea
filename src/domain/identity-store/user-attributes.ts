// The attribute paths UpdateUser accepts, and where each lands in the user's profile.
// `externalIds` is a Gatehouse addition: the model's CreateUser has no ExternalIds member, so
// this is how an administrator (or a provisioning tool) links a user to an IdP identity.

import {
  addressesValue,
  emailsValue,
  externalIdsValue,
  nameValue,
  phoneNumbersValue,
  sensitiveString,
  userNameString,
} from './attribute-values.js';
import { EXTERNAL_IDS_MEMBER, type AttributeTable } from './update-operations.js';

const NAME_PARTS = ['formatted', 'familyName', 'givenName', 'middleName', 'honorificPrefix', 'honorificSuffix'];
const STRINGS = ['displayName', 'nickName', 'profileUrl', 'userType', 'title', 'preferredLanguage', 'locale', 'timezone'];

const pascal = (s: string) => s[0]!.toUpperCase() + s.slice(1);

export const USER_ATTRIBUTES: AttributeTable = {
  userName: { member: 'UserName', check: userNameString },
  name: { member: 'Name', check: nameValue },
  ...Object.fromEntries(NAME_PARTS.map((p) => [`name.${p}`, { member: 'Name', sub: pascal(p), check: sensitiveString }])),
  ...Object.fromEntries(STRINGS.map((p) => [p, { member: pascal(p), check: sensitiveString }])),
  emails: { member: 'Emails', check: emailsValue },
  addresses: { member: 'Addresses', check: addressesValue },
  phoneNumbers: { member: 'PhoneNumbers', check: phoneNumbersValue },
  externalIds: { member: EXTERNAL_IDS_MEMBER, check: externalIdsValue },
};
