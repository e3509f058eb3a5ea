// Gatehouse as people run it: a process that bootstraps, answers health checks, keeps its
// secrets in owner-only files, and drains in-flight requests on SIGTERM.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'node:net';
import { spawnServer } from '../support/spawn-server.js';

const withDir = async (fn: (dir: string) => Promise<void>) => {
  const dir = mkdtempSync(join(tmpdir(), 'gatehouse-life-'));
  try {
    await fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

test('first start writes the master key and the admin credentials 0600 and prints the path', () =>
  withDir(async (dir) => {
    const server = await spawnServer({
      dataDir: dir,
      masterKey: '',
      env: { GATEHOUSE_BOOTSTRAP_ACCESS_KEY_ID: '', GATEHOUSE_BOOTSTRAP_SECRET_ACCESS_KEY: '' },
    });
    try {
      const file = /Administrator access key written to (\S+)/.exec(server.output())?.[1];
      assert.ok(file, server.output());
      assert.equal(statSync(file).mode & 0o777, 0o600);
      assert.equal(statSync(join(dir, 'master.key')).mode & 0o777, 0o600);
      assert.equal(statSync(join(dir, 'gatehouse.db')).mode & 0o777, 0o600);
      assert.equal(statSync(dir).mode & 0o777, 0o700);
      const creds = readFileSync(file, 'utf8');
      assert.match(creds, /aws_access_key_id = AKIA[A-Z2-7]{16}/);
      const secret = /aws_secret_access_key = (\S+)/.exec(creds)![1];
      // The secret is sealed at rest: it appears nowhere in the database file.
      assert.ok(!readFileSync(join(dir, 'gatehouse.db')).includes(Buffer.from(secret)));
      assert.ok(!server.output().includes(secret), 'the secret is never printed');

      assert.equal((await fetch(`${server.url}/healthz`)).status, 200);
      const ready = await fetch(`${server.url}/readyz`);
      assert.equal(ready.status, 200);
      assert.deepEqual(await ready.json(), { status: 'ready' });
    } finally {
      assert.equal(await server.stop(), 0);
    }
  }));

test('SIGTERM lets an in-flight request finish, then exits 0', () =>
  withDir(async (dir) => {
    const server = await spawnServer({ dataDir: dir, masterKey: Buffer.alloc(32, 7).toString('base64') });
    const { port } = new URL(server.url);
    const body = 'Action=GetCallerIdentity&Version=2011-06-15';
    const socket = connect(Number(port), '127.0.0.1');
    await new Promise((r) => socket.once('connect', r));
    let response = '';
    socket.on('data', (d) => (response += d));
    const closed = new Promise((r) => socket.once('close', r));
    // Headers and half the body: the request is in flight when the signal arrives.
    socket.write(`POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body.slice(0, 20)}`);
    await new Promise((r) => setTimeout(r, 200));
    server.child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 300));
    socket.write(body.slice(20));
    await closed;
    assert.match(response, /^HTTP\/1\.1 403 /, 'the in-flight request got a complete answer');
    assert.match(response, /MissingAuthenticationToken/);
    assert.equal(await server.exited, 0);
  }));
