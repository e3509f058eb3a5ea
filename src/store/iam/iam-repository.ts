// The IAM repository over Kysely: one code path for SQLite and PostgreSQL. Names are matched
// through their lower-cased `name_key`; unique violations become Conflict errors.

import type { Kysely } from 'kysely';
import type {
  AccessKey,
  AccountAlias,
  IamRepository,
  IamRole,
  IamUser,
  InlinePolicy,
  ManagedPolicy,
  PolicyAttachment,
  PolicyVersion,
  PrincipalRef,
  SamlProvider,
} from '../../domain/iam/iam-repository.js';
import { conflict } from '../../lib/errors.js';
import { isUniqueViolation } from '../driver-errors.js';
import type { IamTables } from './tables.js';
import * as rows from './rows.js';

const { key } = rows;

/** Runs an insert; a unique violation becomes a Conflict with IAM's message. */
async function insertOrConflict(run: () => Promise<unknown>, resource: string, message: string): Promise<void> {
  try {
    await run();
  } catch (e) {
    if (isUniqueViolation(e)) throw conflict(message, { resource, reason: 'EntityAlreadyExists' });
    throw e;
  }
}

export class KyselyIamRepository implements IamRepository {
  private readonly db: Kysely<IamTables>;

  /** Takes the application's database (or a transaction); IAM only touches its own tables. */
  constructor(db: Kysely<any>) {
    this.db = db as Kysely<IamTables>;
  }

  // --- users ---

  createUser(u: IamUser): Promise<void> {
    return insertOrConflict(
      () => this.db.insertInto('iam_user').values(rows.userRow(u)).execute(),
      'User',
      `User with name ${u.userName} already exists.`,
    );
  }

  async getUser(accountId: string, userName: string): Promise<IamUser | undefined> {
    const row = await this.db
      .selectFrom('iam_user')
      .selectAll()
      .where('account_id', '=', accountId)
      .where('name_key', '=', key(userName))
      .executeTakeFirst();
    return row && rows.userFromRow(row);
  }

  async listUsers(accountId: string): Promise<IamUser[]> {
    const list = await this.db.selectFrom('iam_user').selectAll().where('account_id', '=', accountId).orderBy('name_key').execute();
    return list.map(rows.userFromRow);
  }

  async updateUser(u: IamUser): Promise<void> {
    await this.db
      .updateTable('iam_user')
      .set({ permissions_boundary_arn: u.permissionsBoundaryArn ?? null, tags: rows.tagsToText(u.tags) })
      .where('account_id', '=', u.accountId)
      .where('name_key', '=', key(u.userName))
      .execute();
  }

  async deleteUser(accountId: string, userName: string): Promise<void> {
    await this.db.deleteFrom('iam_user').where('account_id', '=', accountId).where('name_key', '=', key(userName)).execute();
  }

  // --- access keys ---

  async createAccessKey(k: AccessKey): Promise<void> {
    await this.db
      .insertInto('iam_access_key')
      .values({
        access_key_id: k.accessKeyId,
        account_id: k.accountId,
        user_name: k.userName,
        secret_sealed: k.secretSealed,
        status: k.status,
        created_at: k.createdAt,
        last_used_at: k.lastUsed?.at ?? null,
        last_used_service: k.lastUsed?.serviceName ?? null,
        last_used_region: k.lastUsed?.region ?? null,
      })
      .execute();
  }

  async getAccessKey(accessKeyId: string): Promise<AccessKey | undefined> {
    const row = await this.db.selectFrom('iam_access_key').selectAll().where('access_key_id', '=', accessKeyId).executeTakeFirst();
    return row && rows.accessKeyFromRow(row);
  }

  async listAccessKeys(accountId: string, userName: string): Promise<AccessKey[]> {
    const list = await this.db
      .selectFrom('iam_access_key')
      .selectAll()
      .where('account_id', '=', accountId)
      .where('user_name', '=', userName)
      .orderBy('access_key_id')
      .execute();
    return list.map(rows.accessKeyFromRow);
  }

  async updateAccessKeyStatus(accessKeyId: string, status: AccessKey['status']): Promise<void> {
    await this.db.updateTable('iam_access_key').set({ status }).where('access_key_id', '=', accessKeyId).execute();
  }

  async recordAccessKeyUse(accessKeyId: string, lastUsed: NonNullable<AccessKey['lastUsed']>): Promise<void> {
    await this.db
      .updateTable('iam_access_key')
      .set({ last_used_at: lastUsed.at, last_used_service: lastUsed.serviceName, last_used_region: lastUsed.region })
      .where('access_key_id', '=', accessKeyId)
      .execute();
  }

  async deleteAccessKey(accessKeyId: string): Promise<void> {
    await this.db.deleteFrom('iam_access_key').where('access_key_id', '=', accessKeyId).execute();
  }

  // --- roles ---

