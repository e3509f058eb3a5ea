// A user of the identity store. The profile uses the model's member names (`User` shape), so
// the wire adapter and the update operations speak the same names as the API.

import type { ExternalId } from './external-id.js';
import { invalid } from './errors.js';

export interface Name {
  readonly Formatted?: string;
  readonly FamilyName?: string;
  readonly GivenName?: string;
  readonly MiddleName?: string;
  readonly HonorificPrefix?: string;
  readonly HonorificSuffix?: string;
}

export interface Email {
  readonly Value?: string;
  readonly Type?: string;
  readonly Primary?: boolean;
}

export interface Address {
  readonly StreetAddress?: string;
  readonly Locality?: string;
  readonly Region?: string;
  readonly PostalCode?: string;
  readonly Country?: string;
  readonly Formatted?: string;
  readonly Type?: string;
  readonly Primary?: boolean;
}

export interface PhoneNumber {
  readonly Value?: string;
  readonly Type?: string;
  readonly Primary?: boolean;
}

/** Every attribute of the model's `User` except its identifiers and ExternalIds. */
export interface UserProfile {
  readonly UserName?: string;
  readonly Name?: Name;
  readonly DisplayName?: string;
  readonly NickName?: string;
  readonly ProfileUrl?: string;
  readonly Emails?: readonly Email[];
  readonly Addresses?: readonly Address[];
  readonly PhoneNumbers?: readonly PhoneNumber[];
  readonly UserType?: string;
  readonly Title?: string;
  readonly PreferredLanguage?: string;
  readonly Locale?: string;
  readonly Timezone?: string;
}

export const USER_PROFILE_MEMBERS = [
  'UserName',
  'Name',
  'DisplayName',
  'NickName',
  'ProfileUrl',
  'Emails',
  'Addresses',
  'PhoneNumbers',
  'UserType',
  'Title',
  'PreferredLanguage',
  'Locale',
  'Timezone',
] as const satisfies readonly (keyof UserProfile)[];

export interface User {
  readonly identityStoreId: string;
  readonly userId: string;
  readonly profile: UserProfile;
  readonly externalIds: readonly ExternalId[];
  /** Epoch milliseconds. */
  readonly createdAt: number;
  readonly updatedAt: number;
  /** Bumped by every update; guards read-modify-write against concurrent updates. */
  readonly version: number;
}

/** The profile members of a model-shaped input, without the absent ones. */
export const pickUserProfile = (input: Readonly<Record<string, unknown>>): UserProfile => {
  const out: Record<string, unknown> = {};
  for (const member of USER_PROFILE_MEMBERS) if (input[member] !== undefined && input[member] !== null) out[member] = input[member];
  return out as UserProfile;
};

/**
 * The attributes the Identity Store requires of every user (beyond the model, which marks
 * none of them required): userName, displayName, name.givenName and name.familyName.
 */
export const checkUserRequired = (p: UserProfile): void => {
  if (!p.UserName) throw invalid('UserName', 'userName is a required attribute');
  const missing: string[] = [];
  if (!p.DisplayName) missing.push('displayName');
  if (!p.Name) missing.push('name');
  else {
    if (!p.Name.GivenName) missing.push('name.givenName');
    if (!p.Name.FamilyName) missing.push('name.familyName');
  }
  if (missing.length > 0) {
    throw invalid(missing[0]!, missing.map((a) => `${a}: The attribute ${a} is required`).join(', '));
  }
};

/** The address GetUserId's `emails.value` finds the user by: the primary email, else the first. */
export const primaryEmail = (p: UserProfile): string | undefined =>
  (p.Emails?.find((e) => e.Primary === true) ?? p.Emails?.[0])?.Value;
