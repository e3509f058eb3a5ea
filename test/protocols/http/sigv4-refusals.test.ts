// SigV4 refusals through the real routes (Fastify inject): each failure answers the exception
// name and status the service's clients expect, and no handler runs.

import { after, before, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, TEST_KEY, TEST_TIME, type TestApp } from '../support/aws-test-app.js';
import { presignRequest, signRequest, type RequestToSign, type SignedTestRequest } from '../support/sign.js';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());
beforeEach(() => {
  t.clock.set(TEST_TIME);
  t.calls.length = 0;
});

const jsonRequest = (over: Partial<RequestToSign> = {}): RequestToSign => ({
  service: 'identitystore',
  date: new Date(TEST_TIME),
  credentials: TEST_KEY,
  headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSIdentityStore.ListUsers' },
  body: '{"IdentityStoreId":"d-1234567890"}',
  ...over,
});

const queryRequest = (over: Partial<RequestToSign> = {}): RequestToSign => ({
  service: 'sts',
  date: new Date(TEST_TIME),
  credentials: TEST_KEY,
  headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
  body: 'Action=GetCallerIdentity&Version=2011-06-15',
  ...over,
});

const send = (r: SignedTestRequest) => t.app.inject({ method: r.method as 'POST', url: r.url, headers: r.headers, payload: r.body });

const expectJsonError = async (r: SignedTestRequest, name: string, status: number, message?: RegExp) => {
  const res = await send(r);
  assert.equal(res.statusCode, status, res.body);
  assert.equal(res.headers['x-amzn-errortype'], name);
  assert.ok(res.headers['x-amzn-requestid']);
  const body = res.json();
  assert.equal(body.__type, name);
  if (message) assert.match(body.message, message);
  assert.equal(t.calls.length, 0, 'no handler ran');
};

const expectXmlError = async (r: SignedTestRequest, code: string, status: number, message?: RegExp) => {
  const res = await send(r);
  assert.equal(res.statusCode, status, res.body);
  assert.match(res.body, new RegExp(`^<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>${code}</Code><Message>`));
  assert.match(res.body, /<RequestId>[0-9a-f-]{36}<\/RequestId><\/ErrorResponse>$/);
  if (message) assert.match(res.body, message);
  assert.equal(t.calls.length, 0, 'no handler ran');
};

test('a correctly signed awsJson request reaches its handler', async () => {
  const res = await send(await signRequest(jsonRequest()));
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.headers['content-type'], 'application/x-amz-json-1.1');
  assert.deepEqual(t.calls, [{ service: 'identitystore', operation: 'ListUsers', input: { IdentityStoreId: 'd-1234567890' } }]);
  assert.deepEqual(t.authorized.at(-1), 'identitystore:ListUsers');
});

test('tampered signed header → InvalidSignatureException', async () => {
  const r = await signRequest(jsonRequest());
  await expectJsonError({ ...r, headers: { ...r.headers, 'x-amz-target': 'AWSIdentityStore.ListGroups' } }, 'InvalidSignatureException', 400);
});

test('tampered body → InvalidSignatureException (declared hash and undeclared)', async () => {
  const r = await signRequest(jsonRequest());
  await expectJsonError({ ...r, body: '{"IdentityStoreId":"d-0000000000"}' }, 'InvalidSignatureException', 400, /x-amz-content-sha256/);
  const headers = { ...r.headers };
  delete headers['x-amz-content-sha256'];
  await expectJsonError({ ...r, headers, body: '{"IdentityStoreId":"d-0000000000"}' }, 'InvalidSignatureException', 400, /does not match/);
});

test('tampered query string → InvalidSignatureException', async () => {
  const r = await signRequest(jsonRequest({ query: { a: '1' } }));
  await expectJsonError({ ...r, url: '/?a=2' }, 'InvalidSignatureException', 400);
});

test('wrong secret → InvalidSignatureException; query: SignatureDoesNotMatch 403', async () => {
  const credentials = { ...TEST_KEY, secretAccessKey: 'not-the-secret' };
  await expectJsonError(await signRequest(jsonRequest({ credentials })), 'InvalidSignatureException', 400, /signature we calculated does not match/);
  await expectXmlError(await signRequest(queryRequest({ credentials })), 'SignatureDoesNotMatch', 403);
});

test('unknown access key → UnrecognizedClientException; query: InvalidClientTokenId 403', async () => {
  const credentials = { accessKeyId: 'AKIAUNKNOWNUNKNOWN00', secretAccessKey: 'x' };
  await expectJsonError(await signRequest(jsonRequest({ credentials })), 'UnrecognizedClientException', 400, /security token included in the request is invalid/);
  await expectXmlError(await signRequest(queryRequest({ credentials })), 'InvalidClientTokenId', 403);
});

