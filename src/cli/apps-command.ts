// `gatehouse apps ...`: SAML 2.0 applications and their assignments through the admin API of a
// running server.

import { adminCommandFailure, UsageError } from './admin-command-failure.js';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ADMIN_CLIENT_OPTIONS, AdminClient, resolveAdminCredentials, type AdminClientOptions } from './admin-client.js';
import { APPS_HELP } from './apps-help.js';
import { applicationIdOf, NotFoundError, principalIdOf } from './apps-principal.js';
import { silenceSdkNodeVersionWarning } from './aws-sdk-quiet.js';

const OPTIONS = {
  ...ADMIN_CLIENT_OPTIONS,
  json: { type: 'boolean' },
  name: { type: 'string' },
  template: { type: 'string' },
  description: { type: 'string' },
  'acs-url': { type: 'string' },
  audience: { type: 'string' },
  'name-id-format': { type: 'string' },
  'name-id-source': { type: 'string' },
  attribute: { type: 'string', multiple: true },
  'clear-attributes': { type: 'boolean' },
  'session-duration': { type: 'string' },
  'relay-state': { type: 'string' },
  'sp-certificate': { type: 'string' },
  'require-signed-requests': { type: 'string' },
  'sign-response': { type: 'string' },
  user: { type: 'string' },
  group: { type: 'string' },
  role: { type: 'string', multiple: true },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];


const yesNo = (flag: string, v: string | undefined): boolean | undefined => {
  if (v === undefined) return undefined;
  if (v === 'yes' || v === 'true') return true;
  if (v === 'no' || v === 'false') return false;
  throw new UsageError(`--${flag} takes yes or no`);
};

const attribute = (a: string) => {
  const eq = a.indexOf('=');
  if (eq < 1) throw new UsageError(`--attribute takes NAME=TEMPLATE, not '${a}'`);
  return { Name: a.slice(0, eq), Value: a.slice(eq + 1) };
};

/** The settings members the options give. */
const settingsOf = (v: Values): Record<string, unknown> => {
  const certificate = v['sp-certificate'];
  const out: Record<string, unknown> = {
    Name: v.name,
    Description: v.description,
    AcsUrl: v['acs-url'],
    Audience: v.audience,
    NameIdFormat: v['name-id-format'],
    NameIdSource: v['name-id-source'],
    AttributeMappings: v['clear-attributes'] ? [] : v.attribute?.map(attribute),
    SessionDuration: v['session-duration'],
    RelayState: v['relay-state'],
    SpCertificatePem: certificate === undefined || certificate === '' ? certificate : readFileSync(certificate, 'utf8'),
    RequireSignedAuthnRequests: yesNo('require-signed-requests', v['require-signed-requests']),
    SignResponse: yesNo('sign-response', v['sign-response']),
  };
  return Object.fromEntries(Object.entries(out).filter(([, x]) => x !== undefined));
};

const rolePair = (r: string) => {
  const [RoleArn, ProviderArn, ...rest] = r.split(',');
  if (!RoleArn || !ProviderArn || rest.length > 0) throw new UsageError(`--role takes ROLE_ARN,PROVIDER_ARN, not '${r}'`);
  return { RoleArn, ProviderArn };
};

const when = (epochSeconds: unknown) => (typeof epochSeconds === 'number' ? new Date(epochSeconds * 1000).toISOString() : '-');

const printApplication = (a: Record<string, any>) => {
  const rows: [string, unknown][] = [
    ['id', a.ApplicationId], ['name', a.Name], ['description', a.Description], ['template', a.Template], ['acs-url', a.AcsUrl],
    ['audience', a.Audience], ['name-id', `${a.NameIdFormat} ${a.NameIdSource}`], ['session-duration', a.SessionDuration],
    ['relay-state', a.RelayState], ['signed-requests', a.RequireSignedAuthnRequests ? 'required' : 'not required'],
    ['sp-certificate', a.SpCertificatePem ? 'set' : undefined], ['sign-response', a.SignResponse ? 'yes' : 'no'],
    ['created', when(a.CreatedAt)], ['updated', when(a.UpdatedAt)],
  ];
  for (const [k, v] of rows) if (v !== undefined) process.stdout.write(`${k.padEnd(17)} ${v}\n`);
  for (const m of a.AttributeMappings ?? []) process.stdout.write(`${'attribute'.padEnd(17)} ${m.Name} = ${m.Value}\n`);
};

const output = (json: boolean | undefined, value: unknown, text: () => void) => {
  if (json) process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
  else text();
};

