// How a user or group is found other than by its id. User names, group display names and email
// addresses compare without regard to case (the store folds them); external ids exactly.

export type UserLookup =
  | { readonly kind: 'userName'; readonly value: string }
  | { readonly kind: 'email'; readonly value: string }
  | { readonly kind: 'externalId'; readonly issuer: string; readonly id: string };

export type GroupLookup =
  | { readonly kind: 'displayName'; readonly value: string }
  | { readonly kind: 'externalId'; readonly issuer: string; readonly id: string };
