// SAML 2.0 applications: what administrators create and assign (the Gatehouse admin API and
// CLI), and what sign-on asks (a user's applications, the claims of a response).

import { GatehouseError, accessDenied, invalid, notFound } from '../../lib/errors.js';
import { randomHex } from '../../lib/random.js';
import { sortedPage } from '../../lib/sorted-page.js';
import type { User } from '../identity-store/user.js';
import type { Ports } from '../ports.js';
import type { Application, ApplicationAssignment, ApplicationPrincipalType, AwsRolePair } from './application.js';
import { checkAwsRoles, unionRoles } from './aws-role-pairs.js';
import { newSettings, patchedSettings, type ApplicationInput, type ApplicationPatch } from './application-settings.js';
import { samlClaimsFor, type SamlClaims } from './saml-claims.js';

export const MAX_RESULTS = 100;

export interface ApplicationPage {
  readonly applications: readonly Application[];
  /** Present only when more follow. */
  readonly nextToken?: string;
}

export interface AssignmentPage {
  readonly assignments: readonly ApplicationAssignment[];
  /** Present only when more follow. */
  readonly nextToken?: string;
}

export interface PageRequest {
  readonly nextToken?: string;
  readonly maxResults?: number;
}

/** An application a user holds, with every role their assignments offer ("aws-account"). */
export interface UserApplication {
  readonly application: Application;
  readonly awsRoles: readonly AwsRolePair[];
}

const PRINCIPAL_TYPES: readonly ApplicationPrincipalType[] = ['USER', 'GROUP'];
const sortKey = (a: Application) => `${a.name.toLowerCase()}\u0000${a.applicationId}`;

const pageOptions = (req: PageRequest, scope: string) => {
  const size = req.maxResults ?? MAX_RESULTS;
  if (!Number.isInteger(size) || size < 1 || size > MAX_RESULTS) throw invalid('MaxResults', `MaxResults must be between 1 and ${MAX_RESULTS}.`);
  return { token: req.nextToken, size, scope, separator: '.', invalid: () => invalid('NextToken', 'The NextToken is not valid for this request.') };
};

export class ApplicationService {
  constructor(private readonly ports: Ports) {}

  async create(input: ApplicationInput): Promise<Application> {
    const now = this.ports.clock.now();
    const app: Application = { applicationId: `app-${randomHex(this.ports.random, 16)}`, ...newSettings(input, now), createdAt: now, updatedAt: now };
    await this.ports.store.applications.insertApplication(app);
    return app;
  }

  async describe(applicationId: string): Promise<Application> {
    const app = typeof applicationId === 'string' ? await this.ports.store.applications.getApplication(applicationId) : undefined;
    if (!app) throw notFound('Application', `Application ${applicationId} does not exist.`, { resourceId: applicationId, field: 'ApplicationId' });
    return app;
  }

  async update(applicationId: string, patch: ApplicationPatch): Promise<Application> {
    const current = await this.describe(applicationId);
    const now = this.ports.clock.now();
    const app: Application = { ...patchedSettings(current, patch ?? {}, now), applicationId, createdAt: current.createdAt, updatedAt: now };
    if (!(await this.ports.store.applications.updateApplication(app))) await this.describe(applicationId);
    return app;
  }

  async delete(applicationId: string): Promise<void> {
    if (!(await this.ports.store.applications.deleteApplication(applicationId))) await this.describe(applicationId);
  }

  async list(req: PageRequest = {}): Promise<ApplicationPage> {
    const page = sortedPage(await this.ports.store.applications.listApplications(), sortKey, pageOptions(req, 'ListApplications'));
    return { applications: page.items, ...(page.next !== undefined ? { nextToken: page.next } : {}) };
  }

  // ---- assignments

  async assign(
    applicationId: string,
    principalType: ApplicationPrincipalType,
    principalId: string,
    awsRoles?: readonly AwsRolePair[],
  ): Promise<ApplicationAssignment> {
    const app = await this.describe(applicationId);
    await this.checkPrincipal(principalType, principalId);
    const assignment: ApplicationAssignment = {
      applicationId,
      principalType,
      principalId,
      awsRoles: checkAwsRoles(app.template, awsRoles),
      createdAt: this.ports.clock.now(),
    };
    await this.ports.store.applications.putAssignment(assignment);
    return assignment;
  }

