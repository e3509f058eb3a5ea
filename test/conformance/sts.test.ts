// The real STS client against a running server: the bootstrap key's caller identity.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { STSClient, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { startTestServer, type TestServer } from '../support/server.js';
import { awsError } from '../support/aws-error.js';

for (const backend of ['sqlite', 'postgres'] as const) {
  describe(`sts conformance (${backend})`, () => {
    let server: TestServer;
    before(async () => (server = await startTestServer({ backend })));
    after(() => server.close());

    test('GetCallerIdentity answers with the bootstrap administrator', async () => {
      const sts = new STSClient(server.clientConfig);
      const id = await sts.send(new GetCallerIdentityCommand({}));
      const instance = await server.server.services.instance.get();
      assert.equal(id.Account, instance.ownerAccountId);
      assert.equal(id.Arn, `arn:aws:iam::${instance.ownerAccountId}:user/admin`);
      assert.match(id.UserId ?? '', /^AIDA[A-Z2-7]{17}$/);
    });

    test('a wrong secret is refused with SignatureDoesNotMatch', async () => {
      const sts = new STSClient({
        ...server.clientConfig,
        credentials: { ...server.credentials, secretAccessKey: `${server.credentials.secretAccessKey}x` },
      });
      await assert.rejects(sts.send(new GetCallerIdentityCommand({})), awsError('SignatureDoesNotMatch', 403));
    });

    test('an unknown key is refused with InvalidClientTokenId', async () => {
      const sts = new STSClient({
        ...server.clientConfig,
        credentials: { accessKeyId: 'AKIAUNKNOWNUNKNOWN22', secretAccessKey: server.credentials.secretAccessKey },
      });
      await assert.rejects(sts.send(new GetCallerIdentityCommand({})), awsError('InvalidClientTokenId', 403));
    });
  });
}
