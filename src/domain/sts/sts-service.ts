// STS: role sessions (AssumeRole), the SigV4 resolver for their `ASIA…` credentials, and
// "Revoke active sessions". Temporary credentials live only in their sealed tokens; the one
// stored thing is each role's revocation cut-off.

import type { Ports } from '../ports.js';
import type { Principal } from '../principal.js';
import type { IamService } from '../iam/iam-service.js';
import type { OrganizationsService } from '../organizations/organizations-service.js';
import { notFound } from '../../lib/errors.js';
import type { NamedPolicy } from '../../policy/index.js';
import type { RoleSession } from './role-session.js';
import { RevocationCache } from './revocation-cache.js';
import { resolveTemporaryCredentials, type ResolvedSession } from './resolve-temporary-credentials.js';
import { assumeRole, type AssumeRoleInput, type AssumeRoleOutput, type RequestFacts } from './assume-role.js';
import { sessionOf } from './session-of-principal.js';
import { sessionPolicies } from './session-policy.js';

export class StsService {
  private readonly revocations: RevocationCache;
  private organizationId: string | undefined;

  constructor(
    private readonly ports: Ports,
    private readonly iam: IamService,
    private readonly organizations: OrganizationsService,
  ) {
    this.revocations = new RevocationCache(ports.store.sts, ports.clock);
  }

  assumeRole(caller: Principal, input: AssumeRoleInput, facts: RequestFacts): Promise<AssumeRoleOutput> {
    return assumeRole(
      {
        ports: this.ports,
        iam: this.iam,
        organizations: this.organizations,
        isRevoked: (s) => this.isRevoked(s),
        organizationId: () => this.orgId(),
      },
      caller,
      input,
      facts,
    );
  }

  /** For SigV4: the caller behind an `ASIA…` key id and its session token. */
  resolveTemporaryCredentials(accessKeyId: string, sessionToken: string | undefined): Promise<ResolvedSession | undefined> {
    return resolveTemporaryCredentials(this.ports, accessKeyId, sessionToken);
  }

  /** The role session behind a principal SigV4 verified, if it is one. */
  sessionOf(principal: Principal): RoleSession | undefined {
    return sessionOf(principal);
  }

  /** Denies every session of the role issued before `at` (default: now), on every node within a second. */
  async revokeRoleSessions(accountId: string, roleName: string, at: number = this.ports.clock.now()): Promise<void> {
    const repo = this.ports.store.sts;
    const role = await this.ports.store.iam.getRole(accountId, roleName);
    if (!role) throw notFound('Role', `The role with name ${roleName} cannot be found.`);
    await repo.putRoleRevocation({ roleId: role.roleId, accountId, roleName: role.roleName, revokedBefore: at, updatedAt: this.ports.clock.now() });
    // Re-read: a later cut-off made elsewhere wins.
    const stored = await repo.getRoleRevocation(role.roleId);
    this.revocations.remember(role.roleId, stored?.revokedBefore ?? at);
  }

  /** For request authorization: true when `principal` is a role session issued before its role's cut-off. */
  async isPrincipalRevoked(principal: Principal): Promise<boolean> {
    const session = sessionOf(principal);
    return session !== undefined && (await this.isRevoked(session));
  }

  /** Cheap per request: cached for a second per role. */
  isRevoked(session: Pick<RoleSession, 'roleId' | 'issuedAt'>): Promise<boolean> {
    return this.revocations.isRevoked(session);
  }

  /** The session's session policies for the engine's `session` slot (undefined: none). */
  sessionPolicies(session: RoleSession): Promise<NamedPolicy[] | undefined> {
    return sessionPolicies(this.ports.store.iam, session, this.ports.clock.now(), this.ports.random);
  }

  private async orgId(): Promise<string | undefined> {
    this.organizationId ??= await this.organizations.describeOrganization().then((o) => o.id, () => undefined);
    return this.organizationId;
  }
}
