// `gatehouse users ...`: directory credentials through the admin API of a running server.

import { adminCommandFailure, UsageError } from './admin-command-failure.js';
import { parseArgs } from 'node:util';
import { ADMIN_CLIENT_HELP, ADMIN_CLIENT_OPTIONS, adminClientFromArgs } from './admin-client.js';

export const USERS_HELP = `Usage: gatehouse users set-password USERNAME [--one-time] [--generate]
       gatehouse users disable USERNAME
       gatehouse users enable USERNAME
       gatehouse users unlock USERNAME
       gatehouse users status USERNAME
       gatehouse users sessions USERNAME
       gatehouse users end-sessions USERNAME

set-password   Sets the user's password. It is read from standard input when that is not a
               terminal (one line; the final newline is dropped), else asked for twice without
               echo. At least 8 characters, not a common password, not the user name.
  --one-time   the user must change it at their next sign-in
  --generate   generate a one-time password and print it (nothing is read)
disable        The user can no longer sign in; their sessions end.
enable         Lets a disabled user sign in again.
unlock         Clears the user's failed sign-in attempts and lock.
status         Shows password, lockout, MFA and disabled state.
sessions       Lists the user's live access portal sessions.
end-sessions   Ends them all, and the tokens and role credentials issued through them.

${ADMIN_CLIENT_HELP}`;

const OPTIONS = { ...ADMIN_CLIENT_OPTIONS, 'one-time': { type: 'boolean' }, generate: { type: 'boolean' } } as const;


/** Everything on a piped standard input, without the one line ending an `echo` adds. */
const readPiped = async (): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
};

/** Reads one line from the terminal without echoing it. */
const promptHidden = (prompt: string): Promise<string> =>
  new Promise((resolve, reject) => {
    const stdin = process.stdin;
    process.stderr.write(prompt);
    stdin.setRawMode(true);
    stdin.resume();
    let value = '';
    const done = (err?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      process.stderr.write('\n');
      if (err) reject(err);
      else resolve(value);
    };
    const onData = (data: Buffer) => {
      for (const ch of data.toString('utf8')) {
        if (ch === '\r' || ch === '\n') return done();
        if (ch === '\u0003') return done(new UsageError('cancelled'));
        if (ch === '\u007f' || ch === '\b') value = [...value].slice(0, -1).join('');
        else value += ch;
      }
    };
    stdin.on('data', onData);
  });

const readPassword = async (userName: string): Promise<string> => {
  if (!process.stdin.isTTY) return readPiped();
  const first = await promptHidden(`New password for ${userName}: `);
  const again = await promptHidden('Again: ');
  if (first !== again) throw new UsageError('the two passwords differ');
  return first;
};

const when = (epochSeconds: unknown) => (typeof epochSeconds === 'number' ? new Date(epochSeconds * 1000).toISOString() : '-');

export const usersCommand = async (args: string[]): Promise<number> => {
  try {
    const { values, positionals } = parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true });
    const [sub, userName, ...extra] = positionals;
    if (values.help || sub === undefined) {
      process.stdout.write(USERS_HELP);
      return values.help ? 0 : 2;
    }
    if (!['set-password', 'disable', 'enable', 'unlock', 'status', 'sessions', 'end-sessions'].includes(sub)) throw new UsageError(`unknown users command '${sub}'`);
    if (!userName || extra.length > 0) throw new UsageError(`users ${sub} needs exactly one USERNAME`);
    const client = await adminClientFromArgs(values);
    const UserName = userName;
    switch (sub) {
      case 'set-password': {
        if (values.generate) {
          const out = await client.call<{ GeneratedPassword: string }>('SetUserPassword', { UserName, OneTime: true });
          process.stdout.write(`One-time password for ${userName} (to be changed at first sign-in): ${out.GeneratedPassword}\n`);
          return 0;
        }
        const Password = await readPassword(userName);
        const out = await client.call<{ MustChangePassword: boolean }>('SetUserPassword', { UserName, Password, OneTime: values['one-time'] === true });
        process.stdout.write(`Password set for ${userName}${out.MustChangePassword ? ' (one-time: to be changed at first sign-in)' : ''}.\n`);
        return 0;
      }
      case 'disable':
      case 'enable':
      case 'unlock': {
        const operation = { disable: 'DisableUser', enable: 'EnableUser', unlock: 'UnlockUser' }[sub];
        await client.call(operation, { UserName });
        process.stdout.write(`${userName} ${{ disable: 'disabled', enable: 'enabled', unlock: 'unlocked' }[sub]}.\n`);
        return 0;
      }
      case 'sessions': {
        const out = await client.call<{ Sessions: { SessionId: string; CreatedAt: number; ExpiresAt: number }[] }>('ListUserSessions', { UserName });
        if (out.Sessions.length === 0) process.stdout.write(`${userName} has no live sessions.\n`);
        for (const x of out.Sessions) process.stdout.write(`${x.SessionId}  since ${when(x.CreatedAt)}  until ${when(x.ExpiresAt)}\n`);
        return 0;
      }
      case 'end-sessions': {
        const out = await client.call<{ EndedSessions: number }>('EndUserSessions', { UserName });
        process.stdout.write(`${out.EndedSessions} session(s) of ${userName} ended.\n`);
        return 0;
      }
      default: {
        const s = await client.call<Record<string, unknown>>('GetUserSignInStatus', { UserName });
        const lines = [
          ['user', `${s.UserName} (${s.UserId})`],
          ['disabled', s.Disabled ? `yes, since ${when(s.DisabledAt)}` : 'no'],
          ['password', s.HasPassword ? `set ${when(s.PasswordChangedAt)}${s.MustChangePassword ? ', must be changed' : ''}` : 'none'],
          ['failed attempts', String(s.ConsecutiveFailures)],
          ['locked until', when(s.LockedUntil)],
          ['next try after', when(s.RetryAfter)],
          ['MFA devices', String(s.MfaDeviceCount)],
        ];
        for (const [k, v] of lines) process.stdout.write(`${k.padEnd(16)} ${v}\n`);
        return 0;
      }
    }
  } catch (e) {
    return adminCommandFailure('users', USERS_HELP, e);
  }
};
