// First start: the organization (all features), its management account, the root with SCPs
// enabled, and the AWS managed FullAWSAccess SCP attached to the root and the management account.

import type { OrgContext } from './context.js';
import type { Account, Organization } from './model.js';
import { newAccountId, newOrganizationId, newRootId } from '../../lib/ids.js';
import { conflict } from '../../lib/errors.js';
import { organizationArn, accountArn, rootArn } from './arns.js';
import { FULL_AWS_ACCESS, FULL_AWS_ACCESS_ID } from './full-aws-access.js';
import { addAccount, DEFAULT_ACCOUNT_ROLE } from './accounts.js';
import { requireOrganization, requireTheRoot } from './hierarchy.js';

export interface InitializeInput {
  readonly managementAccountName: string;
  readonly managementAccountEmail: string;
}

export interface InitializeResult {
  readonly organizationId: string;
  readonly organizationArn: string;
  readonly managementAccountId: string;
  readonly rootId: string;
}

export async function initializeOrganization(ctx: OrgContext, input: InitializeInput): Promise<InitializeResult> {
  if (await ctx.repo.getOrganization()) throw conflict('The organization exists already.', { resource: 'Organization' });
  const mgmt = newAccountId(ctx.random);
  const orgId = newOrganizationId(ctx.random);
  const rootId = newRootId(ctx.random);
  const org: Organization = {
    id: orgId,
    arn: organizationArn(mgmt, orgId),
    featureSet: 'ALL',
    managementAccountId: mgmt,
    managementAccountArn: accountArn(mgmt, orgId, mgmt),
    managementAccountEmail: input.managementAccountEmail,
    createdAt: ctx.now,
  };
  await ctx.repo.createOrganization(org);
  await ctx.repo.createRoot({ id: rootId, arn: rootArn(mgmt, orgId, rootId), name: 'Root', createdAt: ctx.now });
  await ctx.repo.putRootPolicyType({ rootId, type: 'SERVICE_CONTROL_POLICY', status: 'ENABLED' });
  await ctx.repo.createPolicy(FULL_AWS_ACCESS);
  await ctx.repo.attachPolicy({
    policyId: FULL_AWS_ACCESS_ID, policyType: 'SERVICE_CONTROL_POLICY', targetId: rootId, targetType: 'ROOT', attachedAt: ctx.now,
  });
  // The management account joined the organization it created: AWS reports it as INVITED.
  await addAccount(ctx, org, {
    name: input.managementAccountName, email: input.managementAccountEmail, parentId: rootId, joinedMethod: 'INVITED',
  }, mgmt);
  return { organizationId: orgId, organizationArn: org.arn, managementAccountId: mgmt, rootId };
}

export interface DirectAccountInput {
  readonly name: string;
  readonly email: string;
  /** Defaults to the root. */
  readonly parentId?: string;
}

/** An ACTIVE member account at once, without a create-account request (the demo seed). */
export async function createAccountDirect(ctx: OrgContext, input: DirectAccountInput): Promise<Account> {
  const org = await requireOrganization(ctx.repo);
  if (await ctx.repo.getAccountByEmail(input.email)) {
    throw conflict(`An account with the e-mail address ${input.email} exists already.`, { resource: 'AccountEmail' });
  }
  const parentId = input.parentId ?? (await requireTheRoot(ctx.repo)).id;
  return addAccount(ctx, org, { name: input.name, email: input.email, parentId, joinedMethod: 'CREATED', roleName: DEFAULT_ACCOUNT_ROLE });
}
