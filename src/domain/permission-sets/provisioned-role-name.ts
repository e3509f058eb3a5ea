// Where a permission set lives in an account (DESIGN.md, "Provisioned roles"): the role's name
// and path, fixed for the life of the permission set.

import type { PermissionSet } from './permission-set.js';

/** `AWSReservedSSO_{PermissionSetName}_{16 hex}`: at most 15 + 32 + 1 + 16 = 64 characters. */
export const provisionedRoleName = (ps: Pick<PermissionSet, 'name' | 'roleSuffix'>): string =>
  `AWSReservedSSO_${ps.name}_${ps.roleSuffix}`;

/** `/aws-reserved/sso.amazonaws.com/`, plus `{region}/` outside us-east-1. */
export const provisionedRolePath = (homeRegion: string): string =>
  homeRegion === 'us-east-1' ? '/aws-reserved/sso.amazonaws.com/' : `/aws-reserved/sso.amazonaws.com/${homeRegion}/`;
