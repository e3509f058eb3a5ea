// The IAM persistence port: users and access keys (what SigV4 needs), roles, inline and managed
// policies with their versions and attachments, SAML providers and account aliases.
// Names are looked up regardless of case, as IAM does; writes that break a uniqueness rule throw
// a Conflict error (`EntityAlreadyExists`).

import type {
  AccessKey,
  AccountAlias,
  IamRole,
  IamUser,
  InlinePolicy,
  ManagedPolicy,
  PolicyAttachment,
  PolicyVersion,
  PrincipalRef,
  SamlProvider,
} from './model.js';

export type {
  AccessKey,
  AccountAlias,
  IamRole,
  IamUser,
  InlinePolicy,
  ManagedPolicy,
  PolicyAttachment,
  PolicyVersion,
  PrincipalKind,
  PrincipalRef,
  SamlProvider,
  Tag,
} from './model.js';

export interface IamRepository {
  /** Throws a Conflict error when the user exists. */
  createUser(user: IamUser): Promise<void>;
  getUser(accountId: string, userName: string): Promise<IamUser | undefined>;
  listUsers(accountId: string): Promise<IamUser[]>;
  /** Replaces the user's boundary and tags. */
  updateUser(user: IamUser): Promise<void>;
  deleteUser(accountId: string, userName: string): Promise<void>;

  createAccessKey(key: AccessKey): Promise<void>;
  getAccessKey(accessKeyId: string): Promise<AccessKey | undefined>;
  listAccessKeys(accountId: string, userName: string): Promise<AccessKey[]>;
  updateAccessKeyStatus(accessKeyId: string, status: AccessKey['status']): Promise<void>;
  deleteAccessKey(accessKeyId: string): Promise<void>;
  /** Notes when, where and for which service a key last signed a request. */
  recordAccessKeyUse(accessKeyId: string, lastUsed: NonNullable<AccessKey['lastUsed']>): Promise<void>;

  /** Throws a Conflict error when a role of that name (in any case) exists in the account. */
  createRole(role: IamRole): Promise<void>;
  getRole(accountId: string, roleName: string): Promise<IamRole | undefined>;
  listRoles(accountId: string): Promise<IamRole[]>;
  /** Replaces the role's mutable fields (description, duration, trust policy, boundary, tags). */
  updateRole(role: IamRole): Promise<void>;
  deleteRole(accountId: string, roleName: string): Promise<void>;

  /** Creates or replaces an inline policy (same name in any case replaces it). */
  putInlinePolicy(policy: InlinePolicy): Promise<void>;
  getInlinePolicy(accountId: string, principal: PrincipalRef, policyName: string): Promise<InlinePolicy | undefined>;
  listInlinePolicies(accountId: string, principal: PrincipalRef): Promise<InlinePolicy[]>;
  deleteInlinePolicy(accountId: string, principal: PrincipalRef, policyName: string): Promise<void>;

  /** Throws a Conflict error when a policy of that name (in any case) exists in the account. */
  createManagedPolicy(policy: ManagedPolicy): Promise<void>;
  getManagedPolicy(policyArn: string): Promise<ManagedPolicy | undefined>;
  listManagedPolicies(accountId: string): Promise<ManagedPolicy[]>;
  /** Replaces the default version, next version number, update time and tags. */
  updateManagedPolicy(policy: ManagedPolicy): Promise<void>;
  deleteManagedPolicy(policyArn: string): Promise<void>;

  createPolicyVersion(version: PolicyVersion): Promise<void>;
  getPolicyVersion(policyArn: string, versionId: string): Promise<PolicyVersion | undefined>;
  listPolicyVersions(policyArn: string): Promise<PolicyVersion[]>;
  deletePolicyVersion(policyArn: string, versionId: string): Promise<void>;

  /** Attaching twice is a no-op. */
  attachPolicy(attachment: PolicyAttachment): Promise<void>;
  /** Returns whether there was such an attachment. */
  detachPolicy(attachment: PolicyAttachment): Promise<boolean>;
  listAttachedPolicies(accountId: string, principal: PrincipalRef): Promise<PolicyAttachment[]>;
  /** Every attachment in the account (for one policy when `policyArn` is given). */
  listAttachments(accountId: string, policyArn?: string): Promise<PolicyAttachment[]>;

  /** Throws a Conflict error when a provider of that name exists in the account. */
  createSamlProvider(provider: SamlProvider): Promise<void>;
  getSamlProvider(arn: string): Promise<SamlProvider | undefined>;
  listSamlProviders(accountId: string): Promise<SamlProvider[]>;
  updateSamlProvider(provider: SamlProvider): Promise<void>;
  deleteSamlProvider(arn: string): Promise<void>;

  /** Throws a Conflict error when the alias is taken (by any account) or the account has one. */
  createAccountAlias(alias: AccountAlias): Promise<void>;
  listAccountAliases(accountId: string): Promise<AccountAlias[]>;
  deleteAccountAlias(accountId: string, alias: string): Promise<void>;
}
