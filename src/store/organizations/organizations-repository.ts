import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../database.js';
import type { OrganizationsRepository } from '../../domain/organizations/organizations-repository.js';
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
} from '../../domain/organizations/model.js';
import type { OrgAccountTable, OrgCreateAccountStatusTable, OrgOuTable, OrgPolicyTable } from './tables.js';
import { conflict, type ErrorDetails } from '../../lib/errors.js';
import { isUniqueViolation } from '../driver-errors.js';

const toAccount = (r: Selectable<OrgAccountTable>): Account => ({
  id: r.id,
  arn: r.arn,
  name: r.name,
  email: r.email,
  status: r.status as Account['status'],
  joinedMethod: r.joined_method as Account['joinedMethod'],
  joinedAt: r.joined_at,
  parentId: r.parent_id,
});

const toOu = (r: Selectable<OrgOuTable>): OrganizationalUnit => ({
  id: r.id, arn: r.arn, name: r.name, parentId: r.parent_id, createdAt: r.created_at,
});

const toPolicy = (r: Selectable<OrgPolicyTable>): Policy => ({
  id: r.id,
  arn: r.arn,
  name: r.name,
  description: r.description,
  type: r.policy_type as PolicyType,
  awsManaged: Number(r.aws_managed) === 1,
  content: r.content,
});

const toStatus = (r: Selectable<OrgCreateAccountStatusTable>): CreateAccountStatus => ({
  id: r.id,
  accountName: r.account_name,
  state: r.state as CreateAccountState,
  requestedAt: r.requested_at,
  ...(r.completed_at !== null ? { completedAt: r.completed_at } : {}),
  ...(r.account_id !== null ? { accountId: r.account_id } : {}),
  ...(r.failure_reason !== null ? { failureReason: r.failure_reason } : {}),
});

const ACCOUNT_CHUNK = 500;

/** Runs an insert or update; a unique violation becomes a Conflict with `details`. */
async function unique<T>(run: () => Promise<T>, message: string, details: ErrorDetails): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (isUniqueViolation(e)) throw conflict(message, details);
    throw e;
  }
}

export class KyselyOrganizationsRepository implements OrganizationsRepository {
  constructor(readonly db: Kysely<Database>) {}

  async getOrganization(): Promise<Organization | undefined> {
    const r = await this.db.selectFrom('org_organization').selectAll().executeTakeFirst();
    return r && {
      id: r.id,
      arn: r.arn,
      featureSet: r.feature_set as Organization['featureSet'],
      managementAccountId: r.management_account_id,
      managementAccountArn: r.management_account_arn,
      managementAccountEmail: r.management_account_email,
      createdAt: r.created_at,
    };
  }

  async createOrganization(o: Organization): Promise<void> {
    await unique(() => this.db.insertInto('org_organization').values({
      id: o.id,
      arn: o.arn,
      feature_set: o.featureSet,
      management_account_id: o.managementAccountId,
      management_account_arn: o.managementAccountArn,
      management_account_email: o.managementAccountEmail,
      created_at: o.createdAt,
    }).execute(), 'The organization exists already.', { resource: 'Organization' });
  }

  async createRoot(r: Root): Promise<void> {
    await this.db.insertInto('org_root').values({ id: r.id, arn: r.arn, name: r.name, created_at: r.createdAt }).execute();
  }

  async getRoot(id: string): Promise<Root | undefined> {
    const r = await this.db.selectFrom('org_root').selectAll().where('id', '=', id).executeTakeFirst();
    return r && { id: r.id, arn: r.arn, name: r.name, createdAt: r.created_at };
  }

  async listRoots(): Promise<Root[]> {
    const rows = await this.db.selectFrom('org_root').selectAll().orderBy('id').execute();
    return rows.map((r) => ({ id: r.id, arn: r.arn, name: r.name, createdAt: r.created_at }));
  }

  async listRootPolicyTypes(rootId: string): Promise<RootPolicyType[]> {
    const rows = await this.db.selectFrom('org_root_policy_type').selectAll().where('root_id', '=', rootId).orderBy('policy_type').execute();
    return rows.map((r) => ({ rootId: r.root_id, type: r.policy_type as PolicyType, status: r.status as RootPolicyType['status'] }));
  }

  async putRootPolicyType(v: RootPolicyType): Promise<void> {
    await this.db.insertInto('org_root_policy_type')
      .values({ root_id: v.rootId, policy_type: v.type, status: v.status })
      .onConflict((oc) => oc.columns(['root_id', 'policy_type']).doUpdateSet({ status: v.status }))
      .execute();
  }

