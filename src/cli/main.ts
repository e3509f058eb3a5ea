// The `gatehouse` command. Each command's module is loaded only when it runs, so a client
// command does not pay for starting the server's code.

const HELP = `Usage: gatehouse <command> [options]

Commands:
  serve        Start the server (every API and the access portal on one port)
  policy       Validate policies, and simulate requests against them (no server needed)
  users        Passwords, lockouts and portal sessions of directory users (through a server)
  settings     Show or change the sign-in settings: MFA mode, session duration (through a server)
  apps         SAML 2.0 applications and who holds them (through a server)
  saml-keys    List and rotate the SAML signing keys (through a server)
  audit        The audit log: changes, refusals and sign-ins, newest first (through a server)
  login        Sign in to the access portal; cache the token for the AWS CLI and SDKs
  credentials  Print a role's temporary credentials as credential_process JSON
  configure    Write AWS profiles for every account and role you hold into ~/.aws/config

Run 'gatehouse <command> --help' for a command's options.
`;

const COMMANDS: Readonly<Record<string, () => Promise<(args: string[]) => Promise<number>>>> = {
  serve: async () => (await import('./serve-command.js')).serveCommand,
  policy: async () => (await import('./policy-command.js')).policyCommand,
  users: async () => (await import('./users-command.js')).usersCommand,
  settings: async () => (await import('./settings-command.js')).settingsCommand,
  apps: async () => (await import('./apps-command.js')).appsCommand,
  'saml-keys': async () => (await import('./saml-keys-command.js')).samlKeysCommand,
  audit: async () => (await import('./audit-command.js')).auditCommand,
  login: async () => (await import('./login-command.js')).loginCommand,
  credentials: async () => (await import('./credentials-command.js')).credentialsCommand,
  configure: async () => (await import('./configure-command.js')).configureCommand,
};

const main = async (argv: string[]): Promise<number> => {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    const { SERVE_HELP } = await import('./serve-help.js');
    process.stdout.write(`${HELP}\n${SERVE_HELP}`);
    return 0;
  }
  const load = COMMANDS[command];
  if (!load) {
    process.stderr.write(`gatehouse: unknown command '${command}'\n\n${HELP}`);
    return 2;
  }
  return (await load())(rest);
};

process.exitCode = await main(process.argv.slice(2));
