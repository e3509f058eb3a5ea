// GetAccountAuthorizationDetails: the account's users, roles and managed policies with their
// documents (URL-encoded, as IAM returns them), paginated as one list across the kinds.

import type { IamContext } from './context.js';
import type { IamRole, IamUser } from './model.js';
import type { AttachedPolicyOutput } from './attachments.js';
import { getAwsManagedPolicy } from './aws-managed-policies.js';
import { nameKey, parsePolicyArn } from './names.js';
import { paginate, type Page, type PageRequest } from './pagination.js';
import { urlEncodeDocument } from './policy-document.js';
import { policyUsage } from './policy-usage.js';
import { getPolicy, type PolicyOutput } from './managed-policies.js';
import type { PolicyVersionOutput } from './policy-versions.js';

export type EntityType = 'User' | 'Role' | 'Group' | 'LocalManagedPolicy' | 'AWSManagedPolicy';

export interface InlinePolicyDetail {
  readonly policyName: string;
  readonly policyDocument: string;
}

export type AuthorizationDetail =
  | { readonly kind: 'user'; readonly user: IamUser; readonly inline: InlinePolicyDetail[]; readonly attached: AttachedPolicyOutput[] }
  | {
      readonly kind: 'role';
      /** The trust policy is URL-encoded. */
      readonly role: IamRole;
      readonly inline: InlinePolicyDetail[];
      readonly attached: AttachedPolicyOutput[];
    }
  | { readonly kind: 'policy'; readonly policy: PolicyOutput; readonly versions: PolicyVersionOutput[] };


async function principalDetails(ctx: IamContext, kind: 'user' | 'role', name: string) {
  const ref = { kind, name };
  const inline = (await ctx.repo.listInlinePolicies(ctx.accountId, ref)).map((p) => ({
    policyName: p.policyName,
    policyDocument: urlEncodeDocument(p.document),
  }));
  const attached = (await ctx.repo.listAttachedPolicies(ctx.accountId, ref)).map((a) => ({
    policyName: parsePolicyArn(a.policyArn).name,
    policyArn: a.policyArn,
  }));
  return { inline, attached };
}

const sortKey = (d: AuthorizationDetail): string =>
  d.kind === 'user'
    ? `1:${nameKey(d.user.userName)}`
    : d.kind === 'role'
      ? `2:${nameKey(d.role.roleName)}`
      : `3:${nameKey(d.policy.policyName)}\u0000${d.policy.policyId}`;

export async function getAccountAuthorizationDetails(
  ctx: IamContext,
  filter: readonly EntityType[] | undefined,
  page: PageRequest,
): Promise<Page<AuthorizationDetail>> {
  const want = (t: EntityType) => !filter || filter.length === 0 || filter.includes(t);
  const details: AuthorizationDetail[] = [];
  if (want('User')) {
    for (const user of await ctx.repo.listUsers(ctx.accountId)) {
      details.push({ kind: 'user', user, ...(await principalDetails(ctx, 'user', user.userName)) });
    }
  }
  if (want('Role')) {
    for (const role of await ctx.repo.listRoles(ctx.accountId)) {
      const encoded = { ...role, assumeRolePolicyDocument: urlEncodeDocument(role.assumeRolePolicyDocument) };
      details.push({ kind: 'role', role: encoded, ...(await principalDetails(ctx, 'role', role.roleName)) });
    }
  }
  if (want('LocalManagedPolicy')) {
    for (const p of await ctx.repo.listManagedPolicies(ctx.accountId)) {
      const versions = (await ctx.repo.listPolicyVersions(p.arn)).map((v) => ({
        document: urlEncodeDocument(v.document),
        versionId: v.versionId,
        isDefaultVersion: v.versionId === p.defaultVersionId,
        createdAt: v.createdAt,
      }));
      details.push({ kind: 'policy', policy: await getPolicy(ctx, p.arn), versions });
    }
  }
  if (want('AWSManagedPolicy')) {
    // Only the AWS managed policies the account uses, as IAM reports them.
    const usage = await policyUsage(ctx);
    const used = new Set([
      ...(await ctx.repo.listAttachments(ctx.accountId)).map((a) => a.policyArn),
      ...(await ctx.repo.listRoles(ctx.accountId)).map((r) => r.permissionsBoundaryArn),
      ...(await ctx.repo.listUsers(ctx.accountId)).map((u) => u.permissionsBoundaryArn),
    ]);
    for (const arn of used) {
      const p = arn ? getAwsManagedPolicy(arn) : undefined;
      if (!p || usage.attachmentCount(p.arn) + usage.boundaryUsageCount(p.arn) === 0) continue;
      const versions = [{ document: urlEncodeDocument(p.defaultDocument), versionId: p.defaultVersionId, isDefaultVersion: true, createdAt: p.defaultVersionCreatedAt }];
      details.push({ kind: 'policy', policy: await getPolicy(ctx, p.arn), versions });
    }
  }
  const scope = `authz:${filter && filter.length > 0 ? [...filter].sort().join(',') : 'all'}`;
  return paginate(details, sortKey, scope, page);
}
