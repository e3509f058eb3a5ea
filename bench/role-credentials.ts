// GetRoleCredentials calls per second through the whole portal path (bearer token lookup, the
// portal session and user checks, the user's assignments, the provisioned role, sealing a role
// session), against an unauthenticated Fastify route returning a body of the same size, in the
// same process and run. Goal: at least 0.3x.

import Fastify from 'fastify';
import { SSOOIDCClient } from '@aws-sdk/client-sso-oidc';
import { OrganizationsClient, CreateAccountCommand } from '@aws-sdk/client-organizations';
import {
  SSOAdminClient,
  ListInstancesCommand,
  CreatePermissionSetCommand,
  CreateAccountAssignmentCommand,
  DescribeAccountAssignmentCreationStatusCommand,
} from '@aws-sdk/client-sso-admin';
import { startTestServer } from '../test/support/server.js';
import { deviceLogin } from '../test/support/browser.js';
import { measureRps } from './http-load.js';
import { median, type BenchResult } from './result.js';

export async function run(): Promise<BenchResult[]> {
  const server = await startTestServer({ backend: 'sqlite' });
  const peer = Fastify({ logger: false });
  try {
    const services = server.server.services;
    const admin = new SSOAdminClient(server.clientConfig);
    const { InstanceArn, IdentityStoreId } = (await admin.send(new ListInstancesCommand({}))).Instances![0]! as { InstanceArn: string; IdentityStoreId: string };
    const user = await services.identityStore.createUser(IdentityStoreId, { UserName: 'bench', DisplayName: 'Bench', Name: { GivenName: 'Bench', FamilyName: 'User' } });
    const who = { userName: 'bench', password: 'bench-orchid-lantern-8842' };
    await services.directory.setPassword(user.userId, who.password);
    await services.directory.updateSettings({ mfaMode: 'off' });
    const accountId = (await new OrganizationsClient(server.clientConfig).send(new CreateAccountCommand({ Email: 'bench@example.com', AccountName: 'Bench' }))).CreateAccountStatus!.AccountId!;
    const ps = (await admin.send(new CreatePermissionSetCommand({ InstanceArn, Name: 'Bench', SessionDuration: 'PT1H' }))).PermissionSet!;
    const req = (await admin.send(new CreateAccountAssignmentCommand({
      InstanceArn, PermissionSetArn: ps.PermissionSetArn!, PrincipalType: 'USER', PrincipalId: user.userId, TargetType: 'AWS_ACCOUNT', TargetId: accountId,
    }))).AccountAssignmentCreationStatus!;
    for (let n = 0; ; n++) {
      const s = (await admin.send(new DescribeAccountAssignmentCreationStatusCommand({ InstanceArn, AccountAssignmentCreationRequestId: req.RequestId! }))).AccountAssignmentCreationStatus!;
      if (s.Status === 'SUCCEEDED') break;
      if (s.Status === 'FAILED' || n > 400) throw new Error(`provisioning did not succeed: ${s.FailureReason ?? s.Status}`);
      await new Promise((r) => setTimeout(r, 25));
    }
    const oidc = new SSOOIDCClient({ endpoint: server.endpoint, region: server.region, maxAttempts: 1 });
    const { accessToken } = await deviceLogin(oidc, server.endpoint, who);

    const ours = {
      url: `${server.endpoint}/federation/credentials?role_name=Bench&account_id=${accountId}`,
      method: 'GET',
      headers: { 'x-amz-sso_bearer_token': accessToken! },
    };
    const sample = await fetch(ours.url, { headers: ours.headers });
    const sampleBody = await sample.text();
    if (sample.status !== 200) throw new Error(`GetRoleCredentials failed: ${sampleBody}`);
    // Same size, fixed content: the peer does no work but sending it.
    peer.get('/federation/credentials', async (_req, reply) => reply.type('application/json').send(sampleBody));
    const peerUrl = await peer.listen({ port: 0, host: '127.0.0.1' });
    const theirs = { url: `${peerUrl}/federation/credentials?role_name=Bench&account_id=${accountId}`, method: 'GET', headers: {} };

    const peerRuns: number[] = [];
    const ourRuns: number[] = [];
    for (let round = 0; round < 5; round++) {
      peerRuns.push(await measureRps(theirs, { ms: 1000 }));
      ourRuns.push(await measureRps(ours, { ms: 1000 }));
    }
    const peerRps = median(peerRuns);
    const ourRps = median(ourRuns);
    return [
      { name: 'unauthenticated Fastify route, same body size', value: peerRps, unit: 'req/s' },
      { name: 'portal GetRoleCredentials (SQLite)', value: ourRps, unit: 'req/s', ratio: { against: 'unauthenticated Fastify route', value: ourRps / peerRps, goal: '>= 0.3x' } },
    ];
  } finally {
    await peer.close();
    await server.close();
  }
}
