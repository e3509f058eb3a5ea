// IAM for one account at a time: every API method takes the caller's account id. Writes run in
// one transaction; what the methods return is what IAM's API returns (documents URL-encoded),
// except getPrincipalPolicies, which gives the policy engine the documents as stored.
// createUser(repos, …), createAccessKey(repos, …) and resolveAccessKey serve bootstrap and SigV4.

import type { Ports } from '../ports.js';
import { TtlCache } from '../../lib/ttl-cache.js';
import type { Principal } from '../principal.js';
import type { Repositories } from '../store.js';
import type { IamContext } from './context.js';
import type { IamRepository } from './iam-repository.js';
import type { AccessKey, IamRole, IamUser, PrincipalRef, Tag } from './model.js';
import type { PageRequest } from './pagination.js';
import { API_CALLER, type Actor } from './protection.js';
import * as roles from './roles.js';
import * as users from './users.js';
import * as keys from './access-keys.js';
import * as inline from './inline-policies.js';
import * as attachments from './attachments.js';
import * as boundaries from './boundaries.js';
import * as policies from './managed-policies.js';
import * as versions from './policy-versions.js';
import * as saml from './saml-providers.js';
import * as aliases from './account-aliases.js';
import { listEntitiesForPolicy, type ListEntitiesInput } from './entities-for-policy.js';
import { getAccountAuthorizationDetails, type EntityType } from './authorization-details.js';
import { getPrincipalPolicies } from './principal-policies.js';

export interface ResolvedCredentials {
  readonly principal: Principal;
  readonly secretAccessKey: string;
}

const role = (name: string): PrincipalRef => ({ kind: 'role', name });
const user = (name: string): PrincipalRef => ({ kind: 'user', name });

/** How long a resolved access key is trusted without reading the database again. */
export const CREDENTIALS_TTL_MS = 2000;

export class IamService {
  private readonly resolvedKeys: TtlCache<string, ResolvedCredentials | undefined>;

  constructor(private readonly ports: Ports) {
    this.resolvedKeys = new TtlCache(ports.clock, CREDENTIALS_TTL_MS);
  }

  private context(repo: IamRepository, accountId: string): IamContext {
    return { repo, accountId, now: this.ports.clock.now(), random: this.ports.random };
  }

  private read<T>(accountId: string, fn: (ctx: IamContext) => Promise<T>): Promise<T> {
    return fn(this.context(this.ports.store.iam, accountId));
  }

  /** A write; it may change who a key resolves to, so resolved keys are forgotten after it. */
  private async write<T>(accountId: string, fn: (ctx: IamContext) => Promise<T>): Promise<T> {
    const result = await this.ports.store.transaction((tx) => fn(this.context(tx.iam, accountId)));
    this.resolvedKeys.clear();
    return result;
  }

  // --- bootstrap and SigV4 ---

  async createUser(repos: Repositories, accountId: string, userName: string, path = '/'): Promise<IamUser> {
    return users.createUser(this.context(repos.iam, accountId), { userName, path });
  }

  /** Creates an access key; the secret is returned once and stored only sealed. */
  async createAccessKey(
    repos: Repositories,
    iamUser: IamUser,
    fixed?: { accessKeyId: string; secretAccessKey: string },
  ): Promise<{ accessKeyId: string; secretAccessKey: string }> {
    const ctx = this.context(repos.iam, iamUser.accountId);
    const { accessKeyId, secretAccessKey } = await keys.createAccessKey(ctx, this.ports.keyRing, iamUser.userName, fixed);
    return { accessKeyId, secretAccessKey };
  }

  /**
   * The principal and secret behind a long-term access key id, if it is active. Answers are
   * kept for a few seconds: SigV4 asks on every request. A change through this node clears them;
   * other nodes see it within CREDENTIALS_TTL_MS, as IAM's own eventual consistency allows.
   */
  resolveAccessKey(accessKeyId: string): Promise<ResolvedCredentials | undefined> {
    return this.resolvedKeys.get(accessKeyId, () => this.loadAccessKey(accessKeyId));
  }

  private async loadAccessKey(accessKeyId: string): Promise<ResolvedCredentials | undefined> {
    const { store, keyRing } = this.ports;
    const key: AccessKey | undefined = await store.iam.getAccessKey(accessKeyId);
    if (!key || key.status !== 'Active') return undefined;
    const owner = await store.iam.getUser(key.accountId, key.userName);
    if (!owner) return undefined;
    return {
      secretAccessKey: keyRing.openString(key.secretSealed, keys.sealContext(accessKeyId)),
      principal: { kind: 'iam-user', arn: owner.arn, accountId: owner.accountId, userId: owner.userId, accessKeyId, name: owner.userName },
    };
  }

