// Trusted access for AWS services, and member accounts registered as a service's delegated
// administrator. Registering needs the service's trusted access enabled first
// (ConstraintViolation SERVICE_ACCESS_NOT_ENABLED) and never accepts the management account.

import type { OrgContext } from './context.js';
import type { Account, DelegatedAdministration, EnabledServicePrincipal } from './model.js';
import { conflict } from '../../lib/errors.js';
import { constraintViolation, notFound } from './errors.js';
import { requireAccount, requireOrganization } from './hierarchy.js';
import { checkServicePrincipal } from './service-principal.js';
import { paginate, type Page, type PageRequest } from './pagination.js';

export async function enableServiceAccess(ctx: OrgContext, servicePrincipal: string): Promise<void> {
  await requireOrganization(ctx.repo);
  checkServicePrincipal(servicePrincipal);
  if (await ctx.repo.getServiceAccess(servicePrincipal)) return;
  await ctx.repo.enableServiceAccess({ servicePrincipal, enabledAt: ctx.now });
}

export async function disableServiceAccess(ctx: OrgContext, servicePrincipal: string): Promise<void> {
  await requireOrganization(ctx.repo);
  checkServicePrincipal(servicePrincipal);
  await ctx.repo.disableServiceAccess(servicePrincipal);
}

export async function listServiceAccess(ctx: OrgContext, page: PageRequest): Promise<Page<EnabledServicePrincipal>> {
  await requireOrganization(ctx.repo);
  return paginate(await ctx.repo.listServiceAccess(), (s) => s.servicePrincipal, 'ListAWSServiceAccessForOrganization', page);
}

export async function registerDelegatedAdministrator(ctx: OrgContext, accountId: string, servicePrincipal: string): Promise<void> {
  const org = await requireOrganization(ctx.repo);
  checkServicePrincipal(servicePrincipal);
  await requireAccount(ctx.repo, accountId);
  if (accountId === org.managementAccountId) {
    throw constraintViolation('CANNOT_REGISTER_MASTER_AS_DELEGATED_ADMINISTRATOR', 'The management account cannot be a delegated administrator.');
  }
  if (!(await ctx.repo.getServiceAccess(servicePrincipal))) {
    throw constraintViolation('SERVICE_ACCESS_NOT_ENABLED', `Trusted access is not enabled for ${servicePrincipal}: call EnableAWSServiceAccess first.`);
  }
  const existing = await ctx.repo.listDelegatedServicesForAccount(accountId);
  if (existing.some((d) => d.servicePrincipal === servicePrincipal)) {
    throw conflict(`The account ${accountId} is already a delegated administrator for ${servicePrincipal}.`, { resource: 'DelegatedAdministrator' });
  }
  await ctx.repo.registerDelegatedAdministrator({ accountId, servicePrincipal, enabledAt: ctx.now });
}

export async function deregisterDelegatedAdministrator(ctx: OrgContext, accountId: string, servicePrincipal: string): Promise<void> {
  await requireOrganization(ctx.repo);
  checkServicePrincipal(servicePrincipal);
  await requireAccount(ctx.repo, accountId);
  if (!(await ctx.repo.deregisterDelegatedAdministrator(accountId, servicePrincipal))) {
    throw notFound('DelegatedAdministrator', `The account ${accountId} is not a delegated administrator for ${servicePrincipal}.`);
  }
}

export interface DelegatedAdministrator extends Account {
  /** The earliest registration among those listed. */
  readonly delegationEnabledAt: number;
}

export async function listDelegatedAdministrators(
  ctx: OrgContext, servicePrincipal: string | undefined, page: PageRequest,
): Promise<Page<DelegatedAdministrator>> {
  await requireOrganization(ctx.repo);
  if (servicePrincipal !== undefined) checkServicePrincipal(servicePrincipal);
  const since = new Map<string, number>();
  for (const d of await ctx.repo.listDelegatedAdministrations(servicePrincipal)) {
    since.set(d.accountId, Math.min(since.get(d.accountId) ?? Infinity, d.enabledAt));
  }
  const admins: DelegatedAdministrator[] = [];
  for (const [accountId, at] of since) {
    const account = await ctx.repo.getAccount(accountId);
    if (account) admins.push({ ...account, delegationEnabledAt: at });
  }
  return paginate(admins, (a) => a.id, `ListDelegatedAdministrators:${servicePrincipal ?? ''}`, page);
}

export async function listDelegatedServicesForAccount(
  ctx: OrgContext, accountId: string, page: PageRequest,
): Promise<Page<DelegatedAdministration>> {
  await requireOrganization(ctx.repo);
  await requireAccount(ctx.repo, accountId);
  const services = await ctx.repo.listDelegatedServicesForAccount(accountId);
  if (!services.length) throw notFound('DelegatedAdministrator', `The account ${accountId} is not a delegated administrator.`);
  return paginate(services, (d) => d.servicePrincipal, `ListDelegatedServicesForAccount:${accountId}`, page);
}