test('clock skew: 4:59 either way is accepted, 5:01 is refused', async () => {
  const r = await signRequest(jsonRequest());
  t.clock.set(TEST_TIME + 299_000);
  assert.equal((await send(r)).statusCode, 200);
  t.clock.set(TEST_TIME - 299_000);
  assert.equal((await send(r)).statusCode, 200);
  t.calls.length = 0;
  t.clock.set(TEST_TIME + 301_000);
  await expectJsonError(r, 'InvalidSignatureException', 400, /^Signature expired: 20260115T120000Z is now earlier than 20260115T120001Z \(20260115T120501Z - 5 min\.\)$/);
  t.clock.set(TEST_TIME - 301_000);
  await expectJsonError(r, 'InvalidSignatureException', 400, /^Signature not yet current: 20260115T120000Z is still later than 20260115T115959Z/);
  t.clock.set(TEST_TIME + 301_000);
  await expectXmlError(await signRequest(queryRequest()), 'SignatureDoesNotMatch', 403, /Signature expired/);
});

test('presigned URL: accepted before X-Amz-Expires, refused after', async () => {
  const r = await presignRequest(queryRequest({ method: 'GET', body: undefined, headers: {}, query: { Action: 'GetCallerIdentity', Version: '2011-06-15' } }), 60);
  t.clock.set(TEST_TIME + 59_000);
  const ok = await send(r);
  assert.equal(ok.statusCode, 200, ok.body);
  assert.match(ok.body, /<Arn>arn:aws:iam::111122223333:user\/alice<\/Arn>/);
  t.clock.set(TEST_TIME + 61_000);
  await expectXmlError(r, 'RequestExpired', 400, /Request has expired/);
});

test('presigned URL: X-Amz-Expires over a week is an incomplete signature', async () => {
  const r = await presignRequest(queryRequest({ method: 'GET', body: undefined, headers: {}, query: { Action: 'GetCallerIdentity', Version: '2011-06-15' } }), 60);
  await expectXmlError({ ...r, url: r.url.replace('X-Amz-Expires=60', 'X-Amz-Expires=604801') }, 'IncompleteSignature', 400);
});

test('no authentication at all → MissingAuthenticationToken(Exception) 403', async () => {
  await expectJsonError(
    { method: 'POST', url: '/', headers: { 'x-amz-target': 'AWSIdentityStore.ListUsers', 'content-type': 'application/x-amz-json-1.1' }, body: '{}' },
    'MissingAuthenticationTokenException',
    403,
  );
  await expectXmlError({ method: 'POST', url: '/', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'Action=GetCallerIdentity&Version=2011-06-15' }, 'MissingAuthenticationToken', 403);
});

test('malformed Authorization header → IncompleteSignature(Exception) 400', async () => {
  const r = await signRequest(jsonRequest());
  await expectJsonError({ ...r, headers: { ...r.headers, authorization: 'AWS4-HMAC-SHA256 Credential=AKIA/20260115/us-east-1/identitystore/aws4_request' } }, 'IncompleteSignatureException', 400, /requires 'Signature' parameter/);
  const q = await signRequest(queryRequest());
  await expectXmlError({ ...q, headers: { ...q.headers, authorization: 'Bearer abc' } }, 'IncompleteSignature', 400);
});

test('signed headers must include host', async () => {
  const r = await signRequest(jsonRequest());
  const auth = r.headers.authorization!.replace('SignedHeaders=content-type;host;', 'SignedHeaders=content-type;');
  await expectJsonError({ ...r, headers: { ...r.headers, authorization: auth } }, 'IncompleteSignatureException', 400, /Host/);
});

test('credential scope must name this service and region', async () => {
  await expectJsonError(await signRequest(jsonRequest({ service: 'sso' })), 'InvalidSignatureException', 400, /correct service: 'identitystore'/);
  await expectJsonError(await signRequest(jsonRequest({ region: 'eu-west-1' })), 'InvalidSignatureException', 400, /valid region/);
});

test('credential scope date must be the X-Amz-Date date', async () => {
  const r = await signRequest(jsonRequest());
  const auth = r.headers.authorization!.replace('/20260115/', '/20260114/');
  await expectJsonError({ ...r, headers: { ...r.headers, authorization: auth } }, 'InvalidSignatureException', 400, /Date in Credential scope does not match/);
});

test('UNSIGNED-PAYLOAD is accepted (the body is then not covered)', async () => {
  const r = await signRequest(jsonRequest({ headers: { ...jsonRequest().headers, 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' } }));
  const res = await send(r);
  assert.equal(res.statusCode, 200, res.body);
});

test('the scope service picks sts or iam for a query request', async () => {
  const res = await send(await signRequest(queryRequest({ service: 'iam', body: 'Action=ListUsers&Version=2010-05-08' })));
  assert.equal(res.statusCode, 200, res.body);
  assert.match(res.body, /^<ListUsersResponse xmlns="https:\/\/iam.amazonaws.com\/doc\/2010-05-08\/">/);
  assert.deepEqual(t.calls.map((c) => `${c.service}:${c.operation}`), ['iam:ListUsers']);
});
