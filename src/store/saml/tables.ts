// The SAML identity provider's tables: the instance's signing keys and the replay memory of
// AssumeRoleWithSAML. Times are epoch milliseconds.

export interface SamlSigningKeyTable {
  key_id: string;
  state: string;
  /** 'current' or 'next' while the key holds that role, else null: unique, so one of each. */
  slot: string | null;
  certificate_pem: string;
  sealed_private_key: string;
  not_after: number;
  created_at: number;
  activate_after: number | null;
  activated_at: number | null;
  retired_at: number | null;
  publish_until: number | null;
}

export interface SamlReplayTable {
  /** SHA-256 hex of the provider, issuer and assertion id. */
  replay_key: string;
  expires_at: number;
}

export interface SamlTables {
  saml_signing_key: SamlSigningKeyTable;
  saml_replay: SamlReplayTable;
}
