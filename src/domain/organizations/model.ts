// The organization's model, as plain immutable records. Times are epoch milliseconds; the
// wire adapter turns them into Date objects. Names and enums follow the Organizations model.

export const POLICY_TYPES = ['SERVICE_CONTROL_POLICY', 'TAG_POLICY', 'BACKUP_POLICY', 'AISERVICES_OPT_OUT_POLICY'] as const;
export type PolicyType = (typeof POLICY_TYPES)[number];

export type CreateAccountState = 'IN_PROGRESS' | 'SUCCEEDED' | 'FAILED';
export type AccountStatus = 'ACTIVE' | 'SUSPENDED' | 'PENDING_CLOSURE';
export type AccountJoinedMethod = 'INVITED' | 'CREATED';
export type ParentType = 'ROOT' | 'ORGANIZATIONAL_UNIT';
export type ChildType = 'ACCOUNT' | 'ORGANIZATIONAL_UNIT';
export type TargetType = 'ACCOUNT' | 'ORGANIZATIONAL_UNIT' | 'ROOT';

export interface Organization {
  readonly id: string;
  readonly arn: string;
  readonly featureSet: 'ALL' | 'CONSOLIDATED_BILLING';
  readonly managementAccountId: string;
  readonly managementAccountArn: string;
  readonly managementAccountEmail: string;
  readonly createdAt: number;
}

export interface Root {
  readonly id: string;
  readonly arn: string;
  readonly name: string;
  readonly createdAt: number;
}

/** A policy type's state on a root (only enabled types are stored). */
export interface RootPolicyType {
  readonly rootId: string;
  readonly type: PolicyType;
  readonly status: 'ENABLED' | 'PENDING_ENABLE' | 'PENDING_DISABLE';
}

export interface OrganizationalUnit {
  readonly id: string;
  readonly arn: string;
  readonly name: string;
  readonly parentId: string;
  readonly createdAt: number;
}

export interface Account {
  readonly id: string;
  readonly arn: string;
  readonly name: string;
  readonly email: string;
  readonly status: AccountStatus;
  readonly joinedMethod: AccountJoinedMethod;
  readonly joinedAt: number;
  readonly parentId: string;
}

/**
 * An account that left the organization (RemoveAccountFromOrganization, LeaveOrganization). It
 * keeps its IAM; Organizations no longer lists it, and no SCP applies to it.
 */
export interface StandaloneAccount {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly removedAt: number;
}

export interface CreateAccountStatus {
  readonly id: string;
  readonly accountName: string;
  readonly state: CreateAccountState;
  readonly requestedAt: number;
  readonly completedAt?: number;
  readonly accountId?: string;
  readonly failureReason?: string;
}

export interface Policy {
  readonly id: string;
  readonly arn: string;
  readonly name: string;
  readonly description: string;
  readonly type: PolicyType;
  readonly awsManaged: boolean;
  readonly content: string;
}

export interface PolicyAttachment {
  readonly policyId: string;
  readonly policyType: PolicyType;
  readonly targetId: string;
  readonly targetType: TargetType;
  readonly attachedAt: number;
}

export interface Tag {
  readonly key: string;
  readonly value: string;
}

export interface EnabledServicePrincipal {
  readonly servicePrincipal: string;
  readonly enabledAt: number;
}

export interface DelegatedAdministration {
  readonly accountId: string;
  readonly servicePrincipal: string;
  readonly enabledAt: number;
}

/**
 * The role AWS creates in every account made by CreateAccount (`OrganizationAccountAccessRole`
 * by default): administrator access, trusting the management account. Gatehouse records it as a
 * durable pending request; the IAM roles work creates the role and marks it done.
 */
export interface AccountRoleRequest {
  readonly accountId: string;
  readonly roleName: string;
  /** The account the role trusts (`arn:aws:iam::{trusted}:root`). */
  readonly trustedAccountId: string;
  readonly managedPolicyArn: string;
  readonly status: 'PENDING' | 'CREATED';
  readonly createdAt: number;
  readonly completedAt?: number;
}
