// The tables of SAML applications and their assignments. Times are epoch milliseconds; the
// attribute mappings and an assignment's AWS roles are JSON text, so both back ends run the
// same queries.

export interface ApplicationTable {
  application_id: string;
  name: string;
  /** The name in lower case: names are unique without regard to case. */
  name_key: string;
  description: string | null;
  template: string;
  acs_url: string;
  audience: string;
  name_id_format: string;
  name_id_source: string;
  /** JSON: [{ name, value }]. */
  attribute_mappings: string;
  session_duration: string;
  relay_state: string | null;
  /** 0 or 1: portable across SQLite and PostgreSQL. */
  require_signed_authn_requests: number;
  sp_certificate_pem: string | null;
  sign_response: number;
  created_at: number;
  updated_at: number;
}

export interface ApplicationAssignmentTable {
  application_id: string;
  principal_type: string;
  principal_id: string;
  /** JSON: [{ roleArn, providerArn }]. */
  aws_roles: string;
  created_at: number;
}

export interface ApplicationsTables {
  application: ApplicationTable;
  application_assignment: ApplicationAssignmentTable;
}
