// `gatehouse users ...` and `gatehouse settings ...` against a running server, run as people
// run them: a separate process, credentials from the environment, the password on stdin.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, type TestServer } from '../support/server.js';
import { adminCliEnv, runGatehouse } from '../support/run-gatehouse.js';


const gatehouse = (args: string[], options: { input?: string; env?: Record<string, string> } = {}) => runGatehouse(args, options.env ?? {}, options.input);

describe('gatehouse users and settings commands', () => {
  let server: TestServer;
  let env: Record<string, string>;
  let aliceId: string;
  before(async () => {
    server = await startTestServer();
    env = adminCliEnv(server);
    const { identityStoreId } = await server.server.services.instance.get();
    aliceId = (await server.server.services.identityStore.createUser(identityStoreId, { UserName: 'alice', DisplayName: 'Alice', Name: { GivenName: 'Alice', FamilyName: 'Example' } })).userId;
  });
  after(() => server.close());

  test('users set-password alice --one-time reads the password from stdin', async () => {
    const r = await gatehouse(['users', 'set-password', 'alice', '--one-time'], { input: 'first day password\n', env });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /Password set for alice \(one-time/);
    assert.deepEqual(await server.server.services.directory.checkPassword('alice', 'first day password'), {
      ok: true,
      userId: aliceId,
      userName: 'alice',
      mustChangePassword: true,
    });
  });

  test('--endpoint overrides GATEHOUSE_ENDPOINT; a refused password is exit 1 with the reason', async () => {
    const r = await gatehouse(['users', 'set-password', 'alice', '--endpoint', server.endpoint], { input: 'password', env: { ...env, GATEHOUSE_ENDPOINT: 'http://127.0.0.1:1' } });
    assert.equal(r.status, 1);
    assert.match(r.stderr, /ValidationException: .*common/);
  });

  test('users disable, status, enable, unlock', async () => {
    const disabled = await gatehouse(['users', 'disable', 'alice'], { env });
    assert.equal(disabled.status, 0, disabled.stderr);
    assert.equal(await server.server.services.directory.isActive(aliceId), false);
    const status = await gatehouse(['users', 'status', 'alice'], { env });
    assert.match(status.stdout, /disabled\s+yes/);
    assert.match(status.stdout, /must be changed/);
    const [enabled, unlocked] = await Promise.all([gatehouse(['users', 'enable', 'alice'], { env }), gatehouse(['users', 'unlock', 'alice'], { env })]);
    assert.equal(enabled.status, 0, enabled.stderr);
    assert.equal(unlocked.status, 0, unlocked.stderr);
    assert.equal(await server.server.services.directory.isActive(aliceId), true);
  });

  test('users sessions and end-sessions', async () => {
    const listed = await gatehouse(['users', 'sessions', 'alice'], { env });
    assert.equal(listed.status, 0, listed.stderr);
    assert.match(listed.stdout, /alice has no live sessions/);
    const ended = await gatehouse(['users', 'end-sessions', 'alice'], { env });
    assert.equal(ended.status, 0, ended.stderr);
    assert.match(ended.stdout, /^0 session\(s\) of alice ended/);
  });

  test('settings get and set', async () => {
    const got = await gatehouse(['settings', 'get'], { env });
    assert.equal(got.status, 0, got.stderr);
    assert.match(got.stdout, /mfa-mode\s+required\nsession-duration\s+PT8H/);
    const set = await gatehouse(['settings', 'set', '--mfa-mode', 'optional', '--session-duration', 'PT12H'], { env });
    assert.equal(set.status, 0, set.stderr);
    assert.deepEqual(await server.server.services.directory.getSettings(), { mfaMode: 'optional', sessionDuration: 'PT12H' });
    assert.equal((await gatehouse(['settings', 'set', '--mfa-mode', 'never'], { env })).status, 1);
  });

  test('help, usage errors, missing credentials', async () => {
    // Each run starts a process: run them side by side.
    const [usersHelp, settingsHelp, noName, noOptions, noCreds] = await Promise.all([
      gatehouse(['users', '--help']),
      gatehouse(['settings', '--help']),
      gatehouse(['users', 'set-password'], { env }),
      gatehouse(['settings', 'set'], { env }),
      gatehouse(['settings', 'get'], {
        env: { GATEHOUSE_ENDPOINT: server.endpoint, AWS_SHARED_CREDENTIALS_FILE: '/nonexistent', AWS_CONFIG_FILE: '/nonexistent', AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '', AWS_EC2_METADATA_DISABLED: 'true' },
      }),
    ]);
    for (const r of [usersHelp, settingsHelp]) {
      assert.equal(r.status, 0);
      assert.match(r.stdout, /Usage: gatehouse/);
      assert.match(r.stdout, /--endpoint URL/);
    }
    assert.equal(noName.status, 2);
    assert.equal(noOptions.status, 2);
    assert.equal(noCreds.status, 1);
    assert.match(noCreds.stderr, /credentials/);
  });

  test('credentials from a shared credentials file and profile (the file the server writes)', async () => {
    const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'gatehouse-creds-'));
    const file = join(dir, 'credentials');
    writeFileSync(file, `[gatehouse-admin]\naws_access_key_id = ${server.credentials.accessKeyId}\naws_secret_access_key = ${server.credentials.secretAccessKey}\n`);
    try {
      const r = await gatehouse(['settings', 'get', '--region', server.region], {
        env: { GATEHOUSE_ENDPOINT: server.endpoint, AWS_SHARED_CREDENTIALS_FILE: file, AWS_PROFILE: 'gatehouse-admin', AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '', AWS_CONFIG_FILE: join(dir, 'none'), AWS_EC2_METADATA_DISABLED: 'true' },
      });
      assert.equal(r.status, 0, r.stderr);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
