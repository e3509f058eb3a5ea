// Several Gatehouse nodes on one PostgreSQL database: they bootstrap once, and uniqueness holds
// across nodes under concurrent writes.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { IdentitystoreClient, CreateUserCommand, ListUsersCommand } from '@aws-sdk/client-identitystore';
import { SSOAdminClient, ListInstancesCommand } from '@aws-sdk/client-sso-admin';
import { spawnServer, urlWithSchema, type SpawnedServer } from '../support/spawn-server.js';
import { createTestSchema, TEST_DATABASE_URL } from '../support/backends.js';
import { TEST_ADMIN_CREDENTIALS, TEST_REGION } from '../support/server.js';

let nodes: SpawnedServer[] = [];
let drop: () => Promise<void>;
const dirs: string[] = [];

before(async () => {
  const schema = await createTestSchema();
  drop = schema.drop;
  const masterKey = randomBytes(32).toString('base64');
  const databaseUrl = urlWithSchema(TEST_DATABASE_URL, schema.schema);
  // Both nodes start at once on an empty database: migrations and bootstrap race.
  nodes = await Promise.all(
    [0, 1].map(() => {
      const dataDir = mkdtempSync(join(tmpdir(), 'gatehouse-node-'));
      dirs.push(dataDir);
      return spawnServer({ dataDir, databaseUrl, masterKey });
    }),
  );
});

after(async () => {
  await Promise.all(nodes.map((n) => n.stop()));
  await drop();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const client = <T>(Ctor: new (c: object) => T, node: SpawnedServer) =>
  new Ctor({ endpoint: node.url, region: TEST_REGION, credentials: TEST_ADMIN_CREDENTIALS, maxAttempts: 1 });

test('two nodes started together bootstrap one instance', async () => {
  const [a, b] = await Promise.all(nodes.map((n) => client(SSOAdminClient, n).send(new ListInstancesCommand({}))));
  assert.equal(a.Instances?.length, 1);
  assert.deepEqual(a.Instances, b.Instances);
});

test('50 concurrent CreateUser calls over two nodes: exactly one success per user name', async () => {
  const { Instances } = await client(SSOAdminClient, nodes[0]).send(new ListInstancesCommand({}));
  const IdentityStoreId = Instances![0].IdentityStoreId!;
  const names = Array.from({ length: 10 }, (_, i) => `racer${i}`);
  const calls = Array.from({ length: 50 }, (_, i) =>
    client(IdentitystoreClient, nodes[i % 2]).send(
      new CreateUserCommand({
        IdentityStoreId,
        UserName: names[i % names.length],
        DisplayName: `Racer ${i}`,
        Name: { GivenName: 'Race', FamilyName: `R${i}` },
      }),
    ),
  );
  const results = await Promise.allSettled(calls);
  const ok = results.filter((r) => r.status === 'fulfilled');
  const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
  assert.equal(ok.length, names.length);
  for (const f of failed) assert.equal(f.reason.name, 'ConflictException', String(f.reason));
  const listed = await client(IdentitystoreClient, nodes[1]).send(new ListUsersCommand({ IdentityStoreId, MaxResults: 100 }));
  assert.deepEqual(listed.Users?.map((u) => u.UserName).sort(), [...names].sort());
});