  async deleteRootPolicyType(rootId: string, type: PolicyType): Promise<void> {
    await this.db.deleteFrom('org_root_policy_type').where('root_id', '=', rootId).where('policy_type', '=', type).execute();
  }

  async createOrganizationalUnit(ou: OrganizationalUnit): Promise<void> {
    await unique(() => this.db.insertInto('org_ou').values({
      id: ou.id, arn: ou.arn, name: ou.name, parent_id: ou.parentId, created_at: ou.createdAt,
    }).execute(), `An OU named ${ou.name} exists already in ${ou.parentId}.`, { resource: 'OrganizationalUnit' });
  }

  async getOrganizationalUnit(id: string): Promise<OrganizationalUnit | undefined> {
    const r = await this.db.selectFrom('org_ou').selectAll().where('id', '=', id).executeTakeFirst();
    return r && toOu(r);
  }

  async renameOrganizationalUnit(id: string, name: string): Promise<void> {
    await unique(() => this.db.updateTable('org_ou').set({ name }).where('id', '=', id).execute(),
      `An OU named ${name} exists already in the same parent.`, { resource: 'OrganizationalUnit' });
  }

  async deleteOrganizationalUnit(id: string): Promise<void> {
    await this.db.deleteFrom('org_ou').where('id', '=', id).execute();
  }

  async listOrganizationalUnitsForParent(parentId: string): Promise<OrganizationalUnit[]> {
    return (await this.db.selectFrom('org_ou').selectAll().where('parent_id', '=', parentId).orderBy('id').execute()).map(toOu);
  }

  async listOrganizationalUnits(): Promise<OrganizationalUnit[]> {
    return (await this.db.selectFrom('org_ou').selectAll().orderBy('id').execute()).map(toOu);
  }

  async createAccount(a: Account): Promise<void> {
    await unique(() => this.db.insertInto('org_account').values({
      id: a.id,
      arn: a.arn,
      name: a.name,
      email: a.email,
      email_key: a.email.toLowerCase(),
      status: a.status,
      joined_method: a.joinedMethod,
      joined_at: a.joinedAt,
      parent_id: a.parentId,
    }).execute(), `An account with the e-mail address ${a.email} or the id ${a.id} exists already.`,
    { resource: 'Account', reason: 'EMAIL_ALREADY_EXISTS' });
  }

  async getAccount(id: string): Promise<Account | undefined> {
    const r = await this.db.selectFrom('org_account').selectAll().where('id', '=', id).executeTakeFirst();
    return r && toAccount(r);
  }

  async getAccounts(ids: readonly string[]): Promise<Account[]> {
    // Chunks keep each statement under SQLite's and PostgreSQL's bound-parameter limits.
    const wanted = [...new Set(ids)];
    const out: Account[] = [];
    for (let i = 0; i < wanted.length; i += ACCOUNT_CHUNK) {
      const rows = await this.db.selectFrom('org_account').selectAll().where('id', 'in', wanted.slice(i, i + ACCOUNT_CHUNK)).execute();
      out.push(...rows.map(toAccount));
    }
    return out;
  }

  async getAccountByEmail(email: string): Promise<Account | undefined> {
    const r = await this.db.selectFrom('org_account').selectAll().where('email_key', '=', email.toLowerCase()).executeTakeFirst();
    return r && toAccount(r);
  }

  async listAccounts(): Promise<Account[]> {
    return (await this.db.selectFrom('org_account').selectAll().orderBy('joined_at').orderBy('id').execute()).map(toAccount);
  }

  async listAccountsForParent(parentId: string): Promise<Account[]> {
    const rows = await this.db.selectFrom('org_account').selectAll().where('parent_id', '=', parentId)
      .orderBy('joined_at').orderBy('id').execute();
    return rows.map(toAccount);
  }

  async setAccountParent(id: string, parentId: string): Promise<void> {
    await this.db.updateTable('org_account').set({ parent_id: parentId }).where('id', '=', id).execute();
  }

  async deleteAccount(id: string): Promise<void> {
    await this.db.deleteFrom('org_account').where('id', '=', id).execute();
  }

  async putStandaloneAccount(a: StandaloneAccount): Promise<void> {
    const row = { name: a.name, email: a.email, email_key: a.email.toLowerCase(), removed_at: a.removedAt };
    await this.db.insertInto('org_standalone_account').values({ id: a.id, ...row })
      .onConflict((oc) => oc.column('id').doUpdateSet(row))
      .execute();
  }

  async getStandaloneAccount(id: string): Promise<StandaloneAccount | undefined> {
    const r = await this.db.selectFrom('org_standalone_account').selectAll().where('id', '=', id).executeTakeFirst();
    return r && { id: r.id, name: r.name, email: r.email, removedAt: Number(r.removed_at) };
  }

