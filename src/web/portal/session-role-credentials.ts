// Role credentials for a signed-in portal session (the cookie the pages hold), issued exactly as
// PortalService.getRoleCredentials issues them for a bearer token: the provisioned role of the
// permission set, named after the user, with access control attributes as session tags, bound to
// the portal session so that signing out kills them.

import type { Ports } from '../../domain/ports.js';
import type { Instance } from '../../domain/instance/instance-repository.js';
import type { PortalSession } from '../../domain/sessions/portal-session.js';
import { parseIsoDuration } from '../../lib/iso-duration.js';
import { provisionedRoleName } from '../../domain/permission-sets/provisioned-role-name.js';
import { samlProviderName } from '../../domain/provisioning/trust-policy.js';
import { samlProviderArn } from '../../domain/iam/names.js';
import { userPermissionSets } from '../../domain/portal/user-access.js';
import { accessControlTags } from '../../domain/portal/access-control-tags.js';
import { issueRoleCredentials, type RoleCredentials } from '../../domain/portal/issue-role-credentials.js';
import { roleSessionName } from '../../domain/portal/role-session-name.js';

const DEFAULT_DURATION_SECONDS = 3600;
const HOME_REGION_IN_PATH = /^\/aws-reserved\/sso\.amazonaws\.com\/([a-z0-9-]+)\/$/;

export interface SessionRoleCredentials {
  readonly credentials: RoleCredentials;
  /**
   * The instance's home region, read from the provisioned role's path (which carries it for every
   * region but us-east-1): the page routes are not handed the server's configuration.
   */
  readonly region: string;
}

/** Undefined when the user holds no such role on the account (or it is not provisioned yet). */
export async function sessionRoleCredentials(ports: Ports, instance: Instance, session: PortalSession, accountId: string, roleName: string): Promise<SessionRoleCredentials | undefined> {
  const userId = session.userId!;
  const store = ports.store;
  const permissionSet = (await userPermissionSets(store, instance, userId, accountId)).find((s) => s.name === roleName);
  const role = permissionSet && (await store.iam.getRole(accountId, provisionedRoleName(permissionSet)));
  if (!permissionSet || !role) return undefined;
  const attributes = (await store.ssoAdmin.getAccessControlAttributes(instance.instanceArn))?.attributes ?? [];
  const user = attributes.length > 0 ? await store.identityStore.getUser(instance.identityStoreId, userId) : undefined;
  const credentials = issueRoleCredentials(ports, {
    role,
    sessionName: roleSessionName(session.userName ?? userId),
    durationSeconds: parseIsoDuration(permissionSet.sessionDuration) ?? DEFAULT_DURATION_SECONDS,
    tags: user ? accessControlTags(user.profile, attributes) : [],
    callerArn: samlProviderArn(accountId, samlProviderName(instance.instanceArn)),
    userId,
    portalSessionId: session.sessionId,
    now: ports.clock.now(),
  });
  return { credentials, region: HOME_REGION_IN_PATH.exec(role.path)?.[1] ?? 'us-east-1' };
}
