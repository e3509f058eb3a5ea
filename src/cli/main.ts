// The `gatehouse` command.

import { serveCommand, SERVE_HELP } from './serve-command.js';
import { policyCommand } from './policy-command.js';
import { usersCommand } from './users-command.js';
import { settingsCommand } from './settings-command.js';

const HELP = `Usage: gatehouse <command> [options]

Commands:
  serve     Start the server (every API and the access portal on one port)
  policy    Validate policies, and simulate requests against them (no server needed)
  users     Set passwords, disable, enable and unlock directory users (through a server)
  settings  Show or change the sign-in settings: MFA mode, session duration (through a server)

Run 'gatehouse <command> --help' for a command's options.
`;

const main = async (argv: string[]): Promise<number> => {
  const [command, ...rest] = argv;
  switch (command) {
    case 'serve':
      return serveCommand(rest);
    case 'policy':
      return policyCommand(rest);
    case 'users':
      return usersCommand(rest);
    case 'settings':
      return settingsCommand(rest);
    case undefined:
    case '--help':
    case '-h':
    case 'help':
      process.stdout.write(`${HELP}\n${SERVE_HELP}`);
      return 0;
    default:
      process.stderr.write(`gatehouse: unknown command '${command}'\n\n${HELP}`);
      return 2;
  }
};

process.exitCode = await main(process.argv.slice(2));