  async unassign(applicationId: string, principalType: ApplicationPrincipalType, principalId: string): Promise<void> {
    await this.describe(applicationId);
    checkPrincipalType(principalType);
    if (!(await this.ports.store.applications.deleteAssignment(applicationId, principalType, principalId))) {
      throw notFound('ApplicationAssignment', `${principalType} ${principalId} is not assigned to application ${applicationId}.`, {
        resourceId: principalId,
        field: 'PrincipalId',
      });
    }
  }

  /** By principal type, then id. A token belongs to its application's list only. */
  async listAssignments(applicationId: string, req: PageRequest = {}): Promise<AssignmentPage> {
    await this.describe(applicationId);
    const all = await this.ports.store.applications.listAssignments(applicationId);
    const page = sortedPage(all, (a) => `${a.principalType}.${a.principalId}`, pageOptions(req, `ListApplicationAssignments:${applicationId}`));
    return { assignments: page.items, ...(page.next !== undefined ? { nextToken: page.next } : {}) };
  }

  // ---- sign-on

  /** The applications the user holds directly or through a group, by name. */
  async applicationsForUser(userId: string): Promise<UserApplication[]> {
    return this.holdings(userId, (await this.userAndGroups(userId)).groupIds);
  }

  private async holdings(userId: string, groupIds: readonly string[]): Promise<UserApplication[]> {
    const assignments = await this.ports.store.applications.listAssignmentsOfPrincipals([userId, ...groupIds]);
    const byApp = new Map<string, (readonly AwsRolePair[])[]>();
    for (const a of assignments) byApp.set(a.applicationId, [...(byApp.get(a.applicationId) ?? []), a.awsRoles]);
    const apps = await Promise.all([...byApp.keys()].map((id) => this.ports.store.applications.getApplication(id)));
    return apps
      .filter((a): a is Application => a !== undefined)
      .sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : 1))
      .map((application) => ({ application, awsRoles: unionRoles(byApp.get(application.applicationId)!) }));
  }

  /** The claims of a response for this user; AccessDenied when the user does not hold the application. */
  async samlClaims(applicationId: string, userId: string): Promise<SamlClaims> {
    const app = await this.describe(applicationId);
    const { user, groupIds } = await this.userAndGroups(userId);
    const held = (await this.holdings(userId, groupIds)).find((u) => u.application.applicationId === applicationId);
    if (!held) throw accessDenied(`User ${userId} is not assigned to application ${app.name}.`, { resource: 'Application', resourceId: applicationId });
    const storeId = await this.identityStoreId();
    const groups = await Promise.all(groupIds.map((g) => this.ports.store.identityStore.getGroup(storeId, g)));
    const groupNames = groups.flatMap((g) => (g?.profile.DisplayName ? [g.profile.DisplayName] : []));
    return samlClaimsFor(app, { user, groupNames, awsRoles: held.awsRoles });
  }

  // ---- helpers

  private async identityStoreId(): Promise<string> {
    const instance = await this.ports.store.instance.get();
    if (!instance) throw new GatehouseError('InvalidState', 'Gatehouse has not been initialized.');
    return instance.identityStoreId;
  }

  private async userAndGroups(userId: string): Promise<{ user: User; groupIds: string[] }> {
    const storeId = await this.identityStoreId();
    const user = typeof userId === 'string' ? await this.ports.store.identityStore.getUser(storeId, userId) : undefined;
    if (!user) throw notFound('User', `User ${userId} does not exist.`, { resourceId: userId, field: 'UserId' });
    const memberships = await this.ports.store.identityStore.listMemberships(storeId, { userId }, { limit: 100_000 });
    return { user, groupIds: memberships.map((m) => m.groupId) };
  }

  private async checkPrincipal(principalType: ApplicationPrincipalType, principalId: string): Promise<void> {
    checkPrincipalType(principalType);
    const storeId = await this.identityStoreId();
    const repo = this.ports.store.identityStore;
    const found = typeof principalId === 'string' && principalId !== ''
      ? principalType === 'USER' ? await repo.getUser(storeId, principalId) : await repo.getGroup(storeId, principalId)
      : undefined;
    if (!found) {
      const kind = principalType === 'USER' ? 'User' : 'Group';
      throw notFound(kind, `${kind} ${principalId} does not exist in the identity store.`, { resourceId: principalId, field: 'PrincipalId' });
    }
  }
}

const checkPrincipalType = (t: unknown): void => {
  if (!PRINCIPAL_TYPES.includes(t as ApplicationPrincipalType)) throw invalid('PrincipalType', 'PrincipalType must be USER or GROUP.');
};
