// An inline policy may be 32,768 bytes of which 10,240 are not white space, as AWS's quotas
// say, although the documented model caps the member at 10,240 characters.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { SSOAdminClient, CreatePermissionSetCommand, PutInlinePolicyToPermissionSetCommand, GetInlinePolicyForPermissionSetCommand } from '@aws-sdk/client-sso-admin';
import { startTestServer, type TestServer } from '../support/server.js';
import { awsError } from '../support/aws-error.js';

let server: TestServer;
let sso: SSOAdminClient;
let InstanceArn: string;
let PermissionSetArn: string;

before(async () => {
  server = await startTestServer();
  sso = new SSOAdminClient(server.clientConfig);
  InstanceArn = (await server.server.services.instance.get()).instanceArn;
  PermissionSetArn = (await sso.send(new CreatePermissionSetCommand({ InstanceArn, Name: 'Sized' }))).PermissionSet!.PermissionSetArn!;
});
after(() => server.close());

const policyWith = (actions: number, indent: number) =>
  JSON.stringify(
    { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: Array.from({ length: actions }, (_, i) => `s3:GetObject${'x'.repeat(3)}${i}`), Resource: '*' }] },
    null,
    indent,
  );

test('white space beyond 10,240 characters is accepted', async () => {
  const InlinePolicy = policyWith(300, 40);
  assert.ok(InlinePolicy.length > 15_000 && InlinePolicy.replace(/\s/g, '').length < 10_240);
  await sso.send(new PutInlinePolicyToPermissionSetCommand({ InstanceArn, PermissionSetArn, InlinePolicy }));
  const got = await sso.send(new GetInlinePolicyForPermissionSetCommand({ InstanceArn, PermissionSetArn }));
  assert.equal(got.InlinePolicy, InlinePolicy);
});

test('more than 10,240 characters that are not white space, or more than 32,768 in all, are refused', async () => {
  const dense = policyWith(700, 0);
  assert.ok(dense.length > 10_240 && dense.length < 32_768);
  await assert.rejects(
    sso.send(new PutInlinePolicyToPermissionSetCommand({ InstanceArn, PermissionSetArn, InlinePolicy: dense })),
    (e: Error) => awsError('ServiceQuotaExceededException')(e) && /other than white space/.test(e.message),
  );
  const huge = policyWith(10, 4) + ' '.repeat(33_000);
  await assert.rejects(sso.send(new PutInlinePolicyToPermissionSetCommand({ InstanceArn, PermissionSetArn, InlinePolicy: huge })), awsError('ValidationException'));
});
