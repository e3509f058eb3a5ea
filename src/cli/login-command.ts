// `gatehouse login`: sign in to the access portal from a terminal and cache the token where the
// AWS CLI and SDKs look for it, so `aws --profile …`, the SDKs' SSO credential provider and
// `gatehouse credentials` all use this one sign-in.

import { parseArgs } from 'node:util';
import { silenceSdkNodeVersionWarning } from './aws-sdk-quiet.js';
import { readConfigFile } from './aws-config-file.js';
import { ssoCacheId, writeSsoToken } from './sso-cache.js';
import { reportCommandError, UsageError } from './sso-command-errors.js';
import { cacheEntryFor, registerCliClient, ssoOidcClient } from './sso-oidc-session.js';
import { resolveSsoTarget, type SsoTarget } from './sso-target.js';
import { deviceFlowLogin } from './login-device-flow.js';
import { pkceFlowLogin } from './login-pkce-flow.js';
import { openBrowser } from './login-open-browser.js';

export const LOGIN_HELP = `Usage: gatehouse login [--start-url URL] [--sso-session NAME] [--region REGION]
                       [--device-code] [--no-browser]

Signs in to the Gatehouse access portal and caches the token as the AWS CLI does
(~/.aws/sso/cache/<sha1>.json), for 'gatehouse credentials', 'gatehouse configure', the AWS
CLI and the AWS SDKs.

  --start-url URL     the access portal, e.g. https://gatehouse.example.com/start (default: the
                      sso-session's sso_start_url, else GATEHOUSE_ENDPOINT/start, else
                      http://127.0.0.1:8080/start). sso-oidc is at the same origin.
  --sso-session NAME  name the cache after this sso-session (as profiles with sso_session read
                      it); without it, a [sso-session] of the config file with this start URL is
                      used, else the cache is named after the start URL
  --region REGION     the sso region written to the cache (default: the sso-session's
                      sso_region, else AWS_REGION, else us-east-1)
  --device-code       use the device flow: show a code to approve on any device, instead of
                      the browser on this machine (authorization code with PKCE)
  --no-browser        do not open a browser; print the address to open
  -h, --help          this text

The config file is AWS_CONFIG_FILE, else ~/.aws/config.
`;

const OPTIONS = {
  'start-url': { type: 'string' },
  'sso-session': { type: 'string' },
  region: { type: 'string' },
  'device-code': { type: 'boolean' },
  'no-browser': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export const loginCommand = async (args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> => {
  let target: SsoTarget | undefined;
  silenceSdkNodeVersionWarning();
  try {
    const { values, positionals } = parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true });
    if (values.help) {
      process.stdout.write(LOGIN_HELP);
      return 0;
    }
    if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'`);
    target = await resolveSsoTarget({ startUrl: values['start-url'], ssoSession: values['sso-session'], region: values.region }, await readConfigFile(env), env);
    const print = (text: string) => process.stdout.write(text);
    const open = values['no-browser'] ? undefined : openBrowser;
    const oidc = ssoOidcClient(target);
    const flow = values['device-code'] ? 'device' : 'pkce';
    const registration = await registerCliClient(oidc, flow);
    const answer =
      flow === 'device'
        ? await deviceFlowLogin(oidc, registration, { startUrl: target.startUrl, print, open })
        : await pkceFlowLogin(oidc, registration, { origin: target.origin, print, open });
    const entry = cacheEntryFor(target, answer, registration, Date.now());
    const path = await writeSsoToken(ssoCacheId(target), entry, env);
    print(`Signed in to ${target.startUrl}${target.sessionName ? ` (sso-session ${target.sessionName})` : ''}.\nToken cached in ${path}, valid until ${entry.expiresAt}.\n`);
    return 0;
  } catch (e) {
    return reportCommandError('login', e, target?.origin);
  }
};
