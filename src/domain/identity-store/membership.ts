// A group membership: a user (the only kind of member the model's MemberId union has) in a group.

import { invalid } from './errors.js';

export interface Membership {
  readonly identityStoreId: string;
  readonly membershipId: string;
  readonly groupId: string;
  readonly userId: string;
  /** Epoch milliseconds. */
  readonly createdAt: number;
}

/** The model's `MemberId` union. */
export interface MemberId {
  readonly UserId?: string;
}

/** The user a `MemberId` names. */
export const memberUserId = (memberId: MemberId | undefined): string => {
  const userId = memberId?.UserId;
  if (typeof userId !== 'string' || userId.length === 0) throw invalid('MemberId', 'MemberId must name a UserId.');
  return userId;
};