  createRole(r: IamRole): Promise<void> {
    return insertOrConflict(
      () => this.db.insertInto('iam_role').values(rows.roleRow(r)).execute(),
      'Role',
      `Role with name ${r.roleName} already exists.`,
    );
  }

  async getRole(accountId: string, roleName: string): Promise<IamRole | undefined> {
    const row = await this.db
      .selectFrom('iam_role')
      .selectAll()
      .where('account_id', '=', accountId)
      .where('name_key', '=', key(roleName))
      .executeTakeFirst();
    return row && rows.roleFromRow(row);
  }

  async listRoles(accountId: string): Promise<IamRole[]> {
    const list = await this.db.selectFrom('iam_role').selectAll().where('account_id', '=', accountId).orderBy('name_key').execute();
    return list.map(rows.roleFromRow);
  }

  async updateRole(r: IamRole): Promise<void> {
    const row = rows.roleRow(r);
    await this.db
      .updateTable('iam_role')
      .set({
        assume_role_policy: row.assume_role_policy,
        description: row.description,
        max_session_duration: row.max_session_duration,
        permissions_boundary_arn: row.permissions_boundary_arn,
        tags: row.tags,
      })
      .where('account_id', '=', r.accountId)
      .where('name_key', '=', row.name_key)
      .execute();
  }

  async deleteRole(accountId: string, roleName: string): Promise<void> {
    await this.db.deleteFrom('iam_role').where('account_id', '=', accountId).where('name_key', '=', key(roleName)).execute();
  }

  // --- inline policies ---

  async putInlinePolicy(p: InlinePolicy): Promise<void> {
    await this.db
      .insertInto('iam_inline_policy')
      .values({
        account_id: p.accountId,
        principal_kind: p.principalKind,
        principal_key: key(p.principalName),
        principal_name: p.principalName,
        policy_name: p.policyName,
        name_key: key(p.policyName),
        document: p.document,
      })
      .onConflict((oc) =>
        oc.columns(['account_id', 'principal_kind', 'principal_key', 'name_key']).doUpdateSet({ document: p.document, policy_name: p.policyName }),
      )
      .execute();
  }

  private inline(accountId: string, principal: PrincipalRef) {
    return this.db
      .selectFrom('iam_inline_policy')
      .selectAll()
      .where('account_id', '=', accountId)
      .where('principal_kind', '=', principal.kind)
      .where('principal_key', '=', key(principal.name));
  }

  async getInlinePolicy(accountId: string, principal: PrincipalRef, policyName: string): Promise<InlinePolicy | undefined> {
    const row = await this.inline(accountId, principal).where('name_key', '=', key(policyName)).executeTakeFirst();
    return row && rows.inlineFromRow(row);
  }

  async listInlinePolicies(accountId: string, principal: PrincipalRef): Promise<InlinePolicy[]> {
    return (await this.inline(accountId, principal).orderBy('name_key').execute()).map(rows.inlineFromRow);
  }

  async deleteInlinePolicy(accountId: string, principal: PrincipalRef, policyName: string): Promise<void> {
    await this.db
      .deleteFrom('iam_inline_policy')
      .where('account_id', '=', accountId)
      .where('principal_kind', '=', principal.kind)
      .where('principal_key', '=', key(principal.name))
      .where('name_key', '=', key(policyName))
      .execute();
  }

  // --- managed policies and versions ---

  createManagedPolicy(p: ManagedPolicy): Promise<void> {
    return insertOrConflict(
      () => this.db.insertInto('iam_managed_policy').values(rows.managedPolicyRow(p)).execute(),
      'Policy',
      `A policy called ${p.policyName} already exists. Duplicate names are not allowed.`,
    );
  }

  async getManagedPolicy(policyArn: string): Promise<ManagedPolicy | undefined> {
    const row = await this.db.selectFrom('iam_managed_policy').selectAll().where('arn', '=', policyArn).executeTakeFirst();
    return row && rows.managedPolicyFromRow(row);
  }

  async listManagedPolicies(accountId: string): Promise<ManagedPolicy[]> {
    const list = await this.db.selectFrom('iam_managed_policy').selectAll().where('account_id', '=', accountId).orderBy('name_key').execute();
    return list.map(rows.managedPolicyFromRow);
  }

  async updateManagedPolicy(p: ManagedPolicy): Promise<void> {
    await this.db
      .updateTable('iam_managed_policy')
      .set({ default_version_id: p.defaultVersionId, next_version: p.nextVersion, updated_at: p.updatedAt, tags: rows.tagsToText(p.tags) })
      .where('arn', '=', p.arn)
      .execute();
  }

  async deleteManagedPolicy(policyArn: string): Promise<void> {
    await this.db.deleteFrom('iam_managed_policy').where('arn', '=', policyArn).execute();
  }

  async createPolicyVersion(v: PolicyVersion): Promise<void> {
    await this.db
      .insertInto('iam_policy_version')
      .values({ policy_arn: v.policyArn, version_id: v.versionId, document: v.document, created_at: v.createdAt })
      .execute();
  }

