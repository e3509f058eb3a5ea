// ListAccountAssignments (one permission set on one account) and
// ListAccountAssignmentsForPrincipal (a user's include those of the groups it is in).

import type { SsoContext } from '../permission-sets/sso-context.js';
import { requirePermissionSet } from '../permission-sets/sso-context.js';
import { validation } from '../permission-sets/errors.js';
import { paginate, type Page, type PageRequest } from '../permission-sets/page.js';
import { PRINCIPAL_TYPES, type AccountAssignment, type PrincipalRef, type PrincipalType } from './account-assignment.js';

const sortKey = (a: AccountAssignment) => `${a.accountId}|${a.permissionSetArn}|${a.principalType}|${a.principalId}`;

export async function listAccountAssignments(ctx: SsoContext, accountId: string, permissionSetArn: string, page: PageRequest): Promise<Page<AccountAssignment>> {
  await requirePermissionSet(ctx, permissionSetArn);
  const all = await ctx.repos.ssoAdmin.listAssignmentsForAccount(permissionSetArn, accountId);
  return paginate(all, sortKey, `assignments:${permissionSetArn}:${accountId}`, page);
}

/** The user and every group it is a member of. */
async function principalsOf(ctx: SsoContext, principal: PrincipalRef): Promise<PrincipalRef[]> {
  if (principal.principalType === 'GROUP') return [principal];
  const memberships = await ctx.repos.identityStore.listMemberships(ctx.instance.identityStoreId, { userId: principal.principalId }, { limit: 100_000 });
  return [principal, ...memberships.map((m) => ({ principalType: 'GROUP' as const, principalId: m.groupId }))];
}

export async function listAccountAssignmentsForPrincipal(
  ctx: SsoContext,
  principalType: string,
  principalId: string,
  accountId: string | undefined,
  page: PageRequest,
): Promise<Page<AccountAssignment>> {
  if (!PRINCIPAL_TYPES.includes(principalType as PrincipalType)) throw validation('PrincipalType', 'PrincipalType must be USER or GROUP.');
  const principals = await principalsOf(ctx, { principalType: principalType as PrincipalType, principalId });
  const all = (await ctx.repos.ssoAdmin.listAssignmentsForPrincipals(ctx.instance.instanceArn, principals))
    .filter((a) => accountId === undefined || a.accountId === accountId);
  return paginate(all, sortKey, `for-principal:${principalType}:${principalId}:${accountId ?? ''}`, page);
}
