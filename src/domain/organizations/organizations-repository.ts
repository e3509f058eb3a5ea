// The persistence port of the organization. Each method is one statement's worth of work; the
// service groups them in a transaction. Writes that break a uniqueness rule throw a Conflict.

import type {
  Account,
  AccountRoleRequest,
  CreateAccountState,
  CreateAccountStatus,
  DelegatedAdministration,
  EnabledServicePrincipal,
  Organization,
  OrganizationalUnit,
  Policy,
  PolicyAttachment,
  PolicyType,
  Root,
  RootPolicyType,
  StandaloneAccount,
  Tag,
} from './model.js';

export interface OrganizationsRepository {
  getOrganization(): Promise<Organization | undefined>;
  /** Conflict (resource `Organization`) when one exists. */
  createOrganization(org: Organization): Promise<void>;

  createRoot(root: Root): Promise<void>;
  getRoot(id: string): Promise<Root | undefined>;
  listRoots(): Promise<Root[]>;
  listRootPolicyTypes(rootId: string): Promise<RootPolicyType[]>;
  putRootPolicyType(value: RootPolicyType): Promise<void>;
  deleteRootPolicyType(rootId: string, type: PolicyType): Promise<void>;

  /** Conflict (resource `OrganizationalUnit`) when the parent has an OU of that name. */
  createOrganizationalUnit(ou: OrganizationalUnit): Promise<void>;
  getOrganizationalUnit(id: string): Promise<OrganizationalUnit | undefined>;
  /** Conflict (resource `OrganizationalUnit`) when a sibling has that name. */
  renameOrganizationalUnit(id: string, name: string): Promise<void>;
  deleteOrganizationalUnit(id: string): Promise<void>;
  listOrganizationalUnitsForParent(parentId: string): Promise<OrganizationalUnit[]>;
  listOrganizationalUnits(): Promise<OrganizationalUnit[]>;

  /** Conflict (resource `Account`, reason `EMAIL_ALREADY_EXISTS`) on a used e-mail address. */
  createAccount(account: Account): Promise<void>;
  getAccount(id: string): Promise<Account | undefined>;
  /** The accounts among `ids` that exist, in no particular order (one query per few hundred ids). */
  getAccounts(ids: readonly string[]): Promise<Account[]>;
  /** E-mail addresses compare case-insensitively. */
  getAccountByEmail(email: string): Promise<Account | undefined>;
  listAccounts(): Promise<Account[]>;
  listAccountsForParent(parentId: string): Promise<Account[]>;
  setAccountParent(id: string, parentId: string): Promise<void>;
  /** Deletes the account's row (it leaves the organization); its attachments and tags are the caller's. */
  deleteAccount(id: string): Promise<void>;
  /** Records an account that left the organization; a second removal of the same id overwrites. */
  putStandaloneAccount(account: StandaloneAccount): Promise<void>;
  getStandaloneAccount(id: string): Promise<StandaloneAccount | undefined>;
  /** E-mail addresses compare case-insensitively. */
  getStandaloneAccountByEmail(email: string): Promise<StandaloneAccount | undefined>;

  createCreateAccountStatus(status: CreateAccountStatus): Promise<void>;
  getCreateAccountStatus(id: string): Promise<CreateAccountStatus | undefined>;
  /** All requests, or those in the given states. */
  listCreateAccountStatuses(states?: readonly CreateAccountState[]): Promise<CreateAccountStatus[]>;

  /** Conflict (resource `Policy`) when a policy of that type has that name. */
  createPolicy(policy: Policy): Promise<void>;
  getPolicy(id: string): Promise<Policy | undefined>;
  /** Conflict (resource `Policy`) when the new name is taken. */
  updatePolicy(policy: Policy): Promise<void>;
  deletePolicy(id: string): Promise<void>;
  listPolicies(type: PolicyType): Promise<Policy[]>;

  /** Conflict (resource `PolicyAttachment`) when attached already. */
  attachPolicy(attachment: PolicyAttachment): Promise<void>;
  /** Returns whether an attachment was removed. */
  detachPolicy(policyId: string, targetId: string): Promise<boolean>;
  listAttachmentsForTarget(targetId: string): Promise<PolicyAttachment[]>;
  listAttachmentsForPolicy(policyId: string): Promise<PolicyAttachment[]>;
  /** Removes every attachment of a policy type (DisablePolicyType). */
  detachAllOfType(type: PolicyType): Promise<void>;
  /** Removes every attachment to a target (a deleted OU). */
  detachAllFromTarget(targetId: string): Promise<void>;

  getServiceAccess(servicePrincipal: string): Promise<EnabledServicePrincipal | undefined>;
  /** Idempotent. */
  enableServiceAccess(value: EnabledServicePrincipal): Promise<void>;
  disableServiceAccess(servicePrincipal: string): Promise<void>;
  listServiceAccess(): Promise<EnabledServicePrincipal[]>;

  /** Conflict (resource `DelegatedAdministrator`) when registered already. */
  registerDelegatedAdministrator(value: DelegatedAdministration): Promise<void>;
  /** Returns whether a registration was removed. */
  deregisterDelegatedAdministrator(accountId: string, servicePrincipal: string): Promise<boolean>;
  /** Every registration, or those of one service. */
  listDelegatedAdministrations(servicePrincipal?: string): Promise<DelegatedAdministration[]>;
  listDelegatedServicesForAccount(accountId: string): Promise<DelegatedAdministration[]>;

  listTags(resourceId: string): Promise<Tag[]>;
  /** Adds or overwrites the given keys. */
  putTags(resourceId: string, tags: readonly Tag[]): Promise<void>;
  removeTags(resourceId: string, keys: readonly string[]): Promise<void>;

  /** Records the role to create in a new account (see AccountRoleRequest). */
  createAccountRoleRequest(request: AccountRoleRequest): Promise<void>;
  listPendingAccountRoleRequests(): Promise<AccountRoleRequest[]>;
  /** Marks a pending request done; returns false when there was none pending. */
  completeAccountRoleRequest(accountId: string, roleName: string, completedAt: number): Promise<boolean>;
}
