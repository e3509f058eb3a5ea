// The service control policies that bound an account, level by level from the root down
// through each OU to the account itself. The policy engine intersects the levels: an action
// must be allowed at every level and denied at none.

import type { OrgContext } from './context.js';
import type { TargetType } from './model.js';
import { pathFromRoot, requireOrganization } from './hierarchy.js';
import { findAccountStanding } from './account-standing.js';
import { notFound } from './errors.js';
import { scpEnabled } from './default-scp.js';
import { requirePolicy } from './policies.js';

export interface ScpDocument {
  readonly policyId: string;
  readonly name: string;
  /** The policy JSON as stored. */
  readonly content: string;
}

export interface ScpLevel {
  readonly targetType: TargetType;
  readonly targetId: string;
  readonly policies: readonly ScpDocument[];
}

/**
 * The SCP levels for `accountId`, root first and the account last. Empty when SCPs are not
 * enabled on the root, for the management account, which SCPs never restrict, and for a
 * standalone account (one that left the organization). NotFound for an account never known.
 */
export async function getScpLevels(ctx: OrgContext, accountId: string): Promise<ScpLevel[]> {
  const org = await requireOrganization(ctx.repo);
  const standing = await findAccountStanding(ctx.repo, accountId);
  if (!standing) throw notFound('Account', `We can't find an account with the id ${accountId}.`);
  // An account that left the organization is bound by no SCP, as on AWS.
  if (standing.kind === 'standalone') return [];
  const account = standing.account;
  if (accountId === org.managementAccountId || !(await scpEnabled(ctx))) return [];
  const path = await pathFromRoot(ctx.repo, account.parentId);
  const targets: { type: TargetType; id: string }[] = [
    ...path.map((p) => ({ type: p.type, id: p.id })),
    { type: 'ACCOUNT', id: accountId },
  ];
  const levels: ScpLevel[] = [];
  for (const t of targets) {
    const attachments = (await ctx.repo.listAttachmentsForTarget(t.id)).filter((a) => a.policyType === 'SERVICE_CONTROL_POLICY');
    const policies = await Promise.all(attachments.map((a) => requirePolicy(ctx, a.policyId)));
    levels.push({
      targetType: t.type,
      targetId: t.id,
      policies: policies.sort((a, b) => (a.id < b.id ? -1 : 1)).map((p) => ({ policyId: p.id, name: p.name, content: p.content })),
    });
  }
  return levels;
}
