// Bad-input fuzzing through the real routes: over a thousand malformed, correctly signed requests
// per protocol. Nothing may answer 5xx, every answer must be AWS-shaped, and no handler may run.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { loadServiceModel } from '../../../src/protocols/model/load-service-model.js';
import type { StructureSchema } from '../../../src/protocols/model/schema.js';
import { createTestApp, TEST_KEY, TEST_TIME, type TestApp } from '../support/aws-test-app.js';
import { withMissingRequired, withOversize, withUnknownOnly, withWrongType } from '../support/malformed-inputs.js';
import { SeededRandom } from '../support/seeded-random.js';
import { signRequest } from '../support/sign.js';

const RUNS = 1100;
const SEED = Number(process.env.FUZZ_SEED ?? 20260115);

let t: TestApp;
before(async () => {
  // GetCallerIdentity takes no input, so the real handler is replaced by a recording one too.
  t = await createTestApp({ handlers: { sts: {} } });
});
after(() => t.close());

const JSON_SERVICES = [
  { prefix: 'identitystore', signing: 'identitystore' },
  { prefix: 'organizations', signing: 'organizations' },
  { prefix: 'sso-admin', signing: 'sso' },
] as const;

const opsOf = (prefix: string) => [...loadServiceModel(prefix).operations.values()];

const badJsonBody = (r: SeededRandom): string =>
  r.pick([
    () => '{"IdentityStoreId": "d-1234567890"'.slice(0, 1 + r.int(30)),
    () => `~${r.string(40)}`,
    () => JSON.stringify(r.pick([[], 1, 'x', null, true])),
    () => '\u0000\u00ff{',
  ])();

const jsonCase = (r: SeededRandom): { target: string; body: string; signing: string } => {
  const svc = r.pick(JSON_SERVICES);
  const model = loadServiceModel(svc.prefix);
  const op = r.pick(opsOf(svc.prefix));
  const target = `${model.targetPrefix}.${op.name}`;
  const input = op.input as StructureSchema;
  const kind = r.int(6);
  if (kind === 0) return { target, body: badJsonBody(r), signing: svc.signing };
  if (kind === 1) return { target: r.pick([`${model.targetPrefix}.${r.string(12)}X`, `Bogus${r.int(99)}.${op.name}`, r.string(20)]), body: '{}', signing: svc.signing };
  const gens = [withWrongType, withOversize, withUnknownOnly, withMissingRequired];
  for (const g of [gens[kind - 2]!, ...gens]) {
    const doc = g(input, r);
    if (doc) return { target, body: JSON.stringify(doc), signing: svc.signing };
  }
  return { target, body: badJsonBody(r), signing: svc.signing };
};

test(`awsJson: ${RUNS} malformed requests answer AWS-shaped 4xx, no handler runs`, async () => {
  const r = new SeededRandom(SEED);
  const seen = new Set<string>();
  t.calls.length = 0;
  for (let i = 0; i < RUNS; i++) {
    const c = jsonCase(r);
    const signed = await signRequest({
      service: c.signing,
      date: new Date(TEST_TIME),
      credentials: TEST_KEY,
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': c.target },
      body: c.body,
    });
    const res = await t.app.inject({ method: 'POST', url: signed.url, headers: signed.headers, payload: signed.body });
    const where = `seed ${SEED} #${i} ${c.target} ${c.body.slice(0, 200)}`;
    assert.ok(res.statusCode >= 400 && res.statusCode < 500, `${res.statusCode} ${res.body} — ${where}`);
    const body = JSON.parse(res.body) as { __type?: string; message?: string };
    assert.ok(body.__type, where);
    assert.equal(typeof body.message, 'string', where);
    assert.equal(res.headers['x-amzn-errortype'], body.__type, where);
    seen.add(body.__type!);
    assert.ok(res.headers['x-amzn-requestid'], where);
    assert.equal(t.calls.length, 0, `handler ran for ${where}`);
  }
  // The generator reaches every refusal path, not just the first one.
  for (const name of ['SerializationException', 'UnknownOperationException', 'ValidationException', 'InvalidInputException']) {
    assert.ok(seen.has(name), `no ${name} among ${[...seen].join(', ')}`);
  }
});

