// `gatehouse policy validate FILE...` and `gatehouse policy simulate ...`: the policy engine
// from the command line, without a server.

import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadCatalog, validatePolicy, type ValidationPolicyType } from '../policy/validate/index.js';
import { explainDecision, evaluate } from '../policy/index.js';
import { simulationRequest, SIMULATE_OPTIONS } from './simulation-request.js';

export const POLICY_HELP = `Usage: gatehouse policy validate [--type TYPE] FILE...
       gatehouse policy simulate [options]

validate   Checks policy files as IAM Access Analyzer does: grammar, size, unknown actions,
           condition keys and resources, operator types, redundant or overly broad grants.
           Prints each finding with its place; exits 1 when any finding is an ERROR.
           --type  IDENTITY_POLICY (default), RESOURCE_POLICY, SERVICE_CONTROL_POLICY,
                   RESOURCE_CONTROL_POLICY

simulate   Decides requests against policies and explains each decision.
           Exits 0 when every request is allowed, 1 when any is denied.
  --policy FILE            an identity policy (repeatable)
  --boundary FILE          a permissions boundary policy (repeatable)
  --scp FILE[,FILE...]     the SCPs of one level, root first (repeat per level)
  --resource-policy FILE   the resource's resource-based policy
  --action ACTION          e.g. s3:GetObject (repeatable)
  --resource ARN           (repeatable; default *)
  --context KEY=VALUE      a context key (repeat a key for a multivalued key)
  --caller ARN             the calling principal (default arn:aws:iam::111122223333:user/simulated)
  --input FILE             all of the above as JSON: {"policies":[...],"boundary":[...],
                           "scps":[[...]],"resourcePolicy":{...},"actions":[...],
                           "resources":[...],"context":{...},"caller":"arn:..."}
`;

const validate = async (args: string[]): Promise<number> => {
  const { values, positionals } = parseArgs({ args, options: { type: { type: 'string' } }, allowPositionals: true });
  if (positionals.length === 0) throw new UsageError('policy validate needs at least one FILE');
  const policyType = (values.type ?? 'IDENTITY_POLICY') as ValidationPolicyType;
  const catalog = await loadCatalog();
  let errors = 0;
  for (const file of positionals) {
    const findings = validatePolicy(readFileSync(file, 'utf8'), catalog, { policyType });
    if (findings.length === 0) process.stdout.write(`${file}: no findings\n`);
    for (const f of findings) {
      if (f.severity === 'ERROR') errors++;
      process.stdout.write(`${file}: ${f.severity} ${f.code} at ${f.path || '(document)'}: ${f.message}\n`);
    }
  }
  return errors > 0 ? 1 : 0;
};

const simulate = (args: string[]): number => {
  const { values } = parseArgs({ args, options: SIMULATE_OPTIONS, allowPositionals: false });
  const { set, requests } = simulationRequest(values, (file) => readFileSync(file, 'utf8'));
  let denied = 0;
  for (const request of requests) {
    const decision = evaluate(set, request);
    if (decision.decision !== 'Allow') denied++;
    process.stdout.write(`${request.action} on ${request.resource}\n${explainDecision(decision)}\n\n`);
  }
  return denied > 0 ? 1 : 0;
};

export class UsageError extends Error {}

export const policyCommand = async (args: string[]): Promise<number> => {
  const [sub, ...rest] = args;
  try {
    if (sub === 'validate') return await validate(rest);
    if (sub === 'simulate') return simulate(rest);
    if (sub === undefined || sub === '--help' || sub === '-h') {
      process.stdout.write(POLICY_HELP);
      return sub === undefined ? 2 : 0;
    }
    throw new UsageError(`unknown policy command '${sub}'`);
  } catch (e) {
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS') || (e as { code?: string }).code === 'ENOENT') {
      process.stderr.write(`gatehouse policy: ${(e as Error).message}\n\n${POLICY_HELP}`);
      return 2;
    }
    if ((e as Error).name === 'PolicyParseError' || e instanceof SyntaxError) {
      process.stderr.write(`gatehouse policy: ${(e as Error).message}\n`);
      return 2;
    }
    throw e;
  }
};
