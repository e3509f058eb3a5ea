// The portal API behind `aws sso` and the SDKs' SSO credential provider: the accounts and
// permission sets a signed-in user holds, role credentials for them, and sign-out. Every call
// starts from the bearer token, which stands only while its portal session does.

import type { Ports } from '../ports.js';
import { GatehouseError, notFound } from '../../lib/errors.js';
import { parseIsoDuration } from '../../lib/iso-duration.js';
import type { Instance } from '../instance/instance-repository.js';
import type { OidcService } from '../oidc/oidc-service.js';
import type { SessionService } from '../sessions/session-service.js';
import { paginate, type Page, type PageRequest } from '../permission-sets/page.js';
import { provisionedRoleName } from '../permission-sets/provisioned-role-name.js';
import { samlProviderName } from '../provisioning/trust-policy.js';
import { samlProviderArn } from '../iam/names.js';
import type { Account } from '../organizations/model.js';
import { userAccounts, userPermissionSets } from './user-access.js';
import { accessControlTags } from './access-control-tags.js';
import { issueRoleCredentials, type RoleCredentials } from './issue-role-credentials.js';
import { roleSessionName } from './role-session-name.js';
import { TtlCache } from '../../lib/ttl-cache.js';
import type { PortalSession } from '../sessions/portal-session.js';
import type { PermissionSet } from '../permission-sets/permission-set.js';
import type { IamRole } from '../iam/model.js';
import type { AccessControlAttribute } from '../permission-sets/access-control-attributes.js';

export interface PortalRole {
  readonly roleName: string;
  readonly accountId: string;
}

const DEFAULT_DURATION_SECONDS = 3600;

const PORTAL_CACHE_TTL_MS = 1000;

export class PortalService {
  private cachedInstance: Instance | undefined;
  private readonly roleAccess: TtlCache<string, { permissionSet: PermissionSet; role: IamRole } | undefined>;
  private readonly attributes: TtlCache<string, readonly AccessControlAttribute[]>;

  constructor(
    private readonly ports: Ports,
    private readonly oidc: OidcService,
    private readonly sessions: SessionService,
  ) {
    // GetRoleCredentials is the portal's hot call: what it resolves besides the token is kept
    // for a second per node (a removed assignment stops issuing credentials within a second).
    this.roleAccess = new TtlCache(ports.clock, PORTAL_CACHE_TTL_MS);
    this.attributes = new TtlCache(ports.clock, PORTAL_CACHE_TTL_MS);
  }

  private async instance(): Promise<Instance> {
    this.cachedInstance ??= await this.ports.store.instance.get();
    if (!this.cachedInstance) throw new GatehouseError('InvalidState', 'Gatehouse has not been initialized.');
    return this.cachedInstance;
  }

  async listAccounts(accessToken: string | undefined, page: PageRequest): Promise<Page<Account>> {
    const { session } = await this.oidc.resolveAccessToken(accessToken);
    const accounts = await userAccounts(this.ports.store, await this.instance(), session.userId!);
    return paginate(accounts, (a) => a.id, `portal-accounts:${session.userId}`, page);
  }

  async listAccountRoles(accessToken: string | undefined, accountId: string, page: PageRequest): Promise<Page<PortalRole>> {
    const { session } = await this.oidc.resolveAccessToken(accessToken);
    const sets = await userPermissionSets(this.ports.store, await this.instance(), session.userId!, accountId);
    const roles = [...new Set(sets.map((s) => s.name))].map((roleName) => ({ roleName, accountId }));
    return paginate(roles, (r) => r.roleName, `portal-roles:${session.userId}:${accountId}`, page);
  }

  /** The signed-in portal session behind a bearer token; Unauthenticated otherwise. */
  async sessionOf(accessToken: string | undefined): Promise<PortalSession> {
    return (await this.oidc.resolveAccessToken(accessToken)).session;
  }

  /** `roleName` is the permission set's name; the credentials are for its provisioned role. */
  async getRoleCredentials(accessToken: string | undefined, roleName: string, accountId: string): Promise<RoleCredentials> {
    return this.roleCredentialsFor(await this.sessionOf(accessToken), roleName, accountId);
  }

  /** GetRoleCredentials for a session already resolved: NotFound ("No access") when the user holds no such role. */
  async roleCredentialsFor(session: PortalSession, roleName: string, accountId: string): Promise<RoleCredentials> {
    const credentials = await this.sessionRoleCredentials(session, accountId, roleName);
    if (!credentials) throw notFound('Role', 'No access');
    return credentials;
  }

  /**
   * Role credentials for a signed-in portal session (the API's bearer token and the pages' cookie
   * both lead here): the provisioned role of the permission set, named after the user, with the
   * attributes for access control as session tags, bound to the portal session so that ending it
   * ends them. Undefined when the user holds no such role on the account (or it is not yet
   * provisioned).
   */
  async sessionRoleCredentials(session: PortalSession, accountId: string, roleName: string): Promise<RoleCredentials | undefined> {
    const store = this.ports.store;
    const instance = await this.instance();
    const userId = session.userId!;
    const access = await this.roleAccess.get(`${userId}|${accountId}|${roleName}`, async () => {
      const permissionSet = (await userPermissionSets(store, instance, userId, accountId)).find((s) => s.name === roleName);
      const role = permissionSet && (await store.iam.getRole(accountId, provisionedRoleName(permissionSet)));
      return permissionSet && role ? { permissionSet, role } : undefined;
    });
    if (!access) return undefined;
    const attributes = await this.attributes.get('', async () => (await store.ssoAdmin.getAccessControlAttributes(instance.instanceArn))?.attributes ?? []);
    // The profile is read only when attributes are configured: most instances have none.
    const user = attributes.length > 0 ? await store.identityStore.getUser(instance.identityStoreId, userId) : undefined;
    return issueRoleCredentials(this.ports, {
      role: access.role,
      sessionName: roleSessionName(session.userName ?? userId),
      durationSeconds: parseIsoDuration(access.permissionSet.sessionDuration) ?? DEFAULT_DURATION_SECONDS,
      tags: user ? accessControlTags(user.profile, attributes) : [],
      callerArn: samlProviderArn(accountId, samlProviderName(instance.instanceArn)),
      userId,
      portalSessionId: session.sessionId,
      now: this.ports.clock.now(),
    });
  }

  /** Ends the token's portal session, and with it every token and role session it issued; answers that session. */
  async logout(accessToken: string | undefined): Promise<PortalSession> {
    const { session } = await this.oidc.resolveAccessToken(accessToken);
    await this.sessions.endSession(session.sessionId);
    return session;
  }
}
