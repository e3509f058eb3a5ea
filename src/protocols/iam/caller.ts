// Who the IAM handlers act for: the caller's account, and, where an operation's UserName is
// optional, the caller's own IAM user.

import { GatehouseError } from '../../lib/errors.js';
import type { CallContext } from '../operation.js';
import type { IamService } from '../../domain/iam/iam-service.js';

export const iam = (ctx: CallContext): IamService => ctx.services.iam;
export const account = (ctx: CallContext): string => ctx.principal.accountId;

/** `UserName` when given, else the calling IAM user (role sessions must name the user). */
export function userNameOrCaller(userName: string | undefined, ctx: CallContext): string {
  if (userName !== undefined) return userName;
  if (ctx.principal.kind === 'iam-user') return ctx.principal.name;
  // IAM answers ValidationError here (resource `Input`, as the model validator reports).
  throw new GatehouseError('Validation', 'Must specify userName when calling with non-User credentials', { field: 'UserName', resource: 'Input' });
}
