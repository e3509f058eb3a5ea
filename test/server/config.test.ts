import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseServeArgs } from '../../src/server/config.js';
import { redactUrl } from '../../src/server/logger.js';

test('defaults, then environment, then flags', () => {
  const d = parseServeArgs([], {});
  assert.deepEqual([d.port, d.dataDir, d.region, d.demo, d.databaseUrl], [8080, './data', 'us-east-1', false, undefined]);
  const e = parseServeArgs([], { GATEHOUSE_PORT: '9000', GATEHOUSE_REGION: 'eu-west-1', GATEHOUSE_DEMO: 'true' });
  assert.deepEqual([e.port, e.region, e.demo], [9000, 'eu-west-1', true]);
  const f = parseServeArgs(['--port', '9100', '--database-url', 'postgres://x@h/db'], { GATEHOUSE_PORT: '9000' });
  assert.deepEqual([f.port, f.databaseUrl], [9100, 'postgres://x@h/db']);
});

test('bad options are refused with a message naming them', () => {
  assert.throws(() => parseServeArgs(['--port', 'abc'], {}), /--port/);
  assert.throws(() => parseServeArgs(['--database-url', 'mysql://x'], {}), /--database-url/);
  assert.throws(() => parseServeArgs(['--nope'], {}), /nope/);
  assert.throws(() => parseServeArgs([], { GATEHOUSE_MFA_MODE: 'sometimes' }), /GATEHOUSE_MFA_MODE/);
  assert.equal(parseServeArgs([], { GATEHOUSE_MFA_MODE: 'off' }).mfaMode, 'off');
  assert.throws(() => parseServeArgs([], { GATEHOUSE_PROVISIONING_LEASE_MS: '-5' }), /GATEHOUSE_PROVISIONING_LEASE_MS/);
  assert.deepEqual(parseServeArgs([], { GATEHOUSE_PROVISIONING_BATCH_SIZE: '4' }).provisioning, { batchSize: 4 });
  assert.deepEqual(parseServeArgs([], {}).provisioning, {});
  assert.throws(() => parseServeArgs([], { GATEHOUSE_BOOTSTRAP_ACCESS_KEY_ID: 'AKIAAAAAAAAAAAAAAAAA' }), /both/);
  assert.throws(
    () => parseServeArgs([], { GATEHOUSE_BOOTSTRAP_ACCESS_KEY_ID: 'bad', GATEHOUSE_BOOTSTRAP_SECRET_ACCESS_KEY: 'x'.repeat(40) }),
    /ACCESS_KEY_ID/,
  );
});

test('the retention sweeper is tuned from the environment only, with positive whole numbers', () => {
  assert.deepEqual(parseServeArgs([], {}).retention, {});
  assert.deepEqual(
    parseServeArgs([], { GATEHOUSE_RETENTION_INTERVAL_MS: '60000', GATEHOUSE_RETENTION_GRACE_MS: '3600000' }).retention,
    { intervalMs: 60_000, graceMs: 3_600_000 },
  );
  assert.deepEqual(parseServeArgs([], { GATEHOUSE_RETENTION_GRACE_MS: '5', GATEHOUSE_RETENTION_INTERVAL_MS: '' }).retention, { graceMs: 5 });
  for (const bad of ['0', '-1', '1.5', 'ten']) {
    assert.throws(() => parseServeArgs([], { GATEHOUSE_RETENTION_INTERVAL_MS: bad }), /GATEHOUSE_RETENTION_INTERVAL_MS must be a positive whole number/);
    assert.throws(() => parseServeArgs([], { GATEHOUSE_RETENTION_GRACE_MS: bad }), /GATEHOUSE_RETENTION_GRACE_MS must be a positive whole number/);
  }
  assert.equal(parseServeArgs([], { GATEHOUSE_RETENTION_INTERVAL_MS: '86400000' }).retention.intervalMs, 86_400_000);
  assert.throws(() => parseServeArgs([], { GATEHOUSE_RETENTION_INTERVAL_MS: '86400001' }), /GATEHOUSE_RETENTION_INTERVAL_MS must be at most 86400000/);
  assert.throws(() => parseServeArgs(['--retention-grace-ms', '5'], {}), /retention-grace-ms/);
});

test('logged URLs never carry signatures, tokens or codes', () => {
  const url = '/?Action=GetCallerIdentity&X-Amz-Signature=abc123&X-Amz-Security-Token=tok&x-amz-credential=AKIA%2F';
  const logged = redactUrl(url);
  assert.ok(!logged.includes('abc123') && !logged.includes('tok') && !logged.includes('AKIA'), logged);
  assert.match(logged, /Action=GetCallerIdentity/);
  assert.equal(redactUrl('/healthz'), '/healthz');
});
