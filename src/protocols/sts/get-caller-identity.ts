// sts:GetCallerIdentity: who signed the request, straight from the verified principal.

import type { OperationHandler } from '../operation.js';

export const getCallerIdentity: OperationHandler = async (_input, ctx) => ({
  UserId: ctx.principal.userId,
  Account: ctx.principal.accountId,
  Arn: ctx.principal.arn,
});
