// Roles that belong to a service: the roles IAM Identity Center provisions
// (`/aws-reserved/sso.amazonaws.com/`) and service-linked roles (`/aws-service-role/`). Only the
// provisioner changes them; every role-mutating operation checks this first.

import type { IamRole } from './model.js';
import { protectedRole } from './errors.js';

export interface Actor {
  /** True only for Gatehouse's own provisioning of permission sets and service roles. */
  readonly provisioner: boolean;
}

/** The actor of every API call: protected roles are out of its reach. */
export const API_CALLER: Actor = { provisioner: false };
export const PROVISIONER: Actor = { provisioner: true };

const PROTECTED_PATH_PREFIXES = ['/aws-reserved/sso.amazonaws.com/', '/aws-service-role/'] as const;

export const isProtectedPath = (path: string): boolean => PROTECTED_PATH_PREFIXES.some((p) => path.startsWith(p));

/** Throws AccessDenied (IAM's UnmodifiableEntity message) unless `actor` may change `role`. */
export function assertRoleMutable(role: Pick<IamRole, 'roleName' | 'path'>, actor: Actor): void {
  if (!actor.provisioner && isProtectedPath(role.path)) throw protectedRole(role.roleName);
}
