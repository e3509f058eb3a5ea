// `gatehouse configure`: one AWS profile per account and role the signed-in person holds,
// written into the AWS config file, so `aws --profile …` and the SDKs' SSO credential provider
// get credentials from Gatehouse and send every call to it.

import { parseArgs } from 'node:util';
import { paginateListAccountRoles, paginateListAccounts } from '@aws-sdk/client-sso';
import { silenceSdkNodeVersionWarning } from './aws-sdk-quiet.js';
import { configSections, readConfigFile, replaceSections, writeConfigFile } from './aws-config-file.js';
import { isManagedProfile, profileNameFor, ssoProfileSections, type RoleGrant, type SsoProfileLayout } from './aws-sso-profiles.js';
import { removeSsoToken, writeSsoToken } from './sso-cache.js';
import { reportCommandError, UsageError } from './sso-command-errors.js';
import { freshSsoToken } from './sso-fresh-token.js';
import { signInAgainIfUnauthorized, ssoPortalClient } from './sso-portal-client.js';
import { resolveSsoTarget, type SsoTarget } from './sso-target.js';

export const CONFIGURE_HELP = `Usage: gatehouse configure [--start-url URL] [--sso-session NAME] [--region REGION]
                           [--profile-prefix PREFIX]

Writes an AWS profile for every account and role you hold (after 'gatehouse login') into the
AWS config file (AWS_CONFIG_FILE, else ~/.aws/config):
  [sso-session NAME]     sso_start_url, sso_region, sso_registration_scopes
  [services NAME]        endpoint_url of sts, sso, sso_oidc, iam, identitystore, sso_admin and
                         organizations: the Gatehouse origin
  [profile PREFIXRole-Account]  sso_session, sso_account_id, sso_role_name, region, services
Other sections are kept as they are; running it again updates the profiles and removes those of
roles you no longer hold. Then: aws sts get-caller-identity --profile Role-111122223333

  --start-url URL        the access portal (default: the sso-session's, else
                         GATEHOUSE_ENDPOINT/start, else http://127.0.0.1:8080/start)
  --sso-session NAME     the sso-session to write (default: the one with this start URL, else
                         gatehouse)
  --region REGION        the sso region and the profiles' region (default: the sso-session's,
                         else AWS_REGION, else us-east-1)
  --profile-prefix P     put P before each profile name
  -h, --help             this text
`;

const OPTIONS = {
  'start-url': { type: 'string' },
  'sso-session': { type: 'string' },
  region: { type: 'string' },
  'profile-prefix': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const DEFAULT_SESSION = 'gatehouse';

/** Every account and role, through every page of both lists. */
const listGrants = async (target: SsoTarget, accessToken: string): Promise<RoleGrant[]> => {
  const client = ssoPortalClient(target);
  const grants: RoleGrant[] = [];
  for await (const page of paginateListAccounts({ client }, { accessToken })) {
    for (const account of page.accountList ?? []) {
      if (!account.accountId) continue;
      for await (const roles of paginateListAccountRoles({ client }, { accessToken, accountId: account.accountId })) {
        for (const role of roles.roleList ?? []) {
          if (role.roleName) grants.push({ accountId: account.accountId, roleName: role.roleName, ...(account.accountName ? { accountName: account.accountName } : {}) });
        }
      }
    }
  }
  return grants;
};

export const configureCommand = async (args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> => {
  let target: SsoTarget | undefined;
  silenceSdkNodeVersionWarning();
  try {
    const { values, positionals } = parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true });
    if (values.help) {
      process.stdout.write(CONFIGURE_HELP);
      return 0;
    }
    if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'`);
    const prefix = values['profile-prefix'] ?? '';
    if (!/^[\w+=,.@-]*$/.test(prefix)) throw new UsageError(`not a valid profile prefix: ${prefix}`);
    const configText = await readConfigFile(env);
    target = await resolveSsoTarget({ startUrl: values['start-url'], ssoSession: values['sso-session'], region: values.region }, configText, env);
    const sessionName = target.sessionName ?? DEFAULT_SESSION;
    const sections = configSections(configText);
    const taken = sections.get(`sso-session ${sessionName}`)?.sso_start_url;
    if (taken !== undefined && taken !== target.startUrl) {
      throw new UsageError(`the config file's sso-session ${sessionName} is for ${taken}: choose another with --sso-session NAME`);
    }
    const fresh = await freshSsoToken(target, env);
    const grants = await listGrants(target, fresh.token.accessToken).catch(signInAgainIfUnauthorized(target));
    // The SDKs read an sso-session profile's token from the file named after the session: move it there.
    if (fresh.cacheId !== sessionName) {
      await writeSsoToken(sessionName, fresh.token, env);
      await removeSsoToken(fresh.cacheId, env);
    }
    const layout: SsoProfileLayout = { sessionName, startUrl: target.startUrl, region: target.region, origin: target.origin, profilePrefix: prefix };
    const managed = ssoProfileSections(layout, grants, (name) => sections.get(name));
    const path = await writeConfigFile(replaceSections(configText, managed, isManagedProfile(layout)), env);
    for (const grant of grants) {
      process.stdout.write(`${profileNameFor(prefix, grant).padEnd(40)} ${grant.accountId} ${grant.accountName ?? ''}\n`);
    }
    process.stdout.write(`${grants.length} profile${grants.length === 1 ? '' : 's'} for sso-session ${sessionName} written to ${path}.\n`);
    return 0;
  } catch (e) {
    return reportCommandError('configure', e, target?.origin);
  }
};
