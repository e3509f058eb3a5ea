// Accounts: creating them (as a request with a status, completed at once), reading them, and
// moving them between parents.

import type { OrgContext } from './context.js';
import type { Account, AccountJoinedMethod, CreateAccountState, CreateAccountStatus, Organization, Tag } from './model.js';
import { newAccountId, newCreateAccountRequestId } from '../../lib/ids.js';
import { conflict } from '../../lib/errors.js';
import { accountArn } from './arns.js';
import { invalidInput, notFound } from './errors.js';
import { requireAccount, requireOrganization, requireParent, requireTheRoot } from './hierarchy.js';
import { attachDefaultScp } from './default-scp.js';
import { findAccountStanding } from './account-standing.js';
import { checkNewTags, checkTagCount } from './tags.js';
import { paginate, timeKey, type Page, type PageRequest } from './pagination.js';

export const DEFAULT_ACCOUNT_ROLE = 'OrganizationAccountAccessRole';
export const ADMINISTRATOR_ACCESS_ARN = 'arn:aws:iam::aws:policy/AdministratorAccess';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface NewAccount {
  readonly name: string;
  readonly email: string;
  readonly parentId: string;
  readonly joinedMethod: AccountJoinedMethod;
  readonly tags?: readonly Tag[];
  /** The role to create in the account, trusting the management account (none for it). */
  readonly roleName?: string;
}

/** Adds an ACTIVE account: its row, default SCP, tags and pending access role. */
export async function addAccount(ctx: OrgContext, org: Organization, input: NewAccount, id?: string): Promise<Account> {
  if (!EMAIL.test(input.email)) throw invalidInput('Email', 'INVALID_EMAIL_ADDRESS_TARGET', `${input.email} is not an e-mail address.`);
  const parent = await requireParent(ctx.repo, input.parentId);
  let accountId = id ?? newAccountId(ctx.random);
  // A standalone account keeps its id (and its IAM): never hand it out again.
  while (!id && (await findAccountStanding(ctx.repo, accountId))) accountId = newAccountId(ctx.random);
  const account: Account = {
    id: accountId,
    arn: accountArn(org.managementAccountId, org.id, accountId),
    name: input.name,
    email: input.email,
    status: 'ACTIVE',
    joinedMethod: input.joinedMethod,
    joinedAt: ctx.now,
    parentId: parent.id,
  };
  await ctx.repo.createAccount(account);
  await attachDefaultScp(ctx, accountId, 'ACCOUNT');
  if (input.tags?.length) await ctx.repo.putTags(accountId, input.tags);
  if (input.roleName) {
    await ctx.repo.createAccountRoleRequest({
      accountId,
      roleName: input.roleName,
      trustedAccountId: org.managementAccountId,
      managedPolicyArn: ADMINISTRATOR_ACCESS_ARN,
      status: 'PENDING',
      createdAt: ctx.now,
    });
  }
  return account;
}

export interface CreateAccountInput {
  readonly email: string;
  readonly accountName: string;
  readonly roleName?: string;
  readonly tags?: readonly Tag[];
}

/** CreateAccount: a request row, completed at once (SUCCEEDED, or FAILED with a reason). */
export async function createAccount(ctx: OrgContext, input: CreateAccountInput): Promise<CreateAccountStatus> {
  const org = await requireOrganization(ctx.repo);
  const roleName = input.roleName ?? DEFAULT_ACCOUNT_ROLE;
  if (roleName.startsWith('AWSServiceRoleFor')) {
    throw invalidInput('RoleName', 'INVALID_ROLE_NAME', 'A role name may not begin with the reserved prefix AWSServiceRoleFor.');
  }
  const tags = input.tags ?? [];
  checkNewTags(tags);
  checkTagCount([], tags);
  const base = { id: newCreateAccountRequestId(ctx.random), accountName: input.accountName, requestedAt: ctx.now, completedAt: ctx.now };
  let status: CreateAccountStatus;
  // An account that left the organization keeps its address, as on AWS.
  if ((await ctx.repo.getAccountByEmail(input.email)) || (await ctx.repo.getStandaloneAccountByEmail(input.email))) {
    status = { ...base, state: 'FAILED', failureReason: 'EMAIL_ALREADY_EXISTS' };
  } else if (!EMAIL.test(input.email)) {
    status = { ...base, state: 'FAILED', failureReason: 'INVALID_EMAIL' };
  } else {
    const root = await requireTheRoot(ctx.repo);
    const account = await addAccount(ctx, org, {
      name: input.accountName, email: input.email, parentId: root.id, joinedMethod: 'CREATED', tags, roleName,
    });
    status = { ...base, state: 'SUCCEEDED', accountId: account.id };
  }
  await ctx.repo.createCreateAccountStatus(status);
  return status;
}

export async function describeCreateAccountStatus(ctx: OrgContext, id: string): Promise<CreateAccountStatus> {
  await requireOrganization(ctx.repo);
  const status = await ctx.repo.getCreateAccountStatus(id);
  if (!status) throw notFound('CreateAccountStatus', `We can't find a create account request with the id ${id}.`);
  return status;
}

export async function listCreateAccountStatus(
  ctx: OrgContext, states: readonly CreateAccountState[] | undefined, page: PageRequest,
): Promise<Page<CreateAccountStatus>> {
  await requireOrganization(ctx.repo);
  const rows = await ctx.repo.listCreateAccountStatuses(states?.length ? states : undefined);
  const scope = `ListCreateAccountStatus:${[...(states ?? [])].sort().join(',')}`;
  return paginate(rows, (s) => timeKey(s.requestedAt, s.id), scope, page);
}

export async function describeAccount(ctx: OrgContext, id: string): Promise<Account> {
  await requireOrganization(ctx.repo);
  return requireAccount(ctx.repo, id);
}

const accountKey = (a: Account) => timeKey(a.joinedAt, a.id);

export async function listAccounts(ctx: OrgContext, page: PageRequest): Promise<Page<Account>> {
  await requireOrganization(ctx.repo);
  return paginate(await ctx.repo.listAccounts(), accountKey, 'ListAccounts', page);
}

export async function listAccountsForParent(ctx: OrgContext, parentId: string, page: PageRequest): Promise<Page<Account>> {
  await requireOrganization(ctx.repo);
  await requireParent(ctx.repo, parentId);
  return paginate(await ctx.repo.listAccountsForParent(parentId), accountKey, `ListAccountsForParent:${parentId}`, page);
}

export interface MoveAccountInput {
  readonly accountId: string;
  readonly sourceParentId: string;
  readonly destinationParentId: string;
}

export async function moveAccount(ctx: OrgContext, input: MoveAccountInput): Promise<void> {
  await requireOrganization(ctx.repo);
  const account = await requireAccount(ctx.repo, input.accountId);
  await requireParent(ctx.repo, input.sourceParentId, 'SourceParent');
  await requireParent(ctx.repo, input.destinationParentId, 'DestinationParent');
  if (account.parentId === input.destinationParentId) {
    throw conflict(`The account ${account.id} is already in ${input.destinationParentId}.`, { resource: 'Account' });
  }
  if (account.parentId !== input.sourceParentId) {
    throw notFound('Account', `We can't find the account ${account.id} in ${input.sourceParentId}.`);
  }
  await ctx.repo.setAccountParent(account.id, input.destinationParentId);
}
