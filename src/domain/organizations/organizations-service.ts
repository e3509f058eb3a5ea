// AWS Organizations for Gatehouse: one organization, its root, OUs, accounts, policies,
// trusted services and delegated administrators. Each method is one unit of work: writes run in
// one transaction, reads straight from the store. The rules live in the modules it calls.

import type { Ports } from '../ports.js';
import type { Repositories } from '../store.js';
import type { OrgContext } from './context.js';
import type { AccountRoleRequest, ChildType, CreateAccountState, Organization, PolicyType, Tag } from './model.js';
import { paginate, type PageRequest } from './pagination.js';
import * as accounts from './accounts.js';
import * as ous from './organizational-units.js';
import * as policies from './policies.js';
import * as attachments from './policy-attachments.js';
import * as delegation from './delegated-administrators.js';
import * as tags from './resource-tags.js';
import { initializeOrganization, createAccountDirect, type DirectAccountInput, type InitializeInput } from './organization-setup.js';
import { authorizeCaller, type CallerAccess } from './caller.js';
import { getScpLevels } from './scp-levels.js';
import { leaveOrganization, removeAccountFromOrganization } from './account-removal.js';
import { findAccountStanding } from './account-standing.js';
import { requireOrganization } from './hierarchy.js';
import { scpEnabled } from './default-scp.js';

export interface OrganizationView extends Organization {
  readonly availablePolicyTypes: readonly { type: PolicyType; status: 'ENABLED' }[];
}

export class OrganizationsService {
  constructor(readonly ports: Ports) {}

  private ctx(repos: Pick<Repositories, 'organizations'> = this.ports.store): OrgContext {
    return { repo: repos.organizations, now: this.ports.clock.now(), random: this.ports.random };
  }

  private write<T>(fn: (ctx: OrgContext) => Promise<T>): Promise<T> {
    return this.ports.store.transaction((tx) => fn(this.ctx(tx)));
  }

  // Bootstrap and seeding, inside the caller's transaction.
  initialize = (repos: Repositories, input: InitializeInput) => initializeOrganization(this.ctx(repos), input);
  createAccountDirect = (repos: Repositories, input: DirectAccountInput) => createAccountDirect(this.ctx(repos), input);

  authorizeCaller = (callerAccountId: string, access: CallerAccess) => authorizeCaller(this.ctx(), callerAccountId, access);

  async describeOrganization(): Promise<OrganizationView> {
    const ctx = this.ctx();
    const org = await requireOrganization(ctx.repo);
    // The organization-level list shows what the feature set makes available (ALL: SCPs).
    const available = org.featureSet === 'ALL' || (await scpEnabled(ctx));
    return { ...org, availablePolicyTypes: available ? [{ type: 'SERVICE_CONTROL_POLICY', status: 'ENABLED' }] : [] };
  }

  async listRoots(page: PageRequest) {
    const ctx = this.ctx();
    await requireOrganization(ctx.repo);
    const roots = await Promise.all((await ctx.repo.listRoots()).map((r) => attachments.viewRoot(ctx, r)));
    return paginate(roots, (r) => r.id, 'ListRoots', page);
  }

  // Accounts
  createAccount = (input: accounts.CreateAccountInput) => this.write((c) => accounts.createAccount(c, input));
  describeCreateAccountStatus = (id: string) => accounts.describeCreateAccountStatus(this.ctx(), id);
  listCreateAccountStatus = (states: readonly CreateAccountState[] | undefined, page: PageRequest) =>
    accounts.listCreateAccountStatus(this.ctx(), states, page);
  describeAccount = (id: string) => accounts.describeAccount(this.ctx(), id);
  listAccounts = (page: PageRequest) => accounts.listAccounts(this.ctx(), page);
  listAccountsForParent = (parentId: string, page: PageRequest) => accounts.listAccountsForParent(this.ctx(), parentId, page);
  moveAccount = (input: accounts.MoveAccountInput) => this.write((c) => accounts.moveAccount(c, input));
  removeAccountFromOrganization = (accountId: string) => this.write((c) => removeAccountFromOrganization(c, accountId));
  leaveOrganization = (callerAccountId: string) => this.write((c) => leaveOrganization(c, callerAccountId));
  /** A member, a standalone account that left, or undefined for an account Gatehouse never knew. */
  accountStanding = (accountId: string) => findAccountStanding(this.ports.store.organizations, accountId);

