// The persistence port of permission sets and of the instance's access control attributes.

import type { PermissionSet } from './permission-set.js';
import type { AccessControlAttributeConfiguration } from './access-control-attributes.js';

export interface PermissionSetRepository {
  /** Throws a Conflict when the instance has a permission set of that name. */
  insertPermissionSet(permissionSet: PermissionSet): Promise<void>;
  /** With `forUpdate`, the row stays locked until the transaction ends (PostgreSQL). */
  getPermissionSet(permissionSetArn: string, options?: { forUpdate?: boolean }): Promise<PermissionSet | undefined>;
  listPermissionSets(instanceArn: string): Promise<PermissionSet[]>;
  countPermissionSets(instanceArn: string): Promise<number>;
  /** Replaces every mutable field (the ARN, name, instance and creation time never change). */
  updatePermissionSet(permissionSet: PermissionSet): Promise<void>;
  deletePermissionSet(permissionSetArn: string): Promise<void>;

  getAccessControlAttributes(instanceArn: string): Promise<AccessControlAttributeConfiguration | undefined>;
  /** Creates or replaces. */
  putAccessControlAttributes(config: AccessControlAttributeConfiguration): Promise<void>;
  deleteAccessControlAttributes(instanceArn: string): Promise<boolean>;
}