  /** For the SigV4 layer: records a verified use of a long-term key (GetAccessKeyLastUsed reports it). */
  async recordAccessKeyUse(accessKeyId: string, serviceName: string, region: string): Promise<void> {
    await this.ports.store.iam.recordAccessKeyUse(accessKeyId, { at: this.ports.clock.now(), serviceName, region });
  }

  // --- roles ---

  createRole = (a: string, input: roles.CreateRoleInput, actor: Actor = API_CALLER) =>
    this.write(a, (c) => roles.createRole(c, input, actor)).then(roles.roleOutput);
  getRole = (a: string, name: string) => this.read(a, (c) => roles.getRole(c, name)).then(roles.roleOutput);
  listRoles = (a: string, pathPrefix: string | undefined, page: PageRequest = {}) =>
    this.read(a, (c) => roles.listRoles(c, pathPrefix, page)).then((p) => ({ ...p, items: p.items.map(roles.roleOutput) }));
  updateRole = (a: string, name: string, input: roles.UpdateRoleInput, actor: Actor = API_CALLER): Promise<IamRole> =>
    this.write(a, (c) => roles.updateRole(c, name, input, actor)).then(roles.roleOutput);
  updateRoleDescription = (a: string, name: string, description: string, actor: Actor = API_CALLER) =>
    this.updateRole(a, name, { description }, actor);
  deleteRole = (a: string, name: string, actor: Actor = API_CALLER) => this.write(a, (c) => roles.deleteRole(c, name, actor));
  updateAssumeRolePolicy = (a: string, name: string, doc: string, actor: Actor = API_CALLER) =>
    this.write(a, (c) => roles.updateAssumeRolePolicy(c, name, doc, actor));
  tagRole = (a: string, name: string, tags: readonly Tag[], actor: Actor = API_CALLER) => this.write(a, (c) => roles.tagRole(c, name, tags, actor));
  untagRole = (a: string, name: string, tagKeys: readonly string[], actor: Actor = API_CALLER) =>
    this.write(a, (c) => roles.untagRole(c, name, tagKeys, actor));
  listRoleTags = (a: string, name: string, page: PageRequest = {}) => this.read(a, (c) => roles.listRoleTags(c, name, page));

  putRolePolicy = (a: string, name: string, policyName: string, doc: string, actor: Actor = API_CALLER) =>
    this.write(a, (c) => inline.putInlinePolicy(c, role(name), policyName, doc, actor));
  getRolePolicy = (a: string, name: string, policyName: string) => this.read(a, (c) => inline.getInlinePolicy(c, role(name), policyName));
  deleteRolePolicy = (a: string, name: string, policyName: string, actor: Actor = API_CALLER) =>
    this.write(a, (c) => inline.deleteInlinePolicy(c, role(name), policyName, actor));
  listRolePolicies = (a: string, name: string, page: PageRequest = {}) => this.read(a, (c) => inline.listInlinePolicyNames(c, role(name), page));
  attachRolePolicy = (a: string, name: string, arn: string, actor: Actor = API_CALLER) =>
    this.write(a, (c) => attachments.attachPolicy(c, role(name), arn, actor));
  detachRolePolicy = (a: string, name: string, arn: string, actor: Actor = API_CALLER) =>
    this.write(a, (c) => attachments.detachPolicy(c, role(name), arn, actor));
  listAttachedRolePolicies = (a: string, name: string, pathPrefix?: string, page: PageRequest = {}) =>
    this.read(a, (c) => attachments.listAttachedPolicies(c, role(name), pathPrefix, page));
  putRolePermissionsBoundary = (a: string, name: string, arn: string, actor: Actor = API_CALLER) =>
    this.write(a, (c) => boundaries.putPermissionsBoundary(c, role(name), arn, actor));
  deleteRolePermissionsBoundary = (a: string, name: string, actor: Actor = API_CALLER) =>
    this.write(a, (c) => boundaries.deletePermissionsBoundary(c, role(name), actor));

  // --- users and access keys ---

  createIamUser = (a: string, input: users.CreateUserInput) => this.write(a, (c) => users.createUser(c, input));
  getUser = (a: string, name: string) => this.read(a, (c) => users.getUser(c, name));
  listUsers = (a: string, pathPrefix: string | undefined, page: PageRequest = {}) => this.read(a, (c) => users.listUsers(c, pathPrefix, page));
  deleteUser = (a: string, name: string) => this.write(a, (c) => users.deleteUser(c, name));
  createUserAccessKey = (a: string, name: string) => this.write(a, (c) => keys.createAccessKey(c, this.ports.keyRing, name));
  listAccessKeys = (a: string, name: string, page: PageRequest = {}) => this.read(a, (c) => keys.listAccessKeys(c, name, page));
  updateAccessKey = (a: string, name: string, id: string, status: AccessKey['status']) =>
    this.write(a, (c) => keys.updateAccessKey(c, name, id, status));
  deleteAccessKey = (a: string, name: string, id: string) => this.write(a, (c) => keys.deleteAccessKey(c, name, id));
  getAccessKeyLastUsed = (a: string, id: string) => this.read(a, (c) => keys.getAccessKeyLastUsed(c, id));