  // Organizational units and the tree
  createOrganizationalUnit = (input: { parentId: string; name: string; tags?: readonly Tag[] }) =>
    this.write((c) => ous.createOrganizationalUnit(c, input));
  describeOrganizationalUnit = (id: string) => ous.describeOrganizationalUnit(this.ctx(), id);
  updateOrganizationalUnit = (id: string, name?: string) => this.write((c) => ous.updateOrganizationalUnit(c, id, name));
  deleteOrganizationalUnit = (id: string) => this.write((c) => ous.deleteOrganizationalUnit(c, id));
  listOrganizationalUnitsForParent = (parentId: string, page: PageRequest) =>
    ous.listOrganizationalUnitsForParent(this.ctx(), parentId, page);
  listChildren = (parentId: string, childType: ChildType, page: PageRequest) => ous.listChildren(this.ctx(), parentId, childType, page);
  listParents = (childId: string, page: PageRequest) => ous.listParents(this.ctx(), childId, page);

  // Trusted access and delegated administrators
  enableServiceAccess = (sp: string) => this.write((c) => delegation.enableServiceAccess(c, sp));
  disableServiceAccess = (sp: string) => this.write((c) => delegation.disableServiceAccess(c, sp));
  listServiceAccess = (page: PageRequest) => delegation.listServiceAccess(this.ctx(), page);
  registerDelegatedAdministrator = (accountId: string, sp: string) =>
    this.write((c) => delegation.registerDelegatedAdministrator(c, accountId, sp));
  deregisterDelegatedAdministrator = (accountId: string, sp: string) =>
    this.write((c) => delegation.deregisterDelegatedAdministrator(c, accountId, sp));
  listDelegatedAdministrators = (sp: string | undefined, page: PageRequest) =>
    delegation.listDelegatedAdministrators(this.ctx(), sp, page);
  listDelegatedServicesForAccount = (accountId: string, page: PageRequest) =>
    delegation.listDelegatedServicesForAccount(this.ctx(), accountId, page);

  // Policies
  createPolicy = (input: policies.CreatePolicyInput) => this.write((c) => policies.createPolicy(c, input));
  updatePolicy = (input: policies.UpdatePolicyInput) => this.write((c) => policies.updatePolicy(c, input));
  deletePolicy = (id: string) => this.write((c) => policies.deletePolicy(c, id));
  describePolicy = (id: string) => policies.describePolicy(this.ctx(), id);
  listPolicies = (type: PolicyType, page: PageRequest) => policies.listPolicies(this.ctx(), type, page);
  attachPolicy = (policyId: string, targetId: string) => this.write((c) => attachments.attachPolicy(c, policyId, targetId));
  detachPolicy = (policyId: string, targetId: string) => this.write((c) => attachments.detachPolicy(c, policyId, targetId));
  listPoliciesForTarget = (targetId: string, type: PolicyType, page: PageRequest) =>
    attachments.listPoliciesForTarget(this.ctx(), targetId, type, page);
  listTargetsForPolicy = (policyId: string, page: PageRequest) => attachments.listTargetsForPolicy(this.ctx(), policyId, page);
  enablePolicyType = (rootId: string, type: PolicyType) => this.write((c) => attachments.enablePolicyType(c, rootId, type));
  disablePolicyType = (rootId: string, type: PolicyType) => this.write((c) => attachments.disablePolicyType(c, rootId, type));

  // Tags
  tagResource = (resourceId: string, t: readonly Tag[]) => this.write((c) => tags.tagResource(c, resourceId, t));
  untagResource = (resourceId: string, keys: readonly string[]) => this.write((c) => tags.untagResource(c, resourceId, keys));
  listTagsForResource = (resourceId: string, page: PageRequest) => tags.listTagsForResource(this.ctx(), resourceId, page);

  /** For the policy engine: the SCPs bounding an account, root first (see scp-levels.ts). */
  getScpLevels = (accountId: string) => getScpLevels(this.ctx(), accountId);

  /** For the IAM roles work: access roles still to create in accounts made by CreateAccount. */
  pendingAccountRoles = (): Promise<AccountRoleRequest[]> => this.ports.store.organizations.listPendingAccountRoleRequests();
  /** Marks an access role created, inside the caller's transaction. */
  completeAccountRole = (repos: Repositories, accountId: string, roleName: string) =>
    repos.organizations.completeAccountRoleRequest(accountId, roleName, this.ports.clock.now());
}