  async getPolicyVersion(policyArn: string, versionId: string): Promise<PolicyVersion | undefined> {
    const row = await this.db
      .selectFrom('iam_policy_version')
      .selectAll()
      .where('policy_arn', '=', policyArn)
      .where('version_id', '=', versionId)
      .executeTakeFirst();
    return row && { policyArn: row.policy_arn, versionId: row.version_id, document: row.document, createdAt: row.created_at };
  }

  async listPolicyVersions(policyArn: string): Promise<PolicyVersion[]> {
    const list = await this.db.selectFrom('iam_policy_version').selectAll().where('policy_arn', '=', policyArn).orderBy('created_at').execute();
    return list.map((row) => ({ policyArn: row.policy_arn, versionId: row.version_id, document: row.document, createdAt: row.created_at }));
  }

  async deletePolicyVersion(policyArn: string, versionId: string): Promise<void> {
    await this.db.deleteFrom('iam_policy_version').where('policy_arn', '=', policyArn).where('version_id', '=', versionId).execute();
  }

  // --- attachments ---

  async attachPolicy(a: PolicyAttachment): Promise<void> {
    await this.db
      .insertInto('iam_policy_attachment')
      .values({
        account_id: a.accountId,
        principal_kind: a.principalKind,
        principal_key: key(a.principalName),
        principal_name: a.principalName,
        policy_arn: a.policyArn,
      })
      .onConflict((oc) => oc.columns(['account_id', 'principal_kind', 'principal_key', 'policy_arn']).doNothing())
      .execute();
  }

  async detachPolicy(a: PolicyAttachment): Promise<boolean> {
    const result = await this.db
      .deleteFrom('iam_policy_attachment')
      .where('account_id', '=', a.accountId)
      .where('principal_kind', '=', a.principalKind)
      .where('principal_key', '=', key(a.principalName))
      .where('policy_arn', '=', a.policyArn)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  async listAttachedPolicies(accountId: string, principal: PrincipalRef): Promise<PolicyAttachment[]> {
    const list = await this.db
      .selectFrom('iam_policy_attachment')
      .selectAll()
      .where('account_id', '=', accountId)
      .where('principal_kind', '=', principal.kind)
      .where('principal_key', '=', key(principal.name))
      .orderBy('policy_arn')
      .execute();
    return list.map(rows.attachmentFromRow);
  }

  async listAttachments(accountId: string, policyArn?: string): Promise<PolicyAttachment[]> {
    let q = this.db.selectFrom('iam_policy_attachment').selectAll().where('account_id', '=', accountId);
    if (policyArn !== undefined) q = q.where('policy_arn', '=', policyArn);
    const list = await q.orderBy('principal_kind').orderBy('principal_key').orderBy('policy_arn').execute();
    return list.map(rows.attachmentFromRow);
  }

  // --- SAML providers ---

  createSamlProvider(p: SamlProvider): Promise<void> {
    return insertOrConflict(
      () => this.db.insertInto('iam_saml_provider').values(rows.samlRow(p)).execute(),
      'SAMLProvider',
      `SAMLProvider ${p.name} already exists.`,
    );
  }

  async getSamlProvider(arn: string): Promise<SamlProvider | undefined> {
    const row = await this.db.selectFrom('iam_saml_provider').selectAll().where('arn', '=', arn).executeTakeFirst();
    return row && rows.samlFromRow(row);
  }

  async listSamlProviders(accountId: string): Promise<SamlProvider[]> {
    const list = await this.db.selectFrom('iam_saml_provider').selectAll().where('account_id', '=', accountId).orderBy('name_key').execute();
    return list.map(rows.samlFromRow);
  }

  async updateSamlProvider(p: SamlProvider): Promise<void> {
    const row = rows.samlRow(p);
    await this.db
      .updateTable('iam_saml_provider')
      .set({ metadata_document: row.metadata_document, valid_until: row.valid_until, tags: row.tags })
      .where('arn', '=', p.arn)
      .execute();
  }

  async deleteSamlProvider(arn: string): Promise<void> {
    await this.db.deleteFrom('iam_saml_provider').where('arn', '=', arn).execute();
  }

  // --- account aliases ---

  createAccountAlias(a: AccountAlias): Promise<void> {
    return insertOrConflict(
      () => this.db.insertInto('iam_account_alias').values({ alias: a.alias, account_id: a.accountId }).execute(),
      'AccountAlias',
      `The account alias ${a.alias} already exists.`,
    );
  }

  async listAccountAliases(accountId: string): Promise<AccountAlias[]> {
    const list = await this.db.selectFrom('iam_account_alias').selectAll().where('account_id', '=', accountId).orderBy('alias').execute();
    return list.map((r) => ({ accountId: r.account_id, alias: r.alias }));
  }

  async deleteAccountAlias(accountId: string, alias: string): Promise<void> {
    await this.db.deleteFrom('iam_account_alias').where('account_id', '=', accountId).where('alias', '=', alias).execute();
  }
}