const QUERY_SERVICES = ['sts', 'iam'] as const;

const wrongQueryValue = (kind: string, r: SeededRandom) =>
  kind === 'integer' || kind === 'long' ? r.pick(['abc', '1.5', '', '99999999999999999999']) : kind === 'boolean' ? r.pick(['yes', '1', '']) : kind === 'timestamp' ? r.pick(['yesterday', '12']) : undefined;

const queryParams = (r: SeededRandom, op: ReturnType<typeof opsOf>[number]): Record<string, string> | undefined => {
  const input = op.input as StructureSchema;
  const entries = Object.entries(input.members);
  const kind = r.int(3);
  if (kind === 0) {
    const typed = entries.filter(([, m]) => wrongQueryValue(m.kind, r) !== undefined);
    if (typed.length) {
      const [name, m] = r.pick(typed);
      return { [name]: wrongQueryValue(m.kind, r)! };
    }
  }
  if (kind <= 1) {
    const over = withOversize(input, r);
    if (over) {
      const [[name, value]] = Object.entries(over) as [[string, unknown]];
      if (typeof value === 'string') return { [name]: value };
      if (typeof value === 'number') return { [name]: String(value) };
      if (Array.isArray(value)) return Object.fromEntries(value.map((_, i) => [`${name}.member.${i + 1}`, 'x']));
    }
  }
  const missing = withMissingRequired(input, r);
  return missing ? (missing as Record<string, string>) : undefined;
};

const queryCase = (r: SeededRandom): { service: string; body: string } => {
  const service = r.pick(QUERY_SERVICES);
  const model = loadServiceModel(service);
  const kind = r.int(5);
  if (kind === 0) return { service, body: r.string(60) };
  if (kind === 1) return { service, body: `Action=${r.pick(['', 'DropTables', r.string(10) + 'Z', 'constructor'])}&Version=${model.apiVersion}` };
  for (let tries = 0; tries < 5; tries++) {
    const op = r.pick(opsOf(service));
    const params = queryParams(r, op);
    if (params) return { service, body: new URLSearchParams({ Action: op.name, Version: model.apiVersion, ...params }).toString() };
  }
  return { service, body: 'Version=1' };
};

test(`query: ${RUNS} malformed requests answer XML ErrorResponse 4xx, no handler runs`, async () => {
  const r = new SeededRandom(SEED + 1);
  const seen = new Set<string>();
  t.calls.length = 0;
  for (let i = 0; i < RUNS; i++) {
    const c = queryCase(r);
    const signed = await signRequest({
      service: c.service,
      date: new Date(TEST_TIME),
      credentials: TEST_KEY,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: c.body,
    });
    const res = await t.app.inject({ method: 'POST', url: signed.url, headers: signed.headers, payload: signed.body });
    const where = `seed ${SEED + 1} #${i} ${c.service} ${c.body.slice(0, 200)}`;
    assert.ok(res.statusCode >= 400 && res.statusCode < 500, `${res.statusCode} ${res.body} — ${where}`);
    assert.equal(res.headers['content-type'], 'text/xml', where);
    assert.match(res.body, /^<ErrorResponse xmlns="https:\/\/(sts|iam)\.amazonaws\.com\/doc\/\d{4}-\d{2}-\d{2}\/"><Error><Type>Sender<\/Type><Code>\w+<\/Code><Message>[^<]*<\/Message><\/Error><RequestId>[0-9a-f-]{36}<\/RequestId><\/ErrorResponse>$/, where);
    assert.equal(t.calls.length, 0, `handler ran for ${where}`);
    seen.add(/<Code>(\w+)<\/Code>/.exec(res.body)![1]!);
  }
  for (const code of ['MissingAction', 'InvalidAction', 'ValidationError']) assert.ok(seen.has(code), `no ${code} among ${[...seen].join(', ')}`);
});
