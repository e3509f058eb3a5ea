// The persistence port of retention: deleting sign-in material nothing can use any more, a
// bounded batch at a time, so one sweep never holds a long lock.

/** What a sweep deletes, in the order it deletes it (tokens before the families they empty). */
export const PURGE_KINDS = ['sessions', 'deviceAuthorizations', 'authorizationCodes', 'tokens', 'tokenFamilies', 'clients'] as const;

export type PurgeKind = (typeof PURGE_KINDS)[number];

export interface RetentionRepository {
  /**
   * Deletes at most `limit` rows of `kind` and answers how many it deleted:
   * - sessions: ended or expired before `before`;
   * - deviceAuthorizations, authorizationCodes, clients: expired before `before`;
   * - tokens: expired before `before`, or whose family no longer exists;
   * - tokenFamilies: created before `before`, whose portal session no longer exists (a refresh
   *   needs a live session) and that have no tokens left.
   */
  purge(kind: PurgeKind, before: number, limit: number): Promise<number>;
}
