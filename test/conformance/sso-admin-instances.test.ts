// The real sso-admin client: ListInstances and DescribeInstance on both back ends.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { SSOAdminClient, DescribeInstanceCommand, ListInstancesCommand } from '@aws-sdk/client-sso-admin';
import { startTestServer, type TestServer } from '../support/server.js';

for (const backend of ['sqlite', 'postgres'] as const) {
  describe(`sso-admin instances conformance (${backend})`, () => {
    let server: TestServer;
    let sso: SSOAdminClient;
    before(async () => {
      server = await startTestServer({ backend });
      sso = new SSOAdminClient(server.clientConfig);
    });
    after(() => server.close());

    test('ListInstances returns the one instance, owned by the management account', async () => {
      const instance = await server.server.services.instance.get();
      const { Instances, NextToken } = await sso.send(new ListInstancesCommand({}));
      assert.equal(NextToken, undefined);
      assert.equal(Instances?.length, 1);
      const i = Instances![0]!;
      assert.equal(i.InstanceArn, instance.instanceArn);
      assert.match(i.InstanceArn ?? '', /^arn:aws:sso:::instance\/ssoins-[0-9a-f]{16}$/);
      assert.match(i.IdentityStoreId ?? '', /^d-[0-9a-f]{10}$/);
      assert.equal(i.OwnerAccountId, instance.ownerAccountId);
      assert.equal(i.Name, instance.name);
      assert.equal(i.Status, 'ACTIVE');
      assert.ok(i.CreatedDate instanceof Date);
      assert.ok(Math.abs(i.CreatedDate!.getTime() - instance.createdAt) < 1000);
    });

    test('DescribeInstance answers for the instance and refuses another', async () => {
      const { Instances } = await sso.send(new ListInstancesCommand({ MaxResults: 10 }));
      const d = await sso.send(new DescribeInstanceCommand({ InstanceArn: Instances![0]!.InstanceArn! }));
      assert.deepEqual(
        [d.InstanceArn, d.IdentityStoreId, d.OwnerAccountId, d.Name, d.Status],
        [Instances![0]!.InstanceArn, Instances![0]!.IdentityStoreId, Instances![0]!.OwnerAccountId, Instances![0]!.Name, 'ACTIVE'],
      );
      assert.ok(d.CreatedDate instanceof Date);
      await assert.rejects(sso.send(new DescribeInstanceCommand({ InstanceArn: 'arn:aws:sso:::instance/ssoins-0000000000000000' })),
        (e: any) => e.name === 'ResourceNotFoundException' && e.$metadata?.httpStatusCode === 400);
    });
  });
}
