// ExternalId: an identifier issued to a user or group by an external identity provider.
// Unique per identity store by (Issuer, Id).

export interface ExternalId {
  readonly Issuer: string;
  readonly Id: string;
}

/** The model's `ExternalIds` list bounds. */
export const MAX_EXTERNAL_IDS = 10;
