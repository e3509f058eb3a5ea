// The storage contract of the audit log, on every back end: events come back whole, newest first
// (time, then id, descending), each filter narrows exactly as documented, the keyset position
// continues strictly after an event, and deleteBefore removes old events in bounded batches.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BACKENDS } from '../support/backends.js';
import type { KyselyStore } from '../../src/store/kysely-store.js';
import type { AuditEvent } from '../../src/domain/audit/audit-event.js';

const T = 1_800_000_000_000;
const id = (n: number) => n.toString(16).padStart(32, '0');

const event = (n: number, time: number, over: Partial<AuditEvent> = {}): AuditEvent => ({
  eventId: id(n),
  eventTime: time,
  eventSource: 'sso.amazonaws.com',
  eventName: 'CreatePermissionSet',
  awsRegion: 'us-east-1',
  sourceIPAddress: '192.0.2.1',
  userIdentity: { type: 'IAMUser', userName: 'admin', arn: 'arn:aws:iam::111122223333:user/admin', accountId: '111122223333' },
  readOnly: false,
  ...over,
});

/** The fixture: 8 events over 4 instants, two sources, three users, two failures. */
const EVENTS: readonly AuditEvent[] = [
  event(1, T, { requestParameters: { InstanceArn: 'arn:aws:sso:::instance/ssoins-0123456789abcdef', Name: 'Admin' }, requestId: 'r-1', userAgent: 'aws-cli/2' }),
  event(2, T, { eventName: 'DeletePermissionSet' }),
  event(3, T + 1000, { eventSource: 'signin.amazonaws.com', eventName: 'CredentialVerification', userIdentity: { type: 'IdentityCenterUser', userName: 'alice', principalId: 'u-1' }, errorCode: 'Failure', errorMessage: 'bad password', additionalEventData: { CredentialType: 'PASSWORD' } }),
  event(4, T + 1000, { eventSource: 'signin.amazonaws.com', eventName: 'CredentialVerification', userIdentity: { type: 'IdentityCenterUser', userName: 'alice', principalId: 'u-1' } }),
  event(5, T + 1000, { eventName: 'ListPermissionSets', readOnly: true, errorCode: 'AccessDeniedException', userIdentity: { type: 'IAMUser', userName: 'bob' } }),
  event(6, T + 2000, { userIdentity: { type: 'AssumedRole', arn: 'arn:aws:sts::111122223333:assumed-role/R/s' } }),
  event(7, T + 3000),
  event(8, T + 3000, { eventName: 'DeletePermissionSet' }),
];

const ids = (events: readonly AuditEvent[]) => events.map((e) => Number.parseInt(e.eventId, 16));

