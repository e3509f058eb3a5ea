// The AWS routes' call hook: told once per call that reached an operation, with the input and
// the wire error the caller got, before the answer goes out; never for a failed signature or an
// unknown operation; and nothing it does changes an answer.

import { after, before, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import Fastify, { type FastifyInstance } from 'fastify';
import { GatehouseError } from '../../../src/lib/errors.js';
import { ManualClock } from '../../../src/lib/clock.js';
import type { Services } from '../../../src/domain/services.js';
import { registerAwsRoutes } from '../../../src/protocols/http/register-aws-routes.js';
import type { ApiCall, OnCall } from '../../../src/protocols/http/aws-routes-options.js';
import { TEST_KEY, TEST_PRINCIPAL, TEST_TIME } from '../support/aws-test-app.js';
import { signRequest } from '../support/sign.js';

const heard: ApiCall[] = [];
let hook: OnCall = async (call) => {
  heard.push(call);
};
let app: FastifyInstance;

before(async () => {
  app = Fastify({ logger: false });
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
  await registerAwsRoutes(app, {
    handlers: {
      identitystore: {
        CreateGroup: async (input) => ({ GroupId: 'g-1', IdentityStoreId: input.IdentityStoreId }),
        DeleteGroup: async () => {
          throw new GatehouseError('Conflict', 'The group is in use');
        },
      },
      sts: { AssumeRole: async () => ({}) },
      iam: { ListUsers: async () => ({ Users: [], IsTruncated: false }) },
    },
    services: {} as Services,
    region: 'us-east-1',
    clock: new ManualClock(TEST_TIME),
    resolveCredentials: async (id) => (id === TEST_KEY.accessKeyId ? { principal: TEST_PRINCIPAL, secretAccessKey: TEST_KEY.secretAccessKey } : undefined),
    authorize: async (_principal, action) => {
      if (action === 'iam:ListUsers') throw new GatehouseError('AccessDenied', 'not for you');
    },
    onCall: (call) => hook(call),
  });
  await app.ready();
});
after(() => app.close());
beforeEach(() => {
  heard.length = 0;
  hook = async (call) => {
    heard.push(call);
  };
});

const json = async (target: string, body: string, credentials = TEST_KEY) => {
  const r = await signRequest({
    service: 'identitystore',
    date: new Date(TEST_TIME),
    credentials,
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': target, 'user-agent': 'hook-test/1.0' },
    body,
  });
  return app.inject({ method: 'POST', url: r.url, headers: r.headers, payload: r.body });
};

const query = async (service: 'sts' | 'iam', body: string) => {
  const r = await signRequest({ service, date: new Date(TEST_TIME), credentials: TEST_KEY, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
  return app.inject({ method: 'POST', url: r.url, headers: r.headers, payload: r.body });
};

const CREATE_GROUP = '{"IdentityStoreId":"d-1234567890","DisplayName":"x","Unmodeled":1}';
const DELETE_GROUP = '{"IdentityStoreId":"d-1234567890","GroupId":"8f0b2f7a-1234-4c2d-9e3f-0123456789ab"}';

test('a successful call is heard once, with its caller, action, source and validated input', async () => {
  const res = await json('AWSIdentityStore.CreateGroup', CREATE_GROUP);
  assert.equal(res.statusCode, 200);
  assert.equal(heard.length, 1);
  const call = heard[0]!;
  assert.equal(call.requestId, res.headers['x-amzn-requestid']);
  assert.equal(call.principal, TEST_PRINCIPAL);
  assert.equal(call.region, 'us-east-1');
  assert.equal(call.sourceIp, '127.0.0.1');
  assert.equal(call.userAgent, 'hook-test/1.0');
  assert.equal(call.action, 'identitystore:CreateGroup');
  assert.equal(call.eventSource, 'identitystore.amazonaws.com');
  // The validated copy: the member the model does not know is gone.
  assert.deepEqual(call.input, { IdentityStoreId: 'd-1234567890', DisplayName: 'x' });
  assert.equal(call.error, undefined);
});

test('failures are heard with the wire error the caller got', async () => {
  const conflict = await json('AWSIdentityStore.DeleteGroup', DELETE_GROUP);
  const invalid = await json('AWSIdentityStore.CreateGroup', '{"IdentityStoreId":"nope","DisplayName":"x"}');
  const garbled = await json('AWSIdentityStore.CreateGroup', '{not json');
  const denied = await query('iam', 'Action=ListUsers&Version=2010-05-08');
  assert.deepEqual(
    heard.map((c) => [c.action, c.error?.code]),
    [
      ['identitystore:DeleteGroup', 'ConflictException'],
      ['identitystore:CreateGroup', 'ValidationException'],
      ['identitystore:CreateGroup', 'SerializationException'],
      ['iam:ListUsers', 'AccessDenied'],
    ],
  );
  assert.equal(heard[0]!.error?.message, conflict.json().message);
  assert.equal(heard[1]!.error?.message, invalid.json().message);
  // What the caller sent when it did not validate; nothing when it did not even parse.
  assert.deepEqual(heard[1]!.input, { IdentityStoreId: 'nope', DisplayName: 'x' });
  assert.equal(heard[2]!.input, undefined);
  assert.equal(garbled.statusCode, 400);
  assert.equal(denied.statusCode, 403);
  assert.equal(heard[3]!.eventSource, 'iam.amazonaws.com');
  assert.equal(heard[3]!.error?.message, 'not for you');
});

test('a query input that does not decode is heard as the form came, without Action and Version', async () => {
  const res = await query('sts', 'Action=AssumeRole&Version=2011-06-15&RoleArn=arn%3Aaws%3Aiam%3A%3A111122223333%3Arole%2Fr&RoleSessionName=s&DurationSeconds=soon');
  assert.equal(res.statusCode, 400);
  assert.equal(heard.length, 1);
  assert.equal(heard[0]!.eventSource, 'sts.amazonaws.com');
  assert.equal(heard[0]!.error?.code, 'ValidationError');
  assert.deepEqual(heard[0]!.input, { RoleArn: 'arn:aws:iam::111122223333:role/r', RoleSessionName: 's', DurationSeconds: 'soon' });
});

test('calls that name nobody or nothing are not heard: a bad signature, an unknown operation', async () => {
  const forged = await json('AWSIdentityStore.CreateGroup', CREATE_GROUP, { ...TEST_KEY, secretAccessKey: 'wrong' });
  assert.equal(forged.statusCode, 400);
  assert.equal(forged.json().__type, 'InvalidSignatureException');
  const unknown = await json('AWSIdentityStore.NoSuchThing', '{}');
  assert.equal(unknown.json().__type, 'UnknownOperationException');
  const unimplemented = await query('iam', 'Action=NoSuchThing&Version=2010-05-08');
  assert.equal(unimplemented.statusCode, 400);
  assert.deepEqual(heard, []);
});

test('the hook is waited for before the answer is sent', async () => {
  let done = false;
  hook = async () => {
    await new Promise((resolve) => setTimeout(resolve, 50));
    done = true;
  };
  await json('AWSIdentityStore.CreateGroup', CREATE_GROUP);
  assert.equal(done, true);
});

test('a failing hook changes no answer', async () => {
  const expected = (await json('AWSIdentityStore.CreateGroup', CREATE_GROUP)).json();
  const expectedError = (await json('AWSIdentityStore.DeleteGroup', DELETE_GROUP)).json<Record<string, unknown>>();
  for (const failing of [
    async () => {
      throw new Error('audit store down');
    },
    () => {
      throw new Error('audit hook broken');
    },
  ] as OnCall[]) {
    hook = failing;
    const ok = await json('AWSIdentityStore.CreateGroup', CREATE_GROUP);
    assert.equal(ok.statusCode, 200);
    assert.deepEqual(ok.json(), expected);
    const refused = await json('AWSIdentityStore.DeleteGroup', DELETE_GROUP);
    assert.equal(refused.statusCode, 400);
    assert.deepEqual({ ...refused.json<Record<string, unknown>>(), RequestId: undefined }, { ...expectedError, RequestId: undefined });
    const allowedQuery = await query('sts', 'Action=AssumeRole&Version=2011-06-15&RoleArn=arn%3Aaws%3Aiam%3A%3A111122223333%3Arole%2Fr&RoleSessionName=session');
    assert.equal(allowedQuery.statusCode, 200);
  }
});
