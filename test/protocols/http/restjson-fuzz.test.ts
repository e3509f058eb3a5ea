// Bad-input fuzzing of the restJson services a person's tools talk to (sso-oidc and the portal
// API), through the running server: malformed bodies, wrong types, oversize and missing values,
// bad tokens. Nothing may answer 5xx, and every error is AWS-shaped: the exception name in
// x-amzn-ErrorType, and for sso-oidc `error` / `error_description` in the body.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, type TestServer } from '../../support/server.js';
import { SeededRandom } from '../support/seeded-random.js';

const RUNS = 1100;
const SEED = Number(process.env.FUZZ_SEED ?? 20261128);

let server: TestServer;
before(async () => (server = await startTestServer()));
after(() => server.close());

const junk = (r: SeededRandom): unknown =>
  r.pick([() => r.string(30), () => r.int(1e9) - 5e8, () => null, () => true, () => [r.string(5)], () => ({ x: r.string(5) }), () => 'x'.repeat(5000 + r.int(5000))])();

const OIDC_FIELDS = {
  '/client/register': ['clientName', 'clientType', 'scopes', 'grantTypes', 'redirectUris', 'issuerUrl', 'entitledApplicationArn'],
  '/device_authorization': ['clientId', 'clientSecret', 'startUrl'],
  '/token': ['clientId', 'clientSecret', 'grantType', 'deviceCode', 'code', 'refreshToken', 'scope', 'redirectUri', 'codeVerifier'],
} as const;

const oidcCase = (r: SeededRandom): { path: string; body: string; contentType: string } => {
  const path = r.pick(Object.keys(OIDC_FIELDS) as (keyof typeof OIDC_FIELDS)[]);
  const fields = OIDC_FIELDS[path];
  const kind = r.int(4);
  if (kind === 0) return { path, body: r.pick(['{', '{"clientId":', `~${r.string(20)}`, '[]', 'null', '"x"', '']), contentType: 'application/json' };
  const doc: Record<string, unknown> = {};
  for (const f of fields) if (r.int(2) === 0) doc[f] = kind === 1 ? junk(r) : r.string(12);
  if (kind === 3) doc[r.string(8)] = junk(r);
  return { path, body: JSON.stringify(doc), contentType: r.pick(['application/json', 'text/plain', 'application/x-www-form-urlencoded']) };
};

const PORTAL_PATHS = ['/assignment/accounts', '/assignment/roles', '/federation/credentials'] as const;

const portalCase = (r: SeededRandom): { url: string; headers: Record<string, string> } => {
  const params = new URLSearchParams();
  for (const k of ['account_id', 'role_name', 'next_token', 'max_result']) if (r.int(2) === 0) params.set(k, r.pick([r.string(15), String(r.int(1e6) - 10), '', '0', '101', 'x'.repeat(3000)]));
  const headers: Record<string, string> = {};
  if (r.int(4) > 0) headers['x-amz-sso_bearer_token'] = r.pick([r.string(40, 'abcdefghijklmnopqrstuvwxyz0123456789+/=._-'), '', 'Bearer x', 'a'.repeat(5000)]);
  return { url: `${r.pick(PORTAL_PATHS)}?${params}`, headers };
};

const assertAwsShaped = async (res: Response, what: string, oidc: boolean) => {
  const text = await res.text();
  assert.ok(res.status >= 400 && res.status < 500, `${what}: ${res.status} ${text.slice(0, 200)}`);
  const type = res.headers.get('x-amzn-errortype');
  assert.ok(type && /^[A-Za-z]+(Exception)?/.test(type), `${what}: no x-amzn-ErrorType`);
  assert.ok(res.headers.get('x-amzn-requestid'), `${what}: no request id`);
  if (oidc) {
    const body = JSON.parse(text) as { error?: string; error_description?: string };
    assert.equal(typeof body.error, 'string', `${what}: no error in ${text}`);
  }
};

test(`sso-oidc: ${RUNS} malformed requests answer AWS-shaped 4xx`, async () => {
  const r = new SeededRandom(SEED);
  for (let i = 0; i < RUNS; i++) {
    const c = oidcCase(r);
    const res = await fetch(`${server.endpoint}${c.path}`, { method: 'POST', headers: { 'content-type': c.contentType }, body: c.body });
    await assertAwsShaped(res, `#${i} POST ${c.path} ${c.body.slice(0, 80)}`, true);
  }
});

test(`portal API: ${RUNS} malformed or unauthenticated requests answer AWS-shaped 4xx`, async () => {
  const r = new SeededRandom(SEED + 1);
  for (let i = 0; i < RUNS; i++) {
    const c = portalCase(r);
    const res = await fetch(`${server.endpoint}${c.url}`, { headers: c.headers });
    await assertAwsShaped(res, `#${i} GET ${c.url.slice(0, 80)}`, false);
  }
});
