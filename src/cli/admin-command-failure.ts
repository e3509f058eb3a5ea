// How the admin commands (users, apps, saml-keys, settings, audit) end on an error: the
// service's refusal by its exception name (exit 1), a usage error with the command's help
// (exit 2), anything else by its message (exit 1).

import { AdminApiError } from './admin-client.js';

/** A command line the command cannot run: the help follows the message. */
export class UsageError extends Error {}

/** Writes the error for `gatehouse <command>` and answers the exit code. */
export const adminCommandFailure = (command: string, help: string, e: unknown, messagePrefix = ''): number => {
  if (e instanceof AdminApiError) {
    process.stderr.write(`gatehouse ${command}: ${e.type}: ${e.message}\n`);
    return 1;
  }
  if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    process.stderr.write(`gatehouse ${command}: ${(e as Error).message}\n\n${help}`);
    return 2;
  }
  process.stderr.write(`gatehouse ${command}: ${messagePrefix}${(e as Error).message}\n`);
  return 1;
};
