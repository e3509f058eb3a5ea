// What `gatehouse policy simulate` is asked, from its options or an --input JSON file.

import { parseArn } from '../lib/arn.js';
import { parsePolicy, type AuthorizationRequest, type ContextValue, type NamedPolicy, type PolicySet } from '../policy/index.js';

export const SIMULATE_OPTIONS = {
  policy: { type: 'string', multiple: true },
  boundary: { type: 'string', multiple: true },
  scp: { type: 'string', multiple: true },
  'resource-policy': { type: 'string' },
  action: { type: 'string', multiple: true },
  resource: { type: 'string', multiple: true },
  context: { type: 'string', multiple: true },
  caller: { type: 'string' },
  input: { type: 'string' },
} as const;

interface SimulateValues {
  policy?: string[];
  boundary?: string[];
  scp?: string[];
  'resource-policy'?: string;
  action?: string[];
  resource?: string[];
  context?: string[];
  caller?: string;
  input?: string;
}

interface InputFile {
  policies?: unknown[];
  boundary?: unknown[];
  scps?: unknown[][];
  resourcePolicy?: unknown;
  actions?: string[];
  resources?: string[];
  context?: Record<string, ContextValue>;
  caller?: string;
}

const DEFAULT_CALLER = 'arn:aws:iam::111122223333:user/simulated';

const contextFrom = (pairs: string[]): Record<string, ContextValue> => {
  const out: Record<string, string[]> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at <= 0) throw new Error(`--context must be KEY=VALUE, got '${pair}'`);
    (out[pair.slice(0, at)] ??= []).push(pair.slice(at + 1));
  }
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, v.length === 1 ? v[0] : v]));
};

export const simulationRequest = (
  values: SimulateValues,
  read: (file: string) => string,
): { set: PolicySet; requests: AuthorizationRequest[] } => {
  const file: InputFile = values.input ? JSON.parse(read(values.input)) : {};
  const named = (label: string) => (doc: unknown, i: number): NamedPolicy => ({ id: `${label}[${i}]`, document: parsePolicy(doc as object) });
  const fromFiles = (files: string[] | undefined) => (files ?? []).map((f) => JSON.parse(read(f)) as unknown);
  const policies = [...(file.policies ?? []), ...fromFiles(values.policy)];
  const boundary = [...(file.boundary ?? []), ...fromFiles(values.boundary)];
  const scps = [...(file.scps ?? []), ...(values.scp ?? []).map((level) => fromFiles(level.split(',')))];
  const resourcePolicy = values['resource-policy'] ? JSON.parse(read(values['resource-policy'])) : file.resourcePolicy;
  const set: PolicySet = {
    identity: policies.map(named('policy')),
    ...(boundary.length ? { boundary: boundary.map(named('boundary')) } : {}),
    ...(scps.length ? { scpLevels: scps.map((level, l) => level.map(named(`scp[${l}]`))) } : {}),
    ...(resourcePolicy ? { resource: [named('resource-policy')(resourcePolicy, 0)] } : {}),
  };
  const actions = [...(file.actions ?? []), ...(values.action ?? [])];
  if (actions.length === 0) throw new Error('simulate needs at least one --action');
  const resources = [...(file.resources ?? []), ...(values.resource ?? [])];
  const caller = values.caller ?? file.caller ?? DEFAULT_CALLER;
  const context = { ...(file.context ?? {}), ...contextFrom(values.context ?? []) };
  const requests = actions.flatMap((action) =>
    (resources.length ? resources : ['*']).map((resource) => ({
      action,
      resource,
      principalArn: caller,
      principalAccount: parseArn(caller)?.account ?? '111122223333',
      context,
    })),
  );
  return { set, requests };
};
