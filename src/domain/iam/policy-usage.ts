// How a managed policy is used in an account: attached as a permissions policy, or set as a
// permissions boundary. GetPolicy, ListPolicies and DeletePolicy report or check it.

import type { IamContext } from './context.js';

export interface PolicyUsage {
  readonly attachmentCount: (arn: string) => number;
  readonly boundaryUsageCount: (arn: string) => number;
}

export async function policyUsage(ctx: IamContext, onlyArn?: string): Promise<PolicyUsage> {
  const attachments = await ctx.repo.listAttachments(ctx.accountId, onlyArn);
  const boundaries = [
    ...(await ctx.repo.listRoles(ctx.accountId)).map((r) => r.permissionsBoundaryArn),
    ...(await ctx.repo.listUsers(ctx.accountId)).map((u) => u.permissionsBoundaryArn),
  ];
  const count = (arns: readonly (string | undefined)[]) => {
    const m = new Map<string, number>();
    for (const a of arns) if (a) m.set(a, (m.get(a) ?? 0) + 1);
    return m;
  };
  const attached = count(attachments.map((a) => a.policyArn));
  const bounded = count(boundaries);
  return {
    attachmentCount: (arn) => attached.get(arn) ?? 0,
    boundaryUsageCount: (arn) => bounded.get(arn) ?? 0,
  };
}
