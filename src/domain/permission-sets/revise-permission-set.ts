// A change to what a permission set's role must look like: read the permission set locked,
// apply the change, store it with the next revision. Accounts provisioned at the old revision
// now read as drifted (LATEST_PERMISSION_SET_NOT_PROVISIONED) until provisioned again.

import type { PermissionSet } from './permission-set.js';
import { requirePermissionSet, type SsoContext } from './sso-context.js';

/** `change` returns the new permission set, or undefined when nothing changes. */
export async function revisePermissionSet(
  ctx: SsoContext,
  arn: string,
  change: (ps: PermissionSet) => PermissionSet | undefined,
): Promise<void> {
  const ps = await requirePermissionSet(ctx, arn, true);
  const next = change(ps);
  if (next) await ctx.repos.ssoAdmin.updatePermissionSet({ ...next, revision: ps.revision + 1 });
}
