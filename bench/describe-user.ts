// Signed identitystore DescribeUser requests per second through the whole stack (SigV4,
// model validation, authorization, SQLite), against an unsigned Fastify route that returns the
// same JSON, in the same process and run. Goal: at least 0.5x.

import Fastify from 'fastify';
import { IdentitystoreClient, CreateUserCommand } from '@aws-sdk/client-identitystore';
import { startTestServer } from '../test/support/server.js';
import { measureRps } from './http-load.js';
import { signedDescribeUser } from './signed-describe-user.js';
import { median, type BenchResult } from './result.js';

export async function run(): Promise<BenchResult[]> {
  const server = await startTestServer({ backend: 'sqlite' });
  const peer = Fastify({ logger: false });
  try {
    const instance = await server.server.services.instance.get();
    const client = new IdentitystoreClient(server.clientConfig);
    const { UserId } = await client.send(
      new CreateUserCommand({ IdentityStoreId: instance.identityStoreId, UserName: 'bench', DisplayName: 'Bench User', Name: { GivenName: 'Bench', FamilyName: 'User' }, Emails: [{ Value: 'bench@example.com', Primary: true }] }),
    );
    const body = JSON.stringify({ IdentityStoreId: instance.identityStoreId, UserId });
    // The request is signed once and replayed: SigV4 allows that within its 5-minute window,
    // and it keeps the client's signing cost out of the server's figure.
    const signed = await signedDescribeUser(server.endpoint, server.credentials, body);
    const sample = await fetch(signed.url, { method: 'POST', headers: signed.headers, body });
    const sampleJson = await sample.text();
    if (sample.status !== 200) throw new Error(`DescribeUser failed: ${sampleJson}`);

    peer.post('/', async (_req, reply) => reply.type('application/x-amz-json-1.1').send(sampleJson));
    const peerUrl = await peer.listen({ port: 0, host: '127.0.0.1' });

    // Interleaved rounds, medians: the machine's load drifts, and both sides should see the same.
    const peerRuns: number[] = [];
    const ourRuns: number[] = [];
    for (let round = 0; round < 5; round++) {
      peerRuns.push(await measureRps({ url: `${peerUrl}/`, method: 'POST', headers: { 'content-type': 'application/json' }, body }, { ms: 1000 }));
      ourRuns.push(await measureRps(signed, { ms: 1000 }));
    }
    const peerRps = median(peerRuns);
    const ours = median(ourRuns);
    return [
      { name: 'unsigned Fastify route, same JSON', value: peerRps, unit: 'req/s' },
      { name: 'signed identitystore DescribeUser (SQLite)', value: ours, unit: 'req/s', ratio: { against: 'unsigned Fastify route', value: ours / peerRps, goal: '>= 0.5x' } },
    ];
  } finally {
    await peer.close();
    await server.close();
  }
}