  async getStandaloneAccountByEmail(email: string): Promise<StandaloneAccount | undefined> {
    const r = await this.db.selectFrom('org_standalone_account').selectAll().where('email_key', '=', email.toLowerCase()).executeTakeFirst();
    return r && { id: r.id, name: r.name, email: r.email, removedAt: Number(r.removed_at) };
  }

  async createCreateAccountStatus(s: CreateAccountStatus): Promise<void> {
    await this.db.insertInto('org_create_account_status').values({
      id: s.id,
      account_name: s.accountName,
      state: s.state,
      requested_at: s.requestedAt,
      completed_at: s.completedAt ?? null,
      account_id: s.accountId ?? null,
      failure_reason: s.failureReason ?? null,
    }).execute();
  }

  async getCreateAccountStatus(id: string): Promise<CreateAccountStatus | undefined> {
    const r = await this.db.selectFrom('org_create_account_status').selectAll().where('id', '=', id).executeTakeFirst();
    return r && toStatus(r);
  }

  async listCreateAccountStatuses(states?: readonly CreateAccountState[]): Promise<CreateAccountStatus[]> {
    let q = this.db.selectFrom('org_create_account_status').selectAll();
    if (states?.length) q = q.where('state', 'in', [...states]);
    return (await q.orderBy('requested_at').orderBy('id').execute()).map(toStatus);
  }

  async createPolicy(p: Policy): Promise<void> {
    await unique(() => this.db.insertInto('org_policy').values({
      id: p.id,
      arn: p.arn,
      name: p.name,
      description: p.description,
      policy_type: p.type,
      aws_managed: p.awsManaged ? 1 : 0,
      content: p.content,
    }).execute(), `A policy named ${p.name} exists already.`, { resource: 'Policy' });
  }

  async getPolicy(id: string): Promise<Policy | undefined> {
    const r = await this.db.selectFrom('org_policy').selectAll().where('id', '=', id).executeTakeFirst();
    return r && toPolicy(r);
  }

  async updatePolicy(p: Policy): Promise<void> {
    await unique(() => this.db.updateTable('org_policy')
      .set({ name: p.name, description: p.description, content: p.content })
      .where('id', '=', p.id)
      .execute(), `A policy named ${p.name} exists already.`, { resource: 'Policy' });
  }

  async deletePolicy(id: string): Promise<void> {
    await this.db.deleteFrom('org_policy').where('id', '=', id).execute();
  }

  async listPolicies(type: PolicyType): Promise<Policy[]> {
    return (await this.db.selectFrom('org_policy').selectAll().where('policy_type', '=', type).orderBy('id').execute()).map(toPolicy);
  }

  async attachPolicy(a: PolicyAttachment): Promise<void> {
    await unique(() => this.db.insertInto('org_policy_attachment').values({
      policy_id: a.policyId,
      target_id: a.targetId,
      policy_type: a.policyType,
      target_type: a.targetType,
      attached_at: a.attachedAt,
    }).execute(), `The policy ${a.policyId} is already attached to ${a.targetId}.`, { resource: 'PolicyAttachment' });
  }

  async detachPolicy(policyId: string, targetId: string): Promise<boolean> {
    const r = await this.db.deleteFrom('org_policy_attachment')
      .where('policy_id', '=', policyId).where('target_id', '=', targetId).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }

  private async attachments(column: 'policy_id' | 'target_id', value: string): Promise<PolicyAttachment[]> {
    const rows = await this.db.selectFrom('org_policy_attachment').selectAll().where(column, '=', value)
      .orderBy('policy_id').orderBy('target_id').execute();
    return rows.map((r) => ({
      policyId: r.policy_id,
      targetId: r.target_id,
      policyType: r.policy_type as PolicyType,
      targetType: r.target_type as PolicyAttachment['targetType'],
      attachedAt: r.attached_at,
    }));
  }

  listAttachmentsForTarget(targetId: string): Promise<PolicyAttachment[]> {
    return this.attachments('target_id', targetId);
  }

  listAttachmentsForPolicy(policyId: string): Promise<PolicyAttachment[]> {
    return this.attachments('policy_id', policyId);
  }

  async detachAllOfType(type: PolicyType): Promise<void> {
    await this.db.deleteFrom('org_policy_attachment').where('policy_type', '=', type).execute();
  }

  async detachAllFromTarget(targetId: string): Promise<void> {
    await this.db.deleteFrom('org_policy_attachment').where('target_id', '=', targetId).execute();
  }

  async getServiceAccess(sp: string): Promise<EnabledServicePrincipal | undefined> {
    const r = await this.db.selectFrom('org_service_access').selectAll().where('service_principal', '=', sp).executeTakeFirst();
    return r && { servicePrincipal: r.service_principal, enabledAt: r.enabled_at };
  }

