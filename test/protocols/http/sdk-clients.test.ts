// The real AWS SDK for JavaScript v3 against the routes on a real port: what it signs verifies,
// what we answer it parses, and our errors arrive as its modeled exception classes.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { IdentitystoreClient, ListUsersCommand, ResourceNotFoundException, DescribeUserCommand, ValidationException } from '@aws-sdk/client-identitystore';
import { IAMClient, NoSuchEntityException, GetUserCommand } from '@aws-sdk/client-iam';
import { ListInstancesCommand, SSOAdminClient } from '@aws-sdk/client-sso-admin';
import { GatehouseError } from '../../../src/lib/errors.js';
import { createTestApp, TEST_KEY, type TestApp } from '../support/aws-test-app.js';

let t: TestApp;
let endpoint = '';
before(async () => {
  t = await createTestApp({
    handlers: {
      identitystore: {
        DescribeUser: async () => {
          throw new GatehouseError('NotFound', 'User not found', { resource: 'User' });
        },
        ListUsers: async () => ({ Users: [{ IdentityStoreId: 'd-1234567890', UserId: 'u-1', UserName: 'alice' }] }),
      },
      'sso-admin': {
        ListInstances: async () => ({ Instances: [{ InstanceArn: 'arn:aws:sso:::instance/ssoins-1234567890abcdef', CreatedDate: new Date(Date.UTC(2026, 0, 1)) }] }),
      },
      iam: {
        GetUser: async () => {
          throw new GatehouseError('NotFound', 'The user with name bob cannot be found.', { resource: 'User' });
        },
      },
    },
  });
  // The SDK signs with the real time.
  t.clock.now = () => Date.now();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  endpoint = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
});
after(() => t.close());

const config = () => ({ endpoint, region: 'us-east-1', credentials: TEST_KEY, maxAttempts: 1 });

test('STS GetCallerIdentity through @aws-sdk/client-sts', async () => {
  const out = await new STSClient(config()).send(new GetCallerIdentityCommand({}));
  assert.equal(out.Account, '111122223333');
  assert.equal(out.Arn, 'arn:aws:iam::111122223333:user/alice');
  assert.equal(out.UserId, 'AIDAGATEHOUSETEST0001');
});

test('identitystore ListUsers and modeled errors through @aws-sdk/client-identitystore', async () => {
  const client = new IdentitystoreClient(config());
  const out = await client.send(new ListUsersCommand({ IdentityStoreId: 'd-1234567890' }));
  assert.equal(out.Users?.[0]?.UserName, 'alice');
  await assert.rejects(client.send(new DescribeUserCommand({ IdentityStoreId: 'd-1234567890', UserId: 'a1b2c3d4-1234-1234-1234-123456789012' })), (e: unknown) => {
    assert.ok(e instanceof ResourceNotFoundException);
    assert.equal(e.message, 'User not found');
    assert.equal(e.ResourceType, 'USER');
    return true;
  });
  await assert.rejects(client.send(new ListUsersCommand({ IdentityStoreId: 'd-1234567890', MaxResults: 500 })), (e: unknown) => {
    assert.ok(e instanceof ValidationException);
    assert.match(e.message, /at 'maxResults'/);
    return true;
  });
});

test('sso-admin timestamps parse as Dates through @aws-sdk/client-sso-admin', async () => {
  const out = await new SSOAdminClient(config()).send(new ListInstancesCommand({}));
  assert.deepEqual(out.Instances?.[0]?.CreatedDate, new Date(Date.UTC(2026, 0, 1)));
});

test('IAM query errors arrive as modeled exceptions through @aws-sdk/client-iam', async () => {
  await assert.rejects(new IAMClient(config()).send(new GetUserCommand({ UserName: 'bob' })), (e: unknown) => {
    assert.ok(e instanceof NoSuchEntityException);
    assert.equal(e.$metadata.httpStatusCode, 404);
    return true;
  });
});

test('a wrong secret surfaces as the SDK error the real services give', async () => {
  const client = new IdentitystoreClient({ ...config(), credentials: { ...TEST_KEY, secretAccessKey: 'wrong' } });
  await assert.rejects(client.send(new ListUsersCommand({ IdentityStoreId: 'd-1234567890' })), (e: unknown) => {
    assert.equal((e as Error).name, 'InvalidSignatureException');
    return true;
  });
  const sts = new STSClient({ ...config(), credentials: { ...TEST_KEY, secretAccessKey: 'wrong' } });
  await assert.rejects(sts.send(new GetCallerIdentityCommand({})), (e: unknown) => {
    assert.equal((e as Error).name, 'SignatureDoesNotMatch');
    return true;
  });
});