  putUserPolicy = (a: string, name: string, policyName: string, doc: string) =>
    this.write(a, (c) => inline.putInlinePolicy(c, user(name), policyName, doc, API_CALLER));
  getUserPolicy = (a: string, name: string, policyName: string) => this.read(a, (c) => inline.getInlinePolicy(c, user(name), policyName));
  deleteUserPolicy = (a: string, name: string, policyName: string) =>
    this.write(a, (c) => inline.deleteInlinePolicy(c, user(name), policyName, API_CALLER));
  listUserPolicies = (a: string, name: string, page: PageRequest = {}) => this.read(a, (c) => inline.listInlinePolicyNames(c, user(name), page));
  attachUserPolicy = (a: string, name: string, arn: string) => this.write(a, (c) => attachments.attachPolicy(c, user(name), arn, API_CALLER));
  detachUserPolicy = (a: string, name: string, arn: string) => this.write(a, (c) => attachments.detachPolicy(c, user(name), arn, API_CALLER));
  listAttachedUserPolicies = (a: string, name: string, pathPrefix?: string, page: PageRequest = {}) =>
    this.read(a, (c) => attachments.listAttachedPolicies(c, user(name), pathPrefix, page));
  putUserPermissionsBoundary = (a: string, name: string, arn: string) =>
    this.write(a, (c) => boundaries.putPermissionsBoundary(c, user(name), arn, API_CALLER));
  deleteUserPermissionsBoundary = (a: string, name: string) => this.write(a, (c) => boundaries.deletePermissionsBoundary(c, user(name), API_CALLER));

  // --- managed policies ---

  createPolicy = (a: string, input: policies.CreatePolicyInput) => this.write(a, (c) => policies.createPolicy(c, input));
  getPolicy = (a: string, arn: string) => this.read(a, (c) => policies.getPolicy(c, arn));
  listPolicies = (a: string, input: policies.ListPoliciesInput = {}, page: PageRequest = {}) => this.read(a, (c) => policies.listPolicies(c, input, page));
  deletePolicy = (a: string, arn: string) => this.write(a, (c) => policies.deletePolicy(c, arn));
  createPolicyVersion = (a: string, arn: string, doc: string, setAsDefault = false) =>
    this.write(a, (c) => versions.createPolicyVersion(c, arn, doc, setAsDefault));
  getPolicyVersion = (a: string, arn: string, versionId: string) => this.read(a, (c) => versions.getPolicyVersion(c, arn, versionId));
  listPolicyVersions = (a: string, arn: string, page: PageRequest = {}) => this.read(a, (c) => versions.listPolicyVersions(c, arn, page));
  deletePolicyVersion = (a: string, arn: string, versionId: string) => this.write(a, (c) => versions.deletePolicyVersion(c, arn, versionId));
  setDefaultPolicyVersion = (a: string, arn: string, versionId: string) =>
    this.write(a, (c) => versions.setDefaultPolicyVersion(c, arn, versionId));
  listEntitiesForPolicy = (a: string, arn: string, input: ListEntitiesInput = {}, page: PageRequest = {}) =>
    this.read(a, (c) => listEntitiesForPolicy(c, arn, input, page));

  // --- SAML providers, account aliases, authorization details ---

  createSamlProvider = (a: string, name: string, metadata: string, tags: readonly Tag[] = []) =>
    this.write(a, (c) => saml.createSamlProvider(c, name, metadata, tags));
  getSamlProvider = (a: string, arn: string) => this.read(a, (c) => saml.getSamlProvider(c, arn));
  listSamlProviders = (a: string) => this.read(a, (c) => saml.listSamlProviders(c));
  updateSamlProvider = (a: string, arn: string, metadata: string) => this.write(a, (c) => saml.updateSamlProvider(c, arn, metadata));
  deleteSamlProvider = (a: string, arn: string) => this.write(a, (c) => saml.deleteSamlProvider(c, arn));

  createAccountAlias = (a: string, alias: string) => this.write(a, (c) => aliases.createAccountAlias(c, alias));
  listAccountAliases = (a: string, page: PageRequest = {}) => this.read(a, (c) => aliases.listAccountAliases(c, page));
  deleteAccountAlias = (a: string, alias: string) => this.write(a, (c) => aliases.deleteAccountAlias(c, alias));

  getAccountAuthorizationDetails = (a: string, filter?: readonly EntityType[], page: PageRequest = {}) =>
    this.read(a, (c) => getAccountAuthorizationDetails(c, filter, page));

  /** For the policy engine: the principal's identity policies and boundary, as stored. */
  getPrincipalPolicies = (a: string, principal: PrincipalRef) => this.read(a, (c) => getPrincipalPolicies(c, principal));
}
