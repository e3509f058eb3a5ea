// Tables of the identity store. Structured attributes are JSON text (one code path for SQLite
// and PostgreSQL); what is searched or unique is a real column. `*_key` columns hold the
// SHA-256 of the case-folded value (fixed width, so any length indexes on both databases).
// Times are epoch milliseconds.

export interface IdentityStoreUserTable {
  user_id: string;
  identity_store_id: string;
  user_name: string;
  user_name_key: string;
  /** Key of the primary (else first) email address; null when the user has none. */
  email_key: string | null;
  /** The profile (model member names) as JSON. */
  attributes: string;
  created_at: number;
  updated_at: number;
  version: number;
}

export interface IdentityStoreGroupTable {
  group_id: string;
  identity_store_id: string;
  display_name: string;
  display_name_key: string;
  attributes: string;
  created_at: number;
  updated_at: number;
  version: number;
}

export interface IdentityStoreExternalIdTable {
  identity_store_id: string;
  issuer: string;
  external_id: string;
  /** `USER` or `GROUP`. */
  resource_type: string;
  resource_id: string;
  /** Order within the resource's ExternalIds list. */
  position: number;
}

export interface IdentityStoreMembershipTable {
  membership_id: string;
  identity_store_id: string;
  group_id: string;
  user_id: string;
  created_at: number;
}

export interface IdentityStoreTables {
  identity_store_user: IdentityStoreUserTable;
  identity_store_group: IdentityStoreGroupTable;
  identity_store_external_id: IdentityStoreExternalIdTable;
  identity_store_membership: IdentityStoreMembershipTable;
}
