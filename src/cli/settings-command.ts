// `gatehouse settings get|set`: the instance's sign-in settings through the admin API.

import { adminCommandFailure, UsageError } from './admin-command-failure.js';
import { parseArgs } from 'node:util';
import { ADMIN_CLIENT_HELP, ADMIN_CLIENT_OPTIONS, adminClientFromArgs } from './admin-client.js';

export const SETTINGS_HELP = `Usage: gatehouse settings get
       gatehouse settings set [--mfa-mode MODE] [--session-duration DURATION]

get                          Prints the sign-in settings.
set                          Changes them.
  --mfa-mode MODE            required (a user without an MFA device registers one at sign-in),
                             optional, or off
  --session-duration DURATION
                             how long an access portal session lasts: ISO 8601, PT15M to P90D
                             (default PT8H)

${ADMIN_CLIENT_HELP}`;

const OPTIONS = { ...ADMIN_CLIENT_OPTIONS, 'mfa-mode': { type: 'string' }, 'session-duration': { type: 'string' } } as const;


interface Settings {
  readonly MfaMode: string;
  readonly SessionDuration: string;
}

const print = (s: Settings) => process.stdout.write(`mfa-mode          ${s.MfaMode}\nsession-duration  ${s.SessionDuration}\n`);

export const settingsCommand = async (args: string[]): Promise<number> => {
  try {
    const { values, positionals } = parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true });
    const [sub, ...extra] = positionals;
    if (values.help || sub === undefined) {
      process.stdout.write(SETTINGS_HELP);
      return values.help ? 0 : 2;
    }
    if (extra.length > 0) throw new UsageError(`unexpected ${extra.join(' ')}`);
    if (sub === 'get') {
      print(await (await adminClientFromArgs(values)).call<Settings>('GetSettings'));
      return 0;
    }
    if (sub !== 'set') throw new UsageError(`unknown settings command '${sub}'`);
    const input = {
      ...(values['mfa-mode'] !== undefined ? { MfaMode: values['mfa-mode'] } : {}),
      ...(values['session-duration'] !== undefined ? { SessionDuration: values['session-duration'] } : {}),
    };
    if (Object.keys(input).length === 0) throw new UsageError('settings set needs --mfa-mode or --session-duration');
    print(await (await adminClientFromArgs(values)).call<Settings>('UpdateSettings', input));
    return 0;
  } catch (e) {
    return adminCommandFailure('settings', SETTINGS_HELP, e);
  }
};
