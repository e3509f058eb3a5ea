// AssumeRoleWithSAML accepts an assertion once, on every node: the replay memory is a table.
// On each back end, one node refuses a second use and lets exactly one of many concurrent uses
// through; on PostgreSQL, two nodes (two stores and service sets over one schema) presented the
// same assertion at the same time accept it exactly once between them. Expired entries go.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { BACKENDS, createTestSchema, TEST_DATABASE_URL } from '../support/backends.js';
import { openDomainFixture, TEST_ACCOUNT_ID, type DomainFixture } from '../support/domain-fixture.js';
import { openStore } from '../../src/store/open-store.js';
import { createServices } from '../../src/domain/services.js';
import type { Ports } from '../../src/domain/ports.js';
import { ManualClock } from '../../src/lib/clock.js';
import { KeyRing } from '../../src/lib/key-ring.js';
import { cryptoRandom } from '../../src/lib/random.js';
import type { KyselyStore } from '../../src/store/kysely-store.js';
import { assumeRoleWithSaml } from '../../src/domain/sts/assume-role-with-saml.js';
import { newTestIdp, responseFor, trustPolicyFor, type TestIdp } from './saml-fixture.js';

const START = Date.UTC(2026, 10, 28, 12, 0, 0);
const FACTS = { sourceIp: '192.0.2.1', secureTransport: true, region: 'us-east-1' };
const target = { roleArn: `arn:aws:iam::${TEST_ACCOUNT_ID}:role/SamlUser`, providerArn: `arn:aws:iam::${TEST_ACCOUNT_ID}:saml-provider/Gatehouse` };

const setUp = async (ports: Ports, idp: TestIdp) => {
  const services = createServices(ports);
  await services.iam.createSamlProvider(TEST_ACCOUNT_ID, 'Gatehouse', idp.metadata);
  await services.iam.createRole(TEST_ACCOUNT_ID, { roleName: 'SamlUser', assumeRolePolicyDocument: trustPolicyFor(target.providerArn) });
};

const present = (ports: Ports, samlAssertion: string) =>
  assumeRoleWithSaml(ports, { roleArn: target.roleArn, principalArn: target.providerArn, samlAssertion }, FACTS);

const outcomes = async (calls: Promise<unknown>[]) => {
  const settled = await Promise.allSettled(calls);
  const refused = settled.filter((s) => s.status === 'rejected') as PromiseRejectedResult[];
  for (const r of refused) assert.match(String((r.reason as Error).message), /already been used/);
  return { accepted: settled.length - refused.length, refused: refused.length };
};

for (const backend of BACKENDS) {
  describe(`SAML replay memory on one node (${backend.name})`, () => {
    let fx: DomainFixture;
    let idp: TestIdp;
    before(async () => {
      fx = await openDomainFixture(backend, START);
      idp = newTestIdp(START);
      await setUp(fx.ports, idp);
    });
    after(() => fx?.dispose());

    it('accepts an assertion once, then refuses it', async () => {
      const response = responseFor(idp, target, fx.clock.now());
      await present(fx.ports, response);
      await assert.rejects(present(fx.ports, response), /already been used/);
    });

    it('lets exactly one of eight concurrent uses through', async () => {
      const response = responseFor(idp, target, fx.clock.now());
      assert.deepEqual(await outcomes(Array.from({ length: 8 }, () => present(fx.ports, response))), { accepted: 1, refused: 7 });
    });

    it('forgets entries once their assertion has expired', async () => {
      const response = responseFor(idp, target, fx.clock.now());
      await present(fx.ports, response);
      const before = await fx.store.db.selectFrom('saml_replay').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      assert.ok(Number(before.n) >= 1);
      fx.clock.advance(10 * 60_000);
      assert.equal(await fx.store.saml.claimAssertion('f'.repeat(64), fx.clock.now() + 60_000, fx.clock.now()), true);
      const left = await fx.store.db.selectFrom('saml_replay').select('replay_key').execute();
      assert.deepEqual(left.map((r) => r.replay_key), ['f'.repeat(64)]);
    });
  });
}

describe('SAML replay memory shared by two nodes (postgres)', () => {
  let schema: Awaited<ReturnType<typeof createTestSchema>>;
  let stores: KyselyStore[] = [];
  let nodes: Ports[] = [];
  let idp: TestIdp;

  before(async () => {
    schema = await createTestSchema();
    const keyRing = new KeyRing([{ id: 'k1', key: randomBytes(32) }]);
    const clock = new ManualClock(START);
    stores = [];
    for (let i = 0; i < 2; i++) stores.push(await openStore({ databaseUrl: TEST_DATABASE_URL, dataDir: '', postgres: { schema: schema.schema, maxConnections: 8 } }));
    nodes = stores.map((store) => ({ store, clock, random: cryptoRandom, keyRing }));
    idp = newTestIdp(START);
    await setUp(nodes[0]!, idp);
  });
  after(async () => {
    for (const s of stores) await s.close();
    await schema?.drop();
  });

  it('the same assertion presented to both nodes at once is accepted exactly once', async () => {
    for (let round = 0; round < 5; round++) {
      const response = responseFor(idp, target, START);
      const calls = nodes.flatMap((ports) => [present(ports, response), present(ports, response)]);
      assert.deepEqual(await outcomes(calls), { accepted: 1, refused: 3 }, `round ${round}`);
    }
  });
});
