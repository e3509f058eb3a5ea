// `gatehouse credentials`: temporary credentials for one account and role, printed in the
// credential_process format, so a profile with
//   credential_process = gatehouse credentials --account 111122223333 --role Admin
// works in every AWS tool, including those that do not know SSO profiles.

import { parseArgs } from 'node:util';
import { GetRoleCredentialsCommand, ResourceNotFoundException } from '@aws-sdk/client-sso';
import { silenceSdkNodeVersionWarning } from './aws-sdk-quiet.js';
import { readConfigFile } from './aws-config-file.js';
import { credentialProcessOutput } from './aws-credential-process.js';
import { reportCommandError, UsageError } from './sso-command-errors.js';
import { freshSsoToken } from './sso-fresh-token.js';
import { signInAgainIfUnauthorized, ssoPortalClient } from './sso-portal-client.js';
import { resolveSsoTarget, type SsoTarget } from './sso-target.js';

export const CREDENTIALS_HELP = `Usage: gatehouse credentials --account ID --role NAME [--start-url URL | --sso-session NAME]
                             [--region REGION]

Prints temporary credentials for a role as credential_process JSON:
  {"Version":1,"AccessKeyId":…,"SecretAccessKey":…,"SessionToken":…,"Expiration":…}
using the token 'gatehouse login' cached (refreshed when it has expired). In ~/.aws/config:
  [profile dev]
  credential_process = gatehouse credentials --account 111122223333 --role Developer

  --account ID        the 12-digit account id
  --role NAME         the role (permission set) name, as the access portal shows it
  --start-url URL     the access portal (default: GATEHOUSE_ENDPOINT/start, else
                      http://127.0.0.1:8080/start)
  --sso-session NAME  use this sso-session's start URL and token instead
  --region REGION     the sso region (default: the sso-session's, else AWS_REGION, else us-east-1)
  -h, --help          this text
`;

const OPTIONS = {
  account: { type: 'string' },
  role: { type: 'string' },
  'start-url': { type: 'string' },
  'sso-session': { type: 'string' },
  region: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export const credentialsCommand = async (args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> => {
  let target: SsoTarget | undefined;
  silenceSdkNodeVersionWarning();
  try {
    const { values, positionals } = parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true });
    if (values.help) {
      process.stdout.write(CREDENTIALS_HELP);
      return 0;
    }
    if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'`);
    const { account, role } = values;
    if (!account || !role) throw new UsageError('--account and --role are required');
    if (!/^\d{12}$/.test(account)) throw new UsageError(`--account must be a 12-digit account id, not '${account}'`);
    if (values['start-url'] !== undefined && values['sso-session'] !== undefined) throw new UsageError('give --start-url or --sso-session, not both');
    target = await resolveSsoTarget({ startUrl: values['start-url'], ssoSession: values['sso-session'], region: values.region }, await readConfigFile(env), env);
    const { token } = await freshSsoToken(target, env);
    const answer = await ssoPortalClient(target)
      .send(new GetRoleCredentialsCommand({ accessToken: token.accessToken, accountId: account, roleName: role }))
      .catch((e: unknown) => {
        if (e instanceof ResourceNotFoundException) throw new Error(`you have no role '${role}' on account ${account} (see 'gatehouse configure' for the ones you have)`);
        return signInAgainIfUnauthorized(target!)(e);
      });
    process.stdout.write(`${JSON.stringify(credentialProcessOutput(answer.roleCredentials ?? {}))}\n`);
    return 0;
  } catch (e) {
    return reportCommandError('credentials', e, target?.origin);
  }
};
