// The audit log over a real SQLite store: it stamps each event with an id and the time, hides
// secrets before anything keeps them, never fails its caller, hands kept events to its sinks,
// and reads newest first in pages that neither lose nor repeat an event, refusing bad input by
// the member's name.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { sqliteBackend } from '../../support/backends.js';
import { ManualClock } from '../../../src/lib/clock.js';
import { KeyRing } from '../../../src/lib/key-ring.js';
import { GatehouseError } from '../../../src/lib/errors.js';
import { cryptoRandom, type Random } from '../../../src/lib/random.js';
import type { KyselyStore } from '../../../src/store/kysely-store.js';
import { AuditLog, MAX_AUDIT_RESULTS } from '../../../src/domain/audit/audit-log.js';
import type { AuditEvent, AuditEventInput } from '../../../src/domain/audit/audit-event.js';
import { HIDDEN } from '../../../src/domain/audit/hide-secrets.js';

const T0 = Date.UTC(2026, 2, 1, 12);

/** Bytes from a counter: ids are distinct and the same on every run. */
const countingRandom = () => {
  let n = 0;
  const random: Random = {
    bytes: (size) => {
      n++;
      const b = Buffer.alloc(size);
      b.writeUInt32BE(n, size - 4);
      return b;
    },
    uuid: () => `00000000-0000-4000-8000-${(++n).toString().padStart(12, '0')}`,
  };
  return { random };
};

const input = (over: Partial<AuditEventInput> = {}): AuditEventInput => ({
  eventSource: 'sso.amazonaws.com',
  eventName: 'CreatePermissionSet',
  awsRegion: 'us-east-1',
  sourceIPAddress: '192.0.2.7',
  userIdentity: { type: 'IAMUser', userName: 'admin', arn: 'arn:aws:iam::111122223333:user/admin' },
  readOnly: false,
  ...over,
});

const validationOn = (field: string) => (e: unknown) => {
  assert.ok(e instanceof GatehouseError, String(e));
  assert.equal(e.code, 'Validation');
  assert.equal(e.details.field, field, e.message);
  return true;
};

