// ListEntitiesForPolicy: the users and roles (groups come later) a managed policy is attached
// to, or set as the permissions boundary of.

import type { IamContext } from './context.js';
import { nameKey } from './names.js';
import { paginate, type Page, type PageRequest } from './pagination.js';
import { resolvePolicy } from './policy-resolver.js';

export interface PolicyEntity {
  readonly kind: 'user' | 'role' | 'group';
  readonly name: string;
  readonly id: string;
}

export interface ListEntitiesInput {
  readonly entityFilter?: 'User' | 'Role' | 'Group' | 'LocalManagedPolicy' | 'AWSManagedPolicy';
  readonly pathPrefix?: string;
  readonly policyUsageFilter?: 'PermissionsPolicy' | 'PermissionsBoundary';
}

export async function listEntitiesForPolicy(ctx: IamContext, arn: string, input: ListEntitiesInput, page: PageRequest): Promise<Page<PolicyEntity>> {
  await resolvePolicy(ctx, arn);
  const prefix = input.pathPrefix ?? '/';
  const wantPolicy = input.policyUsageFilter !== 'PermissionsBoundary';
  const wantBoundary = input.policyUsageFilter !== 'PermissionsPolicy';
  const attached = wantPolicy ? await ctx.repo.listAttachments(ctx.accountId, arn) : [];
  const attachedKeys = new Set(attached.map((a) => `${a.principalKind}:${nameKey(a.principalName)}`));
  const entities: PolicyEntity[] = [];
  if (!input.entityFilter || input.entityFilter === 'User') {
    for (const u of await ctx.repo.listUsers(ctx.accountId)) {
      const uses = attachedKeys.has(`user:${nameKey(u.userName)}`) || (wantBoundary && u.permissionsBoundaryArn === arn);
      if (uses && u.path.startsWith(prefix)) entities.push({ kind: 'user', name: u.userName, id: u.userId });
    }
  }
  if (!input.entityFilter || input.entityFilter === 'Role') {
    for (const r of await ctx.repo.listRoles(ctx.accountId)) {
      const uses = attachedKeys.has(`role:${nameKey(r.roleName)}`) || (wantBoundary && r.permissionsBoundaryArn === arn);
      if (uses && r.path.startsWith(prefix)) entities.push({ kind: 'role', name: r.roleName, id: r.roleId });
    }
  }
  const scope = `entities:${arn}:${input.entityFilter ?? ''}:${input.policyUsageFilter ?? ''}:${prefix}`;
  return paginate(entities, (e) => `${e.kind}:${nameKey(e.name)}`, scope, page);
}
