// The config sections `gatehouse configure` manages for one sso-session: the session itself, a
// `[services]` section that points every API Gatehouse serves at its origin, and one profile
// per account and role. Pure, so the layout is tested without a server.

import { blockSettings, renderSection, type ConfigBlock, type ConfigEntry } from './aws-config-file.js';

export interface RoleGrant {
  readonly accountId: string;
  readonly accountName?: string;
  readonly roleName: string;
}

export interface SsoProfileLayout {
  readonly sessionName: string;
  readonly startUrl: string;
  /** The sso region, also each profile's default region. */
  readonly region: string;
  /** The Gatehouse origin every service endpoint points at. */
  readonly origin: string;
  readonly profilePrefix: string;
}

/** The SDKs' config keys (service ids, lower case, `_` for spaces) of the APIs Gatehouse answers. */
export const GATEHOUSE_SERVICES = ['sts', 'sso', 'sso_oidc', 'iam', 'identitystore', 'sso_admin', 'organizations'] as const;

/** The keys configure writes in a profile; any other key a person added there is kept. */
const PROFILE_KEYS = new Set(['sso_session', 'sso_account_id', 'sso_role_name', 'region', 'services']);

/** `{prefix}{role}-{account}`, as `aws configure sso` names them, in the characters profile names allow. */
export const profileNameFor = (prefix: string, grant: RoleGrant): string => `${prefix}${grant.roleName}-${grant.accountId}`.replace(/[^\w+=,.@-]/g, '-');

/** The `[services NAME]` section is named after the session, so two Gatehouse servers do not share one. */
export const servicesSectionName = (layout: SsoProfileLayout) => layout.sessionName;

/** Profiles of this session and prefix that configure wrote before (their role may be gone now). */
export const isManagedProfile = (layout: SsoProfileLayout) => (block: ConfigBlock): boolean => {
  if (!block.name?.startsWith(`profile ${layout.profilePrefix}`)) return false;
  const s = blockSettings(block);
  return s.sso_session === layout.sessionName && s.services === servicesSectionName(layout) && s.sso_account_id !== undefined && s.sso_role_name !== undefined;
};

/**
 * Every managed section by name, in file order. `existing` gives the current settings of a
 * profile that is being rewritten, so keys configure does not own (output, cli_pager…) survive.
 */
export const ssoProfileSections = (
  layout: SsoProfileLayout,
  grants: readonly RoleGrant[],
  existing: (sectionName: string) => Record<string, string> | undefined = () => undefined,
): Map<string, string[]> => {
  const sections = new Map<string, string[]>();
  const session = `sso-session ${layout.sessionName}`;
  sections.set(session, renderSection(session, [['sso_start_url', layout.startUrl], ['sso_region', layout.region], ['sso_registration_scopes', 'sso:account:access']]));
  const services = `services ${servicesSectionName(layout)}`;
  const endpoint: ConfigEntry[] = GATEHOUSE_SERVICES.map((id) => [id, [['endpoint_url', layout.origin]]]);
  sections.set(services, renderSection(services, endpoint));
  const sorted = [...grants].sort((a, b) => a.accountId.localeCompare(b.accountId) || a.roleName.localeCompare(b.roleName));
  for (const grant of sorted) {
    const name = `profile ${profileNameFor(layout.profilePrefix, grant)}`;
    const kept = Object.entries(existing(name) ?? {}).filter(([k]) => !PROFILE_KEYS.has(k));
    sections.set(
      name,
      renderSection(name, [
        ['sso_session', layout.sessionName],
        ['sso_account_id', grant.accountId],
        ['sso_role_name', grant.roleName],
        ['region', layout.region],
        ['services', servicesSectionName(layout)],
        ...kept,
      ]),
    );
  }
  return sections;
};
