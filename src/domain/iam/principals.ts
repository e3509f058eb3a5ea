// The IAM user or role an inline policy, attachment or boundary belongs to. Changes to a role
// are checked against its protection first.

import type { IamContext } from './context.js';
import type { IamRole, IamUser, PrincipalRef } from './model.js';
import { roleNotFound, userNotFound } from './errors.js';
import { assertRoleMutable, type Actor } from './protection.js';

export type LoadedPrincipal =
  | { readonly kind: 'role'; readonly ref: PrincipalRef; readonly role: IamRole; readonly path: string }
  | { readonly kind: 'user'; readonly ref: PrincipalRef; readonly user: IamUser; readonly path: string };

/** The principal with its stored name; `actor` given means the caller is about to change it. */
export async function loadPrincipal(ctx: IamContext, ref: PrincipalRef, actor?: Actor): Promise<LoadedPrincipal> {
  if (ref.kind === 'role') {
    const role = await ctx.repo.getRole(ctx.accountId, ref.name);
    if (!role) throw roleNotFound(ref.name);
    if (actor) assertRoleMutable(role, actor);
    return { kind: 'role', ref: { kind: 'role', name: role.roleName }, role, path: role.path };
  }
  const user = await ctx.repo.getUser(ctx.accountId, ref.name);
  if (!user) throw userNotFound(ref.name);
  return { kind: 'user', ref: { kind: 'user', name: user.userName }, user, path: user.path };
}