describe('audit log', () => {
  let store: KyselyStore;
  let dispose: () => Promise<void>;
  let clock: ManualClock;
  let audit: AuditLog;
  let randomControl: ReturnType<typeof countingRandom>;
  const failures: unknown[] = [];
  const sunk: AuditEvent[] = [];

  before(async () => {
    ({ store, dispose } = await sqliteBackend.open());
    clock = new ManualClock(T0);
    randomControl = countingRandom();
    audit = new AuditLog({ store, clock, random: randomControl.random, keyRing: new KeyRing([{ id: 'k1', key: randomBytes(32) }]) });
    audit.reportFailuresTo((e) => failures.push(e));
    audit.addSink((e) => sunk.push(e));
  });
  after(() => dispose());

  test('record stamps a 32-hex id and the clock\'s time; the event is kept as given', async () => {
    await audit.record(input({ requestId: 'req-1', userAgent: 'aws-sdk-js/3', additionalEventData: { note: 'x' } }));
    const [kept] = (await audit.lookup()).events;
    assert.match(kept!.eventId, /^[0-9a-f]{32}$/);
    assert.equal(kept!.eventTime, T0);
    assert.deepEqual({ ...kept, eventId: undefined, eventTime: undefined }, { ...input({ requestId: 'req-1', userAgent: 'aws-sdk-js/3', additionalEventData: { note: 'x' } }), eventId: undefined, eventTime: undefined });
    assert.deepEqual(sunk, [kept], 'the sink got the kept event');
    assert.deepEqual(failures, []);
  });

  test('secrets are hidden wherever they are, long strings cut, before the store or a sink sees them', async () => {
    clock.advance(1000);
    const long = 'L'.repeat(5000);
    await audit.record(input({
      eventName: 'SetUserPassword',
      requestParameters: {
        UserName: 'alice',
        Password: 'hunter2-hunter2',
        SecretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
        SAMLAssertion: 'PHNhbWxwOlJlc3BvbnNlPg==',
        Credentials: { AccessKeyId: 'ASIA...', SessionToken: 'FQoG...' },
        Nested: { deeper: { refresh_token: 'rt', ClientSecret: 'cs', kept: 'visible' } },
        List: [{ accessToken: 'at', Name: 'n1' }, { code: 'authz-code', deviceCode: 'dc', TokenCode: '123456' }],
        AuthenticationCode1: '111111',
        PostalCode: '75001',
        Description: long,
        Blob: Buffer.alloc(4096),
        Many: Object.fromEntries(Array.from({ length: 150 }, (_, i) => [`k${i}`, i])),
      },
    }));
    const [kept] = (await audit.lookup({ eventName: 'SetUserPassword' })).events;
    const p = kept!.requestParameters as Record<string, any>;
    assert.equal(p.UserName, 'alice');
    for (const k of ['Password', 'SecretAccessKey', 'SAMLAssertion', 'Credentials', 'AuthenticationCode1']) assert.equal(p[k], HIDDEN, k);
    assert.deepEqual(p.Nested, { deeper: { refresh_token: HIDDEN, ClientSecret: HIDDEN, kept: 'visible' } });
    assert.deepEqual(p.List, [{ accessToken: HIDDEN, Name: 'n1' }, { code: HIDDEN, deviceCode: HIDDEN, TokenCode: HIDDEN }]);
    assert.equal(p.PostalCode, '75001');
    assert.equal(p.Description, `${'L'.repeat(1024)}…`);
    assert.equal(p.Blob, '(4096 bytes)');
    assert.equal(Object.keys(p.Many).length, 101, 'at most 100 members, then a count');
    assert.equal(p.Many['…'], '50 more members');
    const everywhere = JSON.stringify([kept, sunk.at(-1), await store.audit.lookup({ limit: 10 })]);
    for (const secret of ['hunter2', 'wJalrXUtn', 'PHNhbWxw', 'FQoG', 'authz-code', '123456', '111111']) assert.ok(!everywhere.includes(secret), secret);
  });

  test('a store that fails reports to reportFailuresTo, does not throw, and no sink sees the event', async () => {
    // A store whose database is closed: every append fails, as when the database is unreachable.
    const broken = await sqliteBackend.open();
    await broken.store.close();
    const local = new AuditLog({ store: broken.store, clock, random: randomControl.random, keyRing: new KeyRing([{ id: 'k1', key: randomBytes(32) }]) });
    const reported: unknown[] = [];
    const seen: AuditEvent[] = [];
    local.reportFailuresTo((e) => reported.push(e));
    local.addSink((e) => seen.push(e));
    await assert.doesNotReject(local.record(input({ eventName: 'Lost' })));
    await assert.doesNotReject(local.flush());
    assert.equal(reported.length, 1);
    assert.ok(reported[0] instanceof Error);
    assert.deepEqual(seen, [], 'no sink sees an event that was not kept');
    await broken.dispose().catch(() => {});
  });

  test('events of one millisecond come back in the order they happened, newest first', async () => {
    clock.advance(1000);
    // Real randomness: were the order left to the random part of the ids, six steps would come
    // back in order once in 720 runs.
    const local = new AuditLog({ store, clock, random: cryptoRandom, keyRing: new KeyRing([{ id: 'k1', key: randomBytes(32) }]) });
    const steps = ['Step1', 'Step2', 'Step3', 'Step4', 'Step5', 'Step6'];
    for (const eventName of steps) await local.record(input({ eventName, userIdentity: { type: 'IdentityCenterUser', userName: 'same-ms' } }));
    assert.deepEqual((await local.lookup({ userName: 'same-ms' })).events.map((e) => e.eventName), [...steps].reverse());
  });

  test('parameters that cannot even be read are reported, not thrown', async () => {
    const params = Object.defineProperty({}, 'Broken', { enumerable: true, get: () => { throw new Error('unreadable'); } });
    await assert.doesNotReject(audit.record(input({ requestParameters: params })));
    assert.equal((failures.at(-1) as Error).message, 'unreadable');
  });

  test('a sink that throws is reported; the event stays kept and the next sink still gets it', async () => {
    clock.advance(1000);
    const seen: string[] = [];
    const local = new AuditLog({ store, clock, random: randomControl.random, keyRing: new KeyRing([{ id: 'k1', key: randomBytes(32) }]) });
    const reported: unknown[] = [];
    local.reportFailuresTo((e) => reported.push(e));
    local.addSink(() => { throw new Error('sink down'); });
    local.addSink((e) => seen.push(e.eventName));
    await assert.doesNotReject(local.record(input({ eventName: 'SinkTest' })));
    await local.flush();
    assert.deepEqual(seen, ['SinkTest']);
    assert.deepEqual(reported.map((e) => (e as Error).message), ['sink down']);
    assert.deepEqual((await local.lookup({ eventName: 'SinkTest' })).events.map((e) => e.eventName), ['SinkTest']);
  });

  test('pages come newest first with NextToken, across equal times, without loss or repetition', async () => {
    const start = T0 + 10_000;
    clock.set(start);
    const expected: string[] = [];
    for (let i = 0; i < 7; i++) await audit.record(input({ eventName: `Same${i}` }));
    clock.advance(1);
    for (let i = 0; i < 3; i++) await audit.record(input({ eventName: `Later${i}` }));
    const all = (await audit.lookup({ startTime: start })).events;
    assert.equal(all.length, 10);
    assert.deepEqual(all.slice(0, 3).map((e) => e.eventTime), [start + 1, start + 1, start + 1]);
    for (let i = 1; i < all.length; i++) {
      const [a, b] = [all[i - 1]!, all[i]!];
      assert.ok(a.eventTime > b.eventTime || (a.eventTime === b.eventTime && a.eventId > b.eventId), 'time, then id, descending');
    }
    expected.push(...all.map((e) => e.eventId));
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await audit.lookup({ startTime: start, maxResults: 3, ...(token ? { nextToken: token } : {}) });
      assert.ok(page.events.length <= 3);
      seen.push(...page.events.map((e) => e.eventId));
      token = page.nextToken;
      pages++;
    } while (token);
    assert.equal(pages, 4);
    assert.deepEqual(seen, expected);
    const exact = await audit.lookup({ startTime: start, maxResults: 10 });
    assert.equal(exact.events.length, 10);
    assert.equal(exact.nextToken, undefined, 'no token when nothing follows');
  });

  test('filters reach the store: event name, source, user, failures, time window', async () => {
    const start = T0 + 100_000;
    clock.set(start);
    await audit.record(input({ eventSource: 'signin.amazonaws.com', eventName: 'CredentialVerification', userIdentity: { type: 'IdentityCenterUser', userName: 'carol' }, errorCode: 'Failure' }));
    clock.advance(10);
    await audit.record(input({ eventSource: 'signin.amazonaws.com', eventName: 'CredentialVerification', userIdentity: { type: 'IdentityCenterUser', userName: 'carol' } }));
    const names = async (q: Parameters<AuditLog['lookup']>[0]) => (await audit.lookup({ startTime: start, ...q })).events.map((e) => `${e.userIdentity.userName}:${e.errorCode ?? 'ok'}`);
    assert.deepEqual(await names({ userName: 'carol' }), ['carol:ok', 'carol:Failure']);
    assert.deepEqual(await names({ failedOnly: true }), ['carol:Failure']);
    assert.deepEqual(await names({ eventSource: 'signin.amazonaws.com', eventName: 'CredentialVerification', endTime: start + 10 }), ['carol:Failure']);
    assert.deepEqual(await names({ eventName: 'CreatePermissionSet' }), []);
  });

  test('MaxResults outside 1..50, a forged NextToken, and StartTime not before EndTime are refused by name', async () => {
    assert.equal(MAX_AUDIT_RESULTS, 50);
    for (const maxResults of [0, -1, 51, 1.5]) await assert.rejects(audit.lookup({ maxResults }), validationOn('MaxResults'));
    assert.equal((await audit.lookup({ maxResults: 50 })).events.length <= 50, true);
    const forged = [
      'forged',
      Buffer.from('123.nothex', 'utf8').toString('base64url'),
      Buffer.from(`${T0}.${'a'.repeat(31)}`, 'utf8').toString('base64url'),
      Buffer.from(`-1.${'a'.repeat(32)}`, 'utf8').toString('base64url'),
    ];
    for (const nextToken of forged) await assert.rejects(audit.lookup({ nextToken }), validationOn('NextToken'));
    await assert.rejects(audit.lookup({ startTime: T0, endTime: T0 }), validationOn('StartTime'));
    await assert.rejects(audit.lookup({ startTime: T0 + 1, endTime: T0 }), validationOn('StartTime'));
    assert.ok((await audit.lookup({ startTime: T0, endTime: T0 + 1 })).events.length >= 1);
  });
});
