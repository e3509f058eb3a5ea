// Session tokens reach the credential resolver; an expired or invalid one answers the
// service's token error.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { GatehouseError } from '../../../src/lib/errors.js';
import { createTestApp, TEST_KEY, TEST_PRINCIPAL, TEST_TIME, type TestApp } from '../support/aws-test-app.js';
import { signRequest, type SignedTestRequest } from '../support/sign.js';

const TEMP = { accessKeyId: 'ASIAGATEHOUSETEST001', secretAccessKey: 'temporary-secret' };
const GOOD_TOKEN = 'good-token';
const seen: Array<string | undefined> = [];

let t: TestApp;
before(async () => {
  t = await createTestApp({
    resolveCredentials: async (accessKeyId, token) => {
      seen.push(token);
      if (accessKeyId === TEST_KEY.accessKeyId) return { principal: TEST_PRINCIPAL, secretAccessKey: TEST_KEY.secretAccessKey };
      if (accessKeyId !== TEMP.accessKeyId) return undefined;
      if (token === 'expired-token') throw new GatehouseError('Unauthenticated', 'expired', { reason: 'ExpiredToken' });
      if (token !== GOOD_TOKEN) return undefined;
      return { principal: { ...TEST_PRINCIPAL, kind: 'assumed-role', accessKeyId: TEMP.accessKeyId }, secretAccessKey: TEMP.secretAccessKey };
    },
  });
});
after(() => t.close());

const send = (r: SignedTestRequest) => t.app.inject({ method: 'POST', url: r.url, headers: r.headers, payload: r.body });

const json = (sessionToken?: string) =>
  signRequest({
    service: 'sso',
    date: new Date(TEST_TIME),
    credentials: { ...TEMP, ...(sessionToken !== undefined ? { sessionToken } : {}) },
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'SWBExternalService.ListInstances' },
    body: '{}',
  });

const query = (sessionToken?: string) =>
  signRequest({
    service: 'sts',
    date: new Date(TEST_TIME),
    credentials: { ...TEMP, ...(sessionToken !== undefined ? { sessionToken } : {}) },
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'Action=GetCallerIdentity&Version=2011-06-15',
  });

test('a valid session token is passed to the resolver and accepted', async () => {
  seen.length = 0;
  const res = await send(await json('good-token'));
  assert.equal(res.statusCode, 200, res.body);
  assert.deepEqual(seen, ['good-token']);
});

test('missing or invalid session token → UnrecognizedClientException / InvalidClientTokenId', async () => {
  for (const token of [undefined, 'forged']) {
    const a = await send(await json(token));
    assert.equal(a.statusCode, 400);
    assert.equal(a.json().__type, 'UnrecognizedClientException');
    const b = await send(await query(token));
    assert.equal(b.statusCode, 403);
    assert.match(b.body, /<Code>InvalidClientTokenId<\/Code>/);
  }
});

test('expired session token → ExpiredTokenException / ExpiredToken', async () => {
  const a = await send(await json('expired-token'));
  assert.equal(a.statusCode, 400);
  assert.equal(a.json().__type, 'ExpiredTokenException');
  assert.equal(a.json().message, 'The security token included in the request is expired');
  const b = await send(await query('expired-token'));
  assert.equal(b.statusCode, 403);
  assert.match(b.body, /<Code>ExpiredToken<\/Code><Message>The security token included in the request is expired<\/Message>/);
});
