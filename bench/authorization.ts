// The cost of authorization per signed request: DescribeUser through the whole stack, against
// the same request on a second app over the same services with authorization skipped, in the
// same run. Goal: at most 1.1x.

import { IdentitystoreClient, CreateUserCommand } from '@aws-sdk/client-identitystore';
import { startTestServer } from '../test/support/server.js';
import { buildApp } from '../src/server/app.js';
import { measureRps } from './http-load.js';
import { signedDescribeUser } from './signed-describe-user.js';
import { median, type BenchResult } from './result.js';

export async function run(): Promise<BenchResult[]> {
  const server = await startTestServer({ backend: 'sqlite' });
  const services = server.server.services;
  const unauthorized = await buildApp({ services, region: server.region, authorize: async () => {} });
  try {
    const instance = await services.instance.get();
    const { UserId } = await new IdentitystoreClient(server.clientConfig).send(
      new CreateUserCommand({ IdentityStoreId: instance.identityStoreId, UserName: 'bench', DisplayName: 'Bench User', Name: { GivenName: 'Bench', FamilyName: 'User' } }),
    );
    const body = JSON.stringify({ IdentityStoreId: instance.identityStoreId, UserId });
    const skippedUrl = await unauthorized.listen({ port: 0, host: '127.0.0.1' });
    const authorized = await signedDescribeUser(server.endpoint, server.credentials, body);
    const skipped = await signedDescribeUser(skippedUrl, server.credentials, body);
    const withAuthz: number[] = [];
    const without: number[] = [];
    for (let round = 0; round < 5; round++) {
      without.push(await measureRps(skipped, { ms: 1000 }));
      withAuthz.push(await measureRps(authorized, { ms: 1000 }));
    }
    const a = median(withAuthz);
    const b = median(without);
    return [
      { name: 'DescribeUser, authorization skipped', value: b, unit: 'req/s' },
      { name: 'DescribeUser, authorized by the policy engine', value: a, unit: 'req/s' },
      { name: 'cost of authorization per request', value: b / a, unit: 'x', ratio: { against: 'the same request unauthorized', value: b / a, goal: '<= 1.1x' } },
    ];
  } finally {
    await unauthorized.close();
    await server.close();
  }
}
