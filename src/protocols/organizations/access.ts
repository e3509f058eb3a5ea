// Every Organizations operation first checks who may call it (management account, delegated
// administrator, any member), as AWS does before anything else.

import type { OperationHandler } from '../operation.js';
import type { CallerAccess } from '../../domain/organizations/caller.js';

export const management = (fn: OperationHandler): OperationHandler => guarded('management', fn);
export const reader = (fn: OperationHandler): OperationHandler => guarded('management-or-delegated', fn);
export const member = (fn: OperationHandler): OperationHandler => guarded('member', fn);

const guarded = (access: CallerAccess, fn: OperationHandler): OperationHandler => async (input, ctx) => {
  await ctx.services.organizations.authorizeCaller(ctx.principal.accountId, access);
  return fn(input, ctx);
};
