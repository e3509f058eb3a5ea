// STS's tables: the per-role cut-off of "Revoke active sessions".

export interface StsRoleRevocationTable {
  /** The role's unique id (`AROA…`): a role deleted and created again starts clean, as in AWS. */
  role_id: string;
  account_id: string;
  role_name: string;
  /** Sessions issued before this time (epoch ms) are denied. */
  revoked_before: number;
  updated_at: number;
}

export interface StsTables {
  sts_role_revocation: StsRoleRevocationTable;
}
