// Who may call what: most operations only from the management account; reads also from a
// delegated administrator; DescribeOrganization from any account in the organization.

import type { OrgContext } from './context.js';
import { accessDenied } from '../../lib/errors.js';
import { organizationNotInUse } from './errors.js';
import { requireOrganization } from './hierarchy.js';

export type CallerAccess = 'management' | 'management-or-delegated' | 'member';

export async function authorizeCaller(ctx: OrgContext, callerAccountId: string, access: CallerAccess): Promise<void> {
  const org = await requireOrganization(ctx.repo);
  if (callerAccountId === org.managementAccountId) return;
  if (!(await ctx.repo.getAccount(callerAccountId))) throw organizationNotInUse();
  if (access === 'member') return;
  if (access === 'management-or-delegated' && (await ctx.repo.listDelegatedServicesForAccount(callerAccountId)).length) return;
  throw accessDenied(
    access === 'management'
      ? "You don't have permissions to access this resource: this operation can be called only from the organization's management account."
      : "You don't have permissions to access this resource: this operation can be called only from the management account or a delegated administrator.",
    { resource: 'Organization' },
  );
}
