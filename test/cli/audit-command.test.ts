// `gatehouse audit` against a running server, run as people run it: a separate process,
// credentials from the environment. Events are recorded straight through the server's AuditLog,
// under event sources of their own, at times the test sets.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { ManualClock } from '../../src/lib/clock.js';
import type { AuditEventInput } from '../../src/domain/audit/audit-event.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { adminCliEnv, runGatehouse } from '../support/run-gatehouse.js';

const SRC = 'cli.gatehouse.example';
const SIGNIN = 'signin.cli.gatehouse.example';
const BULK = 'bulk.gatehouse.example';
const HOUR = 3_600_000;

const gatehouse = (args: string[], env: Record<string, string> = {}) => runGatehouse(args, env);
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
/** A line's cells: columns are separated by at least two spaces. */
const cells = (stdout: string) => stdout.trimEnd().split('\n').map((l) => l.split(/ {2,}/));

const event = (eventSource: string, eventName: string, userName: string | undefined, over: Partial<AuditEventInput> = {}): AuditEventInput => ({
  eventSource,
  eventName,
  awsRegion: 'us-east-1',
  sourceIPAddress: '198.51.100.7',
  userIdentity: userName === undefined ? { type: 'AssumedRole', arn: 'arn:aws:sts::111122223333:assumed-role/Admin/eve' } : { type: 'IAMUser', userName },
  readOnly: false,
  ...over,
});

