// How the sign-in commands (login, credentials, configure) end on an error: usage mistakes exit
// 2 with a pointer to --help; everything else exits 1 with one line on stderr. credential_process
// callers show that stderr to the person, so it must say what to do, not dump a stack.

import { LoginFailed } from './login-failed.js';
import { SsoTargetError } from './sso-target.js';

export class UsageError extends Error {}

/** The cached sign-in is missing, expired or revoked; the message says which command fixes it. */
export class SignInRequired extends Error {}

const isParseArgsError = (e: unknown) => {
  const code = (e as { code?: unknown } | undefined)?.code;
  return e instanceof TypeError && typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
};

const connectionCode = (e: unknown): string | undefined => {
  for (let cause: unknown = e, n = 0; cause && n < 5; cause = (cause as { cause?: unknown }).cause, n++) {
    const code = (cause as { code?: unknown }).code;
    if (typeof code === 'string' && /^(ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|EHOSTUNREACH)$/.test(code)) return code;
  }
  return undefined;
};

/** Writes the error for `gatehouse <command>` and returns the exit status. */
export const reportCommandError = (command: string, e: unknown, origin?: string): number => {
  const say = (text: string) => process.stderr.write(`gatehouse ${command}: ${text}\n`);
  if (e instanceof UsageError || e instanceof SsoTargetError || isParseArgsError(e)) {
    say((e as Error).message);
    process.stderr.write(`Run 'gatehouse ${command} --help' for its options.\n`);
    return 2;
  }
  if (e instanceof LoginFailed || e instanceof SignInRequired) {
    say(e.message);
    return 1;
  }
  const code = connectionCode(e);
  if (code) {
    say(`cannot reach ${origin ?? 'the server'} (${code})`);
    return 1;
  }
  // AWS SDK service exceptions carry the service's exception name.
  const err = e as { name?: unknown; message?: unknown; $metadata?: unknown };
  if (err && typeof err === 'object' && err.$metadata !== undefined && typeof err.name === 'string') {
    say(`${err.name}: ${String(err.message ?? '')}`);
    return 1;
  }
  say(e instanceof Error ? e.message : String(e));
  return 1;
};
