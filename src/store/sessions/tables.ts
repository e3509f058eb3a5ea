// The tables of portal sessions and sso-oidc. Secrets appear only as SHA-256 hex hashes; times
// are epoch milliseconds; lists are JSON text.

export interface PortalSessionTable {
  session_id: string;
  token_hash: string;
  stage: string;
  user_id: string | null;
  user_name: string | null;
  mfa_enrollment_id: string | null;
  must_change_password: number;
  user_code_failures: number;
  created_at: number;
  authenticated_at: number | null;
  expires_at: number;
  ended_at: number | null;
}

export interface OidcClientTable {
  client_id: string;
  secret_hash: string;
  client_name: string;
  client_type: string;
  scopes: string;
  grant_types: string;
  redirect_uris: string;
  issuer_url: string | null;
  created_at: number;
  expires_at: number;
}

export interface OidcDeviceTable {
  device_code_hash: string;
  user_code: string;
  client_id: string;
  scopes: string;
  status: string;
  session_id: string | null;
  interval_seconds: number;
  last_polled_at: number | null;
  created_at: number;
  expires_at: number;
}

export interface OidcCodeTable {
  code_hash: string;
  client_id: string;
  redirect_uri: string;
  code_challenge: string;
  session_id: string;
  scopes: string;
  family_id: string | null;
  created_at: number;
  expires_at: number;
  used_at: number | null;
}

export interface OidcFamilyTable {
  family_id: string;
  client_id: string;
  session_id: string;
  user_id: string;
  scopes: string;
  created_at: number;
  revoked_at: number | null;
}

export interface OidcTokenTable {
  token_hash: string;
  kind: string;
  family_id: string;
  created_at: number;
  expires_at: number;
  used_at: number | null;
}

export interface SessionsTables {
  portal_session: PortalSessionTable;
  oidc_client: OidcClientTable;
  oidc_device: OidcDeviceTable;
  oidc_code: OidcCodeTable;
  oidc_token_family: OidcFamilyTable;
  oidc_token: OidcTokenTable;
}
