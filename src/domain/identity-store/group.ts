// A group of the identity store: a display name unique in the store, and a description.

import type { ExternalId } from './external-id.js';
import { invalid } from './errors.js';

/** Every attribute of the model's `Group` except its identifiers and ExternalIds. */
export interface GroupProfile {
  readonly DisplayName?: string;
  readonly Description?: string;
}

export interface Group {
  readonly identityStoreId: string;
  readonly groupId: string;
  readonly profile: GroupProfile;
  readonly externalIds: readonly ExternalId[];
  /** Epoch milliseconds. */
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly version: number;
}

export const pickGroupProfile = (input: Readonly<Record<string, unknown>>): GroupProfile => {
  const out: Record<string, unknown> = {};
  for (const member of ['DisplayName', 'Description'] as const) {
    if (input[member] !== undefined && input[member] !== null) out[member] = input[member];
  }
  return out as GroupProfile;
};

/** A group must have a display name: it is the group's unique attribute. */
export const checkGroupRequired = (p: GroupProfile): void => {
  if (!p.DisplayName) throw invalid('DisplayName', 'displayName is a required attribute');
};