describe('gatehouse audit command', () => {
  // Whole seconds a minute ago, stepped by hand; SigV4 allows the difference.
  const base = Math.floor(Date.now() / 1000) * 1000 - 60_000;
  const clock = new ManualClock(base);
  const at = (n: number) => base + n * 1000;
  let server: TestServer;
  let env: Record<string, string>;

  before(async () => {
    server = await startTestServer({ clock });
    env = adminCliEnv(server);
    const audit = server.server.services.audit;
    const recordAt = async (ms: number, e: AuditEventInput) => {
      clock.set(ms);
      await audit.record(e);
    };
    await recordAt(base - 2 * HOUR, event(SRC, 'OldThing', 'dave'));
    await recordAt(at(1), event(SRC, 'CreateThing', 'alice', { sourceIPAddress: '203.0.113.9' }));
    await recordAt(at(2), event(SRC, 'DeleteThing', 'bob', { errorCode: 'AccessDeniedException', errorMessage: 'no' }));
    await recordAt(at(3), event(SRC, 'CreateThing', undefined));
    await recordAt(at(4), event(SIGNIN, 'CredentialVerification', 'alice', { errorCode: 'Failure' }));
    for (let i = 0; i < 55; i++) await recordAt(at(10) + i, event(BULK, `Bulk${i}`, 'bulk'));
    clock.set(at(100));
  });
  after(() => server.close());

  test('one aligned line an event, newest first: time, source, name, who, ip, FAILED code', async () => {
    const r = await gatehouse(['audit', '--source', SRC], env);
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(cells(r.stdout), [
      [iso(at(3)), SRC, 'CreateThing', 'arn:aws:sts::111122223333:assumed-role/Admin/eve', '198.51.100.7'],
      [iso(at(2)), SRC, 'DeleteThing', 'bob', '198.51.100.7', 'FAILED AccessDeniedException'],
      [iso(at(1)), SRC, 'CreateThing', 'alice', '203.0.113.9'],
      [iso(base - 2 * HOUR), SRC, 'OldThing', 'dave', '198.51.100.7'],
    ]);
    assert.match(iso(at(1)), /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    const lines = r.stdout.trimEnd().split('\n');
    for (const column of ['CreateThing', 'bob']) {
      const starts = new Set(lines.filter((l) => l.includes(column)).map((l) => l.indexOf(column)));
      assert.equal(starts.size, 1, `${column} is in one column`);
    }
    assert.equal(lines[1]!.indexOf('DeleteThing'), lines[0]!.indexOf('CreateThing'));
  });

  test('--user, --event, --source and --failed filter', async () => {
    const [bob, creates, failed, signin] = await Promise.all([
      gatehouse(['audit', '--user', 'bob'], env),
      gatehouse(['audit', '--event', 'CreateThing', '--source', SRC], env),
      gatehouse(['audit', '--failed', '--user', 'alice'], env),
      gatehouse(['audit', '--source', SIGNIN], env),
    ]);
    for (const r of [bob, creates, failed, signin]) assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(cells(bob.stdout).map((c) => c[2]), ['DeleteThing']);
    assert.deepEqual(cells(creates.stdout).map((c) => c[3]), ['arn:aws:sts::111122223333:assumed-role/Admin/eve', 'alice']);
    assert.deepEqual(cells(failed.stdout), [[iso(at(4)), SIGNIN, 'CredentialVerification', 'alice', '198.51.100.7', 'FAILED Failure']]);
    assert.deepEqual(cells(signin.stdout).map((c) => c[2]), ['CredentialVerification']);
  });

  test('--since takes a duration or an ISO time; --until an ISO time (exclusive)', async () => {
    const [lastHour, sinceIso, untilIso, between, zoneless] = await Promise.all([
      gatehouse(['audit', '--source', SRC, '--since', '1h'], env),
      gatehouse(['audit', '--source', SRC, '--since', iso(at(2))], env),
      gatehouse(['audit', '--source', SRC, '--until', iso(at(2))], env),
      gatehouse(['audit', '--source', SRC, '--since', iso(at(1)), '--until', iso(at(3))], env),
      gatehouse(['audit', '--source', SRC, '--since', iso(at(2)).replace('Z', '')], env),
    ]);
    for (const r of [lastHour, sinceIso, untilIso, between, zoneless]) assert.equal(r.status, 0, r.stderr);
    const names = (stdout: string) => cells(stdout).map((c) => c[2]);
    assert.deepEqual(names(lastHour.stdout), ['CreateThing', 'DeleteThing', 'CreateThing']);
    assert.deepEqual(names(sinceIso.stdout), ['CreateThing', 'DeleteThing']);
    assert.deepEqual(names(untilIso.stdout), ['CreateThing', 'OldThing']);
    assert.deepEqual(names(between.stdout), ['DeleteThing', 'CreateThing']);
    assert.deepEqual(names(zoneless.stdout), ['CreateThing', 'DeleteThing'], 'a time without a zone is UTC');
  });

  test('--limit stops at N, following pages past 50; 50 by default', async () => {
    const [two, many, byDefault] = await Promise.all([
      gatehouse(['audit', '--source', SRC, '--limit', '2'], env),
      gatehouse(['audit', '--source', BULK, '--limit', '53'], env),
      gatehouse(['audit', '--source', BULK], env),
    ]);
    for (const r of [two, many, byDefault]) assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(cells(two.stdout).map((c) => c[0]), [iso(at(3)), iso(at(2))]);
    assert.deepEqual(cells(many.stdout).map((c) => c[2]), Array.from({ length: 53 }, (_, i) => `Bulk${54 - i}`));
    assert.deepEqual(cells(byDefault.stdout).map((c) => c[2]), Array.from({ length: 50 }, (_, i) => `Bulk${54 - i}`));
  });

  test('--json prints the events as the API returns them; no match prints No events.', async () => {
    const [json, none] = await Promise.all([
      gatehouse(['audit', '--source', SRC, '--user', 'bob', '--json'], env),
      gatehouse(['audit', '--event', 'NoSuchThing'], env),
    ]);
    assert.equal(json.status, 0, json.stderr);
    const events = JSON.parse(json.stdout) as Record<string, any>[];
    assert.equal(events.length, 1);
    assert.equal(events[0]!.EventName, 'DeleteThing');
    assert.equal(events[0]!.EventTime, at(2) / 1000);
    assert.equal(events[0]!.ErrorCode, 'AccessDeniedException');
    assert.equal(events[0]!.UserIdentity.UserName, 'bob');
    assert.match(events[0]!.EventId, /^[0-9a-f]{32}$/);
    assert.equal(none.status, 0, none.stderr);
    assert.equal(none.stdout, 'No events.\n');
  });

  test('usage errors print the help (exit 2); a caller without gatehouse:LookupAuditEvents is refused (exit 1)', async () => {
    const services = server.server.services;
    const { ownerAccountId } = await services.instance.get();
    await services.iam.createIamUser(ownerAccountId, { userName: 'not-an-auditor' });
    const key = await services.iam.createUserAccessKey(ownerAccountId, 'not-an-auditor');
    const outsider = { ...env, AWS_ACCESS_KEY_ID: key.accessKeyId, AWS_SECRET_ACCESS_KEY: key.secretAccessKey };
    const [help, zero, word, since, until, extra, unknown, denied, top] = await Promise.all([
      gatehouse(['audit', '--help']),
      gatehouse(['audit', '--limit', '0'], env),
      gatehouse(['audit', '--limit', 'many'], env),
      gatehouse(['audit', '--since', 'yesterday'], env),
      gatehouse(['audit', '--until', '1h'], env),
      gatehouse(['audit', 'everything'], env),
      gatehouse(['audit', '--verbose'], env),
      gatehouse(['audit'], outsider),
      gatehouse(['--help']),
    ]);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /Usage: gatehouse audit \[--user NAME\]/);
    assert.match(help.stdout, /--endpoint URL/);
    for (const r of [zero, word, since, until, extra, unknown]) {
      assert.equal(r.status, 2, r.stderr);
      assert.match(r.stderr, /^gatehouse audit: /);
      assert.match(r.stderr, /Usage: gatehouse audit/);
    }
    assert.match(zero.stderr, /--limit takes a positive whole number/);
    assert.match(since.stderr, /--since takes an ISO 8601 time/);
    assert.match(until.stderr, /--until takes an ISO 8601 time/);
    assert.equal(denied.status, 1);
    assert.match(denied.stderr, /^gatehouse audit: AccessDeniedException: .*gatehouse:LookupAuditEvents/);
    assert.equal(denied.stdout, '');
    assert.equal(top.status, 0);
    assert.match(top.stdout, /^ {2}audit {8}The audit log/m);
  });
});