  async enableServiceAccess(v: EnabledServicePrincipal): Promise<void> {
    await this.db.insertInto('org_service_access')
      .values({ service_principal: v.servicePrincipal, enabled_at: v.enabledAt })
      .onConflict((oc) => oc.column('service_principal').doNothing())
      .execute();
  }

  async disableServiceAccess(sp: string): Promise<void> {
    await this.db.deleteFrom('org_service_access').where('service_principal', '=', sp).execute();
  }

  async listServiceAccess(): Promise<EnabledServicePrincipal[]> {
    const rows = await this.db.selectFrom('org_service_access').selectAll().orderBy('service_principal').execute();
    return rows.map((r) => ({ servicePrincipal: r.service_principal, enabledAt: r.enabled_at }));
  }

  async registerDelegatedAdministrator(v: DelegatedAdministration): Promise<void> {
    await unique(() => this.db.insertInto('org_delegated_admin').values({
      account_id: v.accountId, service_principal: v.servicePrincipal, enabled_at: v.enabledAt,
    }).execute(), `The account ${v.accountId} is already a delegated administrator for ${v.servicePrincipal}.`,
    { resource: 'DelegatedAdministrator' });
  }

  async deregisterDelegatedAdministrator(accountId: string, sp: string): Promise<boolean> {
    const r = await this.db.deleteFrom('org_delegated_admin')
      .where('account_id', '=', accountId).where('service_principal', '=', sp).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }

  private async delegations(column: 'service_principal' | 'account_id', value?: string): Promise<DelegatedAdministration[]> {
    let q = this.db.selectFrom('org_delegated_admin').selectAll();
    if (value !== undefined) q = q.where(column, '=', value);
    const rows = await q.orderBy('account_id').orderBy('service_principal').execute();
    return rows.map((r) => ({ accountId: r.account_id, servicePrincipal: r.service_principal, enabledAt: r.enabled_at }));
  }

  listDelegatedAdministrations(sp?: string): Promise<DelegatedAdministration[]> {
    return this.delegations('service_principal', sp);
  }

  listDelegatedServicesForAccount(accountId: string): Promise<DelegatedAdministration[]> {
    return this.delegations('account_id', accountId);
  }

  async listTags(resourceId: string): Promise<Tag[]> {
    const rows = await this.db.selectFrom('org_tag').selectAll().where('resource_id', '=', resourceId).orderBy('tag_key').execute();
    return rows.map((r) => ({ key: r.tag_key, value: r.tag_value }));
  }

  async putTags(resourceId: string, tags: readonly Tag[]): Promise<void> {
    for (const t of tags) {
      await this.db.insertInto('org_tag')
        .values({ resource_id: resourceId, tag_key: t.key, tag_value: t.value })
        .onConflict((oc) => oc.columns(['resource_id', 'tag_key']).doUpdateSet({ tag_value: t.value }))
        .execute();
    }
  }

  async removeTags(resourceId: string, keys: readonly string[]): Promise<void> {
    if (!keys.length) return;
    await this.db.deleteFrom('org_tag').where('resource_id', '=', resourceId).where('tag_key', 'in', [...keys]).execute();
  }

  async createAccountRoleRequest(r: AccountRoleRequest): Promise<void> {
    await this.db.insertInto('org_account_role_request').values({
      account_id: r.accountId,
      role_name: r.roleName,
      trusted_account_id: r.trustedAccountId,
      managed_policy_arn: r.managedPolicyArn,
      status: r.status,
      created_at: r.createdAt,
      completed_at: r.completedAt ?? null,
    }).execute();
  }

  async listPendingAccountRoleRequests(): Promise<AccountRoleRequest[]> {
    const rows = await this.db.selectFrom('org_account_role_request').selectAll().where('status', '=', 'PENDING')
      .orderBy('created_at').orderBy('account_id').execute();
    return rows.map((r) => ({
      accountId: r.account_id,
      roleName: r.role_name,
      trustedAccountId: r.trusted_account_id,
      managedPolicyArn: r.managed_policy_arn,
      status: r.status as AccountRoleRequest['status'],
      createdAt: r.created_at,
      ...(r.completed_at !== null ? { completedAt: r.completed_at } : {}),
    }));
  }

  async completeAccountRoleRequest(accountId: string, roleName: string, completedAt: number): Promise<boolean> {
    const r = await this.db.updateTable('org_account_role_request')
      .set({ status: 'CREATED', completed_at: completedAt })
      .where('account_id', '=', accountId).where('role_name', '=', roleName).where('status', '=', 'PENDING')
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }
}
