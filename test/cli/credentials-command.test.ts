// `gatehouse credentials` without a server: its credential_process output is what the SDKs'
// process provider accepts, and its mistakes end as they should (usage: 2; not signed in: 1 and
// what to run).

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromProcess } from '@aws-sdk/credential-provider-process';
import { credentialProcessOutput } from '../../src/cli/aws-credential-process.js';
import { gatehouse } from './login-cli-run.js';

describe('gatehouse credentials', () => {
  let home: string;
  before(() => (home = mkdtempSync(join(tmpdir(), 'gatehouse-creds-'))));
  after(() => rmSync(home, { recursive: true, force: true }));

  test('credential_process JSON from GetRoleCredentials, expiration from epoch milliseconds', () => {
    const out = credentialProcessOutput({ accessKeyId: 'ASIAAAAAAAAAAAAAAAAA', secretAccessKey: 's', sessionToken: 't', expiration: Date.UTC(2026, 10, 28, 14, 0, 0) });
    assert.equal(JSON.stringify(out), '{"Version":1,"AccessKeyId":"ASIAAAAAAAAAAAAAAAAA","SecretAccessKey":"s","SessionToken":"t","Expiration":"2026-11-28T14:00:00.000Z"}');
    assert.throws(() => credentialProcessOutput({ accessKeyId: 'a' }), /without complete credentials/);
  });

  test("the SDK's credential_process provider accepts it", async () => {
    const expiration = Date.now() + 3600_000;
    const json = JSON.stringify(credentialProcessOutput({ accessKeyId: 'ASIAAAAAAAAAAAAAAAAA', secretAccessKey: 'secret', sessionToken: 'token', expiration }));
    const script = join(home, 'print.mjs');
    writeFileSync(script, `process.stdout.write(${JSON.stringify(json)});\n`);
    const config = join(home, 'config');
    writeFileSync(config, `[profile p]\ncredential_process = ${process.execPath} ${script}\n`);
    const creds = await fromProcess({ profile: 'p', configFilepath: config, filepath: join(home, 'none'), ignoreCache: true })();
    assert.equal(creds.accessKeyId, 'ASIAAAAAAAAAAAAAAAAA');
    assert.equal(creds.sessionToken, 'token');
    assert.equal(creds.expiration?.getTime(), Math.floor(expiration));
  });

  test('--help, usage errors (exit 2), and not signed in (exit 1)', async () => {
    const env = { HOME: home };
    const [help, missing, badAccount, both, unknown, notSignedIn] = await Promise.all([
      gatehouse(['credentials', '--help'], env),
      gatehouse(['credentials', '--account', '111122223333'], env),
      gatehouse(['credentials', '--account', '1234', '--role', 'Dev'], env),
      gatehouse(['credentials', '--account', '111122223333', '--role', 'Dev', '--start-url', 'http://127.0.0.1:1/start', '--sso-session', 'x'], env),
      gatehouse(['credentials', '--bogus'], env),
      gatehouse(['credentials', '--account', '111122223333', '--role', 'Dev', '--start-url', 'http://127.0.0.1:1/start'], env),
    ]);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /credential_process/);
    for (const r of [missing, badAccount, both, unknown]) {
      assert.equal(r.status, 2, r.stderr);
      assert.match(r.stderr, /^gatehouse credentials: .+\nRun 'gatehouse credentials --help'/);
    }
    assert.match(missing.stderr, /--account and --role are required/);
    assert.match(badAccount.stderr, /12-digit/);
    assert.equal(notSignedIn.status, 1);
    assert.equal(notSignedIn.stdout, '');
    assert.equal(notSignedIn.stderr, 'gatehouse credentials: not signed in to http://127.0.0.1:1/start: run gatehouse login --start-url http://127.0.0.1:1/start\n');
  });

  test('login and configure have --help; an unknown sso-session is a usage error', async () => {
    const env = { HOME: home };
    const [login, configure, session] = await Promise.all([
      gatehouse(['login', '--help'], env),
      gatehouse(['configure', '--help'], env),
      gatehouse(['login', '--sso-session', 'nowhere'], env),
    ]);
    assert.equal(login.status, 0);
    assert.match(login.stdout, /--device-code/);
    assert.equal(configure.status, 0);
    assert.match(configure.stdout, /--profile-prefix/);
    assert.equal(session.status, 2);
    assert.match(session.stderr, /no sso-session 'nowhere' in the config file: give --start-url/);
  });
});