const principalOption = (v: Values): ['USER' | 'GROUP', string] => {
  if ((v.user === undefined) === (v.group === undefined)) throw new UsageError('name exactly one of --user and --group');
  return v.user !== undefined ? ['USER', v.user] : ['GROUP', v.group!];
};

const run = async (sub: string, ref: string | undefined, v: Values, options: AdminClientOptions): Promise<number> => {
  const client = new AdminClient(options);
  if (sub === 'list') {
    const apps = await client.listAll('ListApplications', 'Applications');
    output(v.json, apps, () => {
      if (apps.length === 0) process.stdout.write('No applications.\n');
      for (const a of apps) process.stdout.write(`${a.ApplicationId}  ${String(a.Template).padEnd(11)}  ${a.Name}\n`);
    });
    return 0;
  }
  if (sub === 'create') {
    if (v.name === undefined) throw new UsageError('apps create needs --name');
    const { Application } = await client.call<{ Application: Record<string, any> }>('CreateApplication', { ...settingsOf(v), ...(v.template ? { Template: v.template } : {}) });
    output(v.json, Application, () => printApplication(Application));
    return 0;
  }
  if (ref === undefined) throw new UsageError(`apps ${sub} needs APP`);
  const ApplicationId = await applicationIdOf(client, ref);
  switch (sub) {
    case 'describe': {
      const { Application } = await client.call<{ Application: Record<string, any> }>('DescribeApplication', { ApplicationId });
      output(v.json, Application, () => printApplication(Application));
      return 0;
    }
    case 'update': {
      const settings = settingsOf(v);
      if (Object.keys(settings).length === 0) throw new UsageError('apps update needs a setting to change');
      const { Application } = await client.call<{ Application: Record<string, any> }>('UpdateApplication', { ApplicationId, ...settings });
      output(v.json, Application, () => printApplication(Application));
      return 0;
    }
    case 'delete':
      await client.call('DeleteApplication', { ApplicationId });
      process.stdout.write(`Deleted ${ref}.\n`);
      return 0;
    case 'assign':
    case 'unassign': {
      const [type, name] = principalOption(v);
      const principal = await principalIdOf(options, type, name);
      const key = { ApplicationId, PrincipalType: principal.type, PrincipalId: principal.id };
      if (sub === 'unassign') await client.call('DeleteApplicationAssignment', key);
      else await client.call('CreateApplicationAssignment', { ...key, ...(v.role ? { AwsRoles: v.role.map(rolePair) } : {}) });
      process.stdout.write(`${sub === 'assign' ? 'Assigned' : 'Unassigned'} ${type === 'USER' ? 'user' : 'group'} ${name} ${sub === 'assign' ? 'to' : 'from'} ${ref}.\n`);
      return 0;
    }
    case 'assignments': {
      const Assignments = await client.listAll('ListApplicationAssignments', 'Assignments', { ApplicationId });
      output(v.json, Assignments, () => {
        if (Assignments.length === 0) process.stdout.write('No assignments.\n');
        for (const a of Assignments) {
          const roles = (a.AwsRoles as { RoleArn: string; ProviderArn: string }[]).map((r) => `  ${r.RoleArn},${r.ProviderArn}`);
          process.stdout.write(`${String(a.PrincipalType).padEnd(5)}  ${a.PrincipalId}${roles.length ? `\n${roles.join('\n')}` : ''}\n`);
        }
      });
      return 0;
    }
    default:
      throw new UsageError(`unknown apps command '${sub}'`);
  }
};

export const appsCommand = async (args: string[]): Promise<number> => {
  try {
    const { values, positionals } = parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true });
    const [sub, ref, ...extra] = positionals;
    if (values.help || sub === undefined) {
      process.stdout.write(APPS_HELP);
      return values.help ? 0 : 2;
    }
    if (extra.length > 0 || (ref !== undefined && (sub === 'list' || sub === 'create'))) throw new UsageError(`unexpected ${[ref, ...extra].filter(Boolean).join(' ')}`);
    if (!['list', 'create', 'describe', 'update', 'delete', 'assign', 'unassign', 'assignments'].includes(sub)) throw new UsageError(`unknown apps command '${sub}'`);
    silenceSdkNodeVersionWarning();
    const env = process.env;
    const options: AdminClientOptions = {
      endpoint: values.endpoint ?? env.GATEHOUSE_ENDPOINT ?? 'http://127.0.0.1:8080',
      region: values.region ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? 'us-east-1',
      credentials: await resolveAdminCredentials(env),
    };
    return await run(sub, ref, values, options);
  } catch (e) {
    return adminCommandFailure('apps', APPS_HELP, e, e instanceof NotFoundError ? '' : 'error: ');
  }
};
