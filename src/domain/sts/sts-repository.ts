// The STS persistence port: only the per-role revocation cut-off. Everything else about a
// session travels in its sealed token.

export interface RoleRevocation {
  /** `AROA…`: the cut-off belongs to this role, not to a later role of the same name. */
  readonly roleId: string;
  readonly accountId: string;
  readonly roleName: string;
  /** Sessions issued before this time (epoch ms) are denied. */
  readonly revokedBefore: number;
  readonly updatedAt: number;
}

export interface StsRepository {
  getRoleRevocation(roleId: string): Promise<RoleRevocation | undefined>;
  /** Creates or moves the cut-off forward; an earlier cut-off than the stored one is ignored. */
  putRoleRevocation(revocation: RoleRevocation): Promise<void>;
}
