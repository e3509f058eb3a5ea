// Account aliases: at most one an account, and unique across all accounts.

import type { IamContext } from './context.js';
import { invalidInput, limitExceeded, noSuchEntity } from './errors.js';
import { paginate, type Page, type PageRequest } from './pagination.js';

const ALIAS = /^[a-z0-9](([a-z0-9]|-(?!-))*[a-z0-9])?$/;

export async function createAccountAlias(ctx: IamContext, alias: string): Promise<void> {
  if (alias.length < 3 || alias.length > 63 || !ALIAS.test(alias)) {
    throw invalidInput('AccountAlias', `The specified value for accountAlias is invalid. It must contain only lowercase letters, digits and single hyphens, and neither start nor end with a hyphen.`);
  }
  const mine = await ctx.repo.listAccountAliases(ctx.accountId);
  if (mine.some((a) => a.alias === alias)) return;
  if (mine.length > 0) throw limitExceeded('AccountAlias', 'Cannot exceed quota for AccountAliasesPerAccount: 1');
  await ctx.repo.createAccountAlias({ accountId: ctx.accountId, alias });
}

export async function listAccountAliases(ctx: IamContext, page: PageRequest): Promise<Page<string>> {
  const aliases = (await ctx.repo.listAccountAliases(ctx.accountId)).map((a) => a.alias);
  return paginate(aliases, (a) => a, 'account-aliases', page);
}

export async function deleteAccountAlias(ctx: IamContext, alias: string): Promise<void> {
  const mine = await ctx.repo.listAccountAliases(ctx.accountId);
  if (!mine.some((a) => a.alias === alias)) throw noSuchEntity('AccountAlias', `The account alias ${alias} cannot be found.`);
  await ctx.repo.deleteAccountAlias(ctx.accountId, alias);
}