for (const backend of BACKENDS) {
  describe(`audit storage contract (${backend.name})`, () => {
    let store: KyselyStore;
    let dispose: () => Promise<void>;
    before(async () => {
      ({ store, dispose } = await backend.open());
      // Appended out of order: the order read back is the store's, not the insertion's.
      for (const e of [...EVENTS].reverse()) await store.audit.append(e);
    });
    after(() => dispose());

    test('lookup answers whole events, newest first: time descending, then id descending', async () => {
      const all = await store.audit.lookup({ limit: 100 });
      assert.deepEqual(ids(all), [8, 7, 6, 5, 4, 3, 2, 1]);
      assert.deepEqual(all.at(-1), EVENTS[0]);
      assert.deepEqual(all.find((e) => e.eventId === id(3)), EVENTS[2]);
      assert.equal(typeof all[0]!.eventTime, 'number');
    });

    test('limit bounds the answer', async () => {
      assert.deepEqual(ids(await store.audit.lookup({ limit: 3 })), [8, 7, 6]);
      assert.deepEqual(ids(await store.audit.lookup({ limit: 1 })), [8]);
    });

    test('startTime is inclusive, endTime exclusive', async () => {
      assert.deepEqual(ids(await store.audit.lookup({ startTime: T + 1000, limit: 100 })), [8, 7, 6, 5, 4, 3]);
      assert.deepEqual(ids(await store.audit.lookup({ endTime: T + 1000, limit: 100 })), [2, 1]);
      assert.deepEqual(ids(await store.audit.lookup({ startTime: T + 1000, endTime: T + 3000, limit: 100 })), [6, 5, 4, 3]);
      assert.deepEqual(await store.audit.lookup({ startTime: T + 3001, limit: 100 }), []);
    });

    test('eventName, eventSource, userName and failedOnly each narrow, and combine', async () => {
      assert.deepEqual(ids(await store.audit.lookup({ eventName: 'DeletePermissionSet', limit: 100 })), [8, 2]);
      assert.deepEqual(ids(await store.audit.lookup({ eventSource: 'signin.amazonaws.com', limit: 100 })), [4, 3]);
      assert.deepEqual(ids(await store.audit.lookup({ userName: 'alice', limit: 100 })), [4, 3]);
      assert.deepEqual(ids(await store.audit.lookup({ userName: 'admin', limit: 100 })), [8, 7, 2, 1]);
      assert.deepEqual(ids(await store.audit.lookup({ failedOnly: true, limit: 100 })), [5, 3]);
      assert.deepEqual(ids(await store.audit.lookup({ failedOnly: false, limit: 100 })), [8, 7, 6, 5, 4, 3, 2, 1]);
      assert.deepEqual(ids(await store.audit.lookup({ userName: 'alice', failedOnly: true, limit: 100 })), [3]);
      assert.deepEqual(ids(await store.audit.lookup({ eventSource: 'sso.amazonaws.com', eventName: 'CreatePermissionSet', startTime: T + 1, limit: 100 })), [7, 6]);
      assert.deepEqual(await store.audit.lookup({ userName: 'ALICE', limit: 100 }), [], 'user names match exactly');
    });

    test('before continues strictly after an event, across equal times', async () => {
      assert.deepEqual(ids(await store.audit.lookup({ before: { eventTime: T + 3000, eventId: id(8) }, limit: 100 })), [7, 6, 5, 4, 3, 2, 1]);
      assert.deepEqual(ids(await store.audit.lookup({ before: { eventTime: T + 1000, eventId: id(4) }, limit: 2 })), [3, 2]);
      assert.deepEqual(ids(await store.audit.lookup({ before: { eventTime: T, eventId: id(1) }, limit: 100 })), []);
      // A position no event holds still divides them by time, then id.
      assert.deepEqual(ids(await store.audit.lookup({ before: { eventTime: T + 1000, eventId: 'f'.repeat(32) }, limit: 100 })), [5, 4, 3, 2, 1]);
      assert.deepEqual(ids(await store.audit.lookup({ before: { eventTime: T + 1500, eventId: '0'.repeat(32) }, limit: 100 })), [5, 4, 3, 2, 1]);
      assert.deepEqual(ids(await store.audit.lookup({ before: { eventTime: T + 3000, eventId: id(8) }, failedOnly: true, limit: 100 })), [5, 3]);
    });

    test('an event id is kept once', async () => {
      await assert.rejects(store.audit.append(EVENTS[0]!));
    });

    test('a long or odd user name, event name or source is still kept and found', async () => {
      const long = `${'x'.repeat(300)}\u0000é`;
      const odd = event(20, T - 5000, { eventName: `Op${'N'.repeat(80)}`, eventSource: `${'s'.repeat(80)}.example`, userIdentity: { type: 'Unknown', userName: long } });
      await store.audit.append(odd);
      const [found] = await store.audit.lookup({ endTime: T, userName: long, limit: 10 });
      assert.deepEqual(found, odd, 'the record keeps every character');
      assert.deepEqual(ids(await store.audit.lookup({ endTime: T, eventName: odd.eventName, eventSource: odd.eventSource, limit: 10 })), [20]);
      assert.deepEqual(await store.audit.lookup({ endTime: T, userName: 'x'.repeat(300), limit: 10 }), []);
      await store.audit.deleteBefore(T - 4000, 10);
      assert.deepEqual(await store.audit.lookup({ endTime: T, limit: 10 }), []);
    });

    test('appends made together are committed together; a refused row does not take the others with it', async () => {
      const base = T - 100_000;
      const batch = Array.from({ length: 40 }, (_, i) => event(100 + i, base + i));
      // One of them repeats an id already kept: the table refuses that row alone.
      const duplicate = event(100, base + 50);
      const outcomes = await Promise.allSettled([...batch, duplicate].map((e) => store.audit.append(e)));
      assert.deepEqual(outcomes.map((o) => o.status), [...batch.map(() => 'fulfilled'), 'rejected']);
      await store.audit.flush();
      const kept = await store.audit.lookup({ startTime: base, endTime: base + 1000, limit: 100 });
      assert.deepEqual(ids(kept), batch.map((_, i) => 100 + i).reverse());
      assert.equal(await store.audit.deleteBefore(base + 1000, 100), 40);
    });

    test('deleteBefore removes events strictly older than the cut-off, at most limit at a time', async () => {
      const counts = [];
      for (let n = 0; n < 4; n++) counts.push(await store.audit.deleteBefore(T + 2000, 2));
      assert.deepEqual(counts, [2, 2, 1, 0]);
      assert.deepEqual(ids(await store.audit.lookup({ limit: 100 })), [8, 7, 6]);
      assert.equal(await store.audit.deleteBefore(T + 3001, 100), 3);
      assert.deepEqual(await store.audit.lookup({ limit: 100 }), []);
    });
  });
}
