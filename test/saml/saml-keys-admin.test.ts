// Key rotation as an operator does it: the admin API (ListSamlSigningKeys, CreateSamlSigningKey,
// ActivateSamlSigningKey) and `gatehouse saml-keys`, against a running server. Metadata publishes
// a rotation's next key at once and signs with it after activation; refusals carry the admin
// API's exception names; a caller without gatehouse: permissions is refused.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AdminApiError, AdminClient } from '../../src/cli/admin-client.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { adminCliEnv, runGatehouse } from '../support/run-gatehouse.js';
import { metadataCertificates } from './sign-on-fixture.js';

interface Key {
  KeyId: string;
  State: string;
  CertificatePem: string;
}

const refused = (type: string, pattern?: RegExp) => (e: unknown) => {
  assert.ok(e instanceof AdminApiError, String(e));
  assert.equal(e.type, type, e.message);
  if (pattern) assert.match(e.message, pattern);
  return true;
};

const gatehouse = (args: string[], env: Record<string, string>) => runGatehouse(args, env);

describe('SAML signing key rotation through the admin API and CLI', () => {
  let server: TestServer;
  let admin: AdminClient;
  let env: Record<string, string>;
  let metadataUrl: string;

  before(async () => {
    server = await startTestServer();
    admin = new AdminClient(server.clientConfig);
    env = adminCliEnv(server);
    const app = await server.server.services.applications.create({ name: 'Metadata probe', template: 'custom', acsUrl: 'https://sp.example.test/acs', audience: 'https://sp.example.test' });
    metadataUrl = `${server.endpoint}/saml/${app.applicationId}/metadata.xml`;
  });
  after(() => server?.close());

  const published = async () => metadataCertificates(await (await fetch(metadataUrl)).text());
  const list = async () => (await admin.call<{ SigningKeys: Key[] }>('ListSamlSigningKeys')).SigningKeys;

  it('API: list creates the first key; rotate publishes the next at once; activate switches', async () => {
    const [first] = await list();
    assert.equal(first!.State, 'current');
    assert.deepEqual(await published(), [first!.CertificatePem]);

    const { SigningKey: next } = await admin.call<{ SigningKey: Key & { ActivateAfter: number } }>('CreateSamlSigningKey', { ActivateAfterHours: 24 });
    assert.equal(next.State, 'next');
    assert.deepEqual(await published(), [first!.CertificatePem, next.CertificatePem]);
    await assert.rejects(admin.call('CreateSamlSigningKey', {}), refused('ConflictException', /next signing key exists/));

    await assert.rejects(admin.call('ActivateSamlSigningKey', { KeyId: first!.KeyId }), refused('ConflictException', /only the next key/));
    await assert.rejects(admin.call('ActivateSamlSigningKey', { KeyId: 'abcdef' }), refused('ResourceNotFoundException'));
    const { SigningKey: now } = await admin.call<{ SigningKey: Key }>('ActivateSamlSigningKey', { KeyId: next.KeyId });
    assert.equal(now.KeyId, next.KeyId);
    assert.equal(now.State, 'current');
    // The retired key stays published for service providers that still hold responses it signed.
    assert.deepEqual(await published(), [next.CertificatePem, first!.CertificatePem]);
    assert.deepEqual((await list()).map((k) => [k.KeyId, k.State]).sort(), [[first!.KeyId, 'retired'], [next.KeyId, 'current']].sort());
  });

  it('API: input is validated against the model, naming the member', async () => {
    await assert.rejects(admin.call('CreateSamlSigningKey', { ActivateAfterHours: 9000 }), refused('ValidationException', /activateAfterHours/i));
    await assert.rejects(admin.call('ActivateSamlSigningKey', {}), refused('ValidationException', /keyId/i));
    await assert.rejects(admin.call('ActivateSamlSigningKey', { KeyId: 'NOT HEX' }), refused('ValidationException', /keyId/i));
  });

  it('API: a caller without gatehouse: permissions is refused', async () => {
    const services = server.server.services;
    const { ownerAccountId } = await services.instance.get();
    await services.iam.createIamUser(ownerAccountId, { userName: 'no-saml-permissions' });
    const key = await services.iam.createUserAccessKey(ownerAccountId, 'no-saml-permissions');
    const nobody = new AdminClient({ ...server.clientConfig, credentials: { accessKeyId: key.accessKeyId, secretAccessKey: key.secretAccessKey } });
    await assert.rejects(nobody.call('CreateSamlSigningKey', {}), refused('AccessDeniedException', /gatehouse:CreateSamlSigningKey/));
    await assert.rejects(nobody.call('ListSamlSigningKeys', {}), refused('AccessDeniedException'));
  });

  it('CLI: saml-keys list, rotate and activate', async () => {
    const rotated = await gatehouse(['saml-keys', 'rotate', '--activate-after-hours', '2'], env);
    assert.equal(rotated.status, 0, rotated.stderr);
    const keyId = /^([0-9a-f]+)\s+next\s/.exec(rotated.stdout)?.[1];
    assert.ok(keyId, rotated.stdout);
    const again = await gatehouse(['saml-keys', 'rotate'], env);
    assert.equal(again.status, 1);
    assert.match(again.stderr, /ConflictException/);
    const listed = await gatehouse(['saml-keys', 'list', '--pem'], env);
    assert.equal(listed.status, 0, listed.stderr);
    assert.match(listed.stdout, new RegExp(`${keyId}\\s+next\\s+created .* activates `));
    assert.match(listed.stdout, /-----BEGIN CERTIFICATE-----/);
    const activated = await gatehouse(['saml-keys', 'activate', keyId!], env);
    assert.equal(activated.status, 0, activated.stderr);
    assert.match(activated.stdout, new RegExp(`^${keyId}\\s+current`));
    const usage = await gatehouse(['saml-keys', 'activate'], env);
    assert.equal(usage.status, 2);
    assert.match(usage.stderr, /needs KEY_ID/);
    const badHours = await gatehouse(['saml-keys', 'rotate', '--activate-after-hours', 'soon'], env);
    assert.equal(badHours.status, 2);
    const help = await gatehouse(['saml-keys', '--help'], env);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /gatehouse saml-keys rotate/);
  });
});
