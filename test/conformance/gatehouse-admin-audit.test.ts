// The admin API's audit log (GatehouseAdmin.LookupAuditEvents) through a running server with a
// SigV4-signing client, on every back end: events the audit log kept come back newest first
// with CloudTrail's field names, every filter narrows, pages follow NextToken, bad input is a
// ValidationException naming the member, and reading needs gatehouse:LookupAuditEvents.
//
// The events are recorded straight through the server's AuditLog, under an event source of
// their own, so whatever else the server records about these calls does not disturb them.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { AdminApiError, AdminClient } from '../../src/cli/admin-client.js';
import { ManualClock } from '../../src/lib/clock.js';
import type { AuditEventInput } from '../../src/domain/audit/audit-event.js';
import { startTestServer, type TestServer } from '../support/server.js';

const SOURCE = 'conformance.gatehouse.example';
const OTHER_SOURCE = 'signin.conformance.gatehouse.example';
const ACCOUNT = '111122223333';

interface WireEvent {
  EventId: string;
  EventTime: number;
  EventSource: string;
  EventName: string;
  UserIdentity: Record<string, string>;
  ErrorCode?: string;
  RequestParameters?: string;
  AdditionalEventData?: string;
  [k: string]: unknown;
}
interface Page { Events: WireEvent[]; NextToken?: string }

const refusedWith = (type: string, message?: RegExp) => (e: unknown) => {
  assert.ok(e instanceof AdminApiError, String(e));
  assert.equal(e.type, type, e.message);
  assert.equal(e.status, 400);
  if (message) assert.match(e.message, message);
  return true;
};

const event = (eventName: string, userName: string, over: Partial<AuditEventInput> = {}): AuditEventInput => ({
  eventSource: SOURCE,
  eventName,
  awsRegion: 'us-east-1',
  sourceIPAddress: '198.51.100.7',
  userIdentity: { type: 'IAMUser', userName, arn: `arn:aws:iam::${ACCOUNT}:user/${userName}`, accountId: ACCOUNT },
  readOnly: false,
  ...over,
});

for (const backend of ['sqlite', 'postgres'] as const) {
  describe(`gatehouse admin API: audit events (${backend})`, () => {
    // Whole seconds, stepped by hand: every event has its own time, and SigV4 stays in its window.
    const clock = new ManualClock(Math.floor(Date.now() / 1000) * 1000 - 60_000);
    let server: TestServer;
    let admin: AdminClient;
    const lookup = (input: Record<string, unknown> = {}, client?: AdminClient) => (client ?? admin).call<Page>('LookupAuditEvents', input);
    const names = async (input: Record<string, unknown>) => (await lookup({ EventSource: SOURCE, ...input })).Events.map((e) => `${e.EventName}/${e.UserIdentity.UserName}`);

    before(async () => {
      server = await startTestServer({ backend, clock });
      admin = new AdminClient(server.clientConfig);
      const audit = server.server.services.audit;
      const steps: AuditEventInput[] = [
        event('CreateThing', 'alice', {
          userAgent: 'aws-cli/2.22.0',
          requestId: 'req-0001',
          userIdentity: { type: 'IAMUser', userName: 'alice', arn: `arn:aws:iam::${ACCOUNT}:user/alice`, accountId: ACCOUNT, principalId: 'AIDAEXAMPLEALICE', accessKeyId: 'AKIAEXAMPLEALICE0001' },
          requestParameters: { Name: 'thing-1', Password: 'correct horse battery staple' },
          additionalEventData: { MFAUsed: 'Yes' },
        }),
        event('DeleteThing', 'bob', { errorCode: 'AccessDeniedException', errorMessage: 'User bob is not authorized' }),
        event('CredentialVerification', 'alice', { eventSource: OTHER_SOURCE, userIdentity: { type: 'IdentityCenterUser', userName: 'alice' }, errorCode: 'Failure' }),
        event('CreateThing', 'carol'),
        event('ListThings', 'bob', { readOnly: true, errorCode: 'AccessDeniedException' }),
      ];
      for (const step of steps) {
        clock.advance(1000);
        await audit.record(step);
      }
    });
    after(() => server.close());

    test('events come back newest first, whole, with CloudTrail\'s field names', async () => {
      const { Events, NextToken } = await lookup({ EventSource: SOURCE });
      assert.equal(NextToken, undefined);
      assert.deepEqual(Events.map((e) => `${e.EventName}/${e.UserIdentity.UserName}`), ['ListThings/bob', 'CreateThing/carol', 'DeleteThing/bob', 'CreateThing/alice']);
      const times = Events.map((e) => e.EventTime);
      assert.deepEqual(times, [...times].sort((a, b) => b - a));
      const alice = Events.at(-1)!;
      assert.match(alice.EventId, /^[0-9a-f]{32}$/);
      assert.equal(typeof alice.EventTime, 'number', 'epoch seconds');
      assert.deepEqual({ ...alice, EventId: undefined, EventTime: undefined }, {
        EventId: undefined,
        EventTime: undefined,
        EventSource: SOURCE,
        EventName: 'CreateThing',
        AwsRegion: 'us-east-1',
        SourceIPAddress: '198.51.100.7',
        UserAgent: 'aws-cli/2.22.0',
        RequestId: 'req-0001',
        UserIdentity: { Type: 'IAMUser', Arn: `arn:aws:iam::${ACCOUNT}:user/alice`, AccountId: ACCOUNT, UserName: 'alice', PrincipalId: 'AIDAEXAMPLEALICE', AccessKeyId: 'AKIAEXAMPLEALICE0001' },
        ReadOnly: false,
        RequestParameters: JSON.stringify({ Name: 'thing-1', Password: 'HIDDEN_DUE_TO_SECURITY_REASONS' }),
        AdditionalEventData: JSON.stringify({ MFAUsed: 'Yes' }),
      });
      const bob = Events[2]!;
      assert.equal(bob.ErrorCode, 'AccessDeniedException');
      assert.equal(bob.ErrorMessage, 'User bob is not authorized');
      assert.equal(bob.RequestParameters, undefined);
      assert.equal(Events[0]!.ReadOnly, true);
    });

    test('EventName, EventSource, UserName and FailedOnly narrow, and combine', async () => {
      assert.deepEqual(await names({ EventName: 'CreateThing' }), ['CreateThing/carol', 'CreateThing/alice']);
      assert.deepEqual(await names({ UserName: 'bob' }), ['ListThings/bob', 'DeleteThing/bob']);
      assert.deepEqual(await names({ FailedOnly: true }), ['ListThings/bob', 'DeleteThing/bob']);
      assert.deepEqual(await names({ FailedOnly: false }), ['ListThings/bob', 'CreateThing/carol', 'DeleteThing/bob', 'CreateThing/alice']);
      assert.deepEqual(await names({ UserName: 'bob', EventName: 'DeleteThing', FailedOnly: true }), ['DeleteThing/bob']);
      assert.deepEqual(await names({ EventSource: OTHER_SOURCE }), ['CredentialVerification/alice']);
      const alice = (await lookup({ UserName: 'alice' })).Events.filter((e) => e.EventSource === SOURCE || e.EventSource === OTHER_SOURCE);
      assert.deepEqual(alice.map((e) => e.EventName), ['CredentialVerification', 'CreateThing']);
      assert.deepEqual(await names({ EventName: 'NoSuchThing' }), []);
    });

    test('StartTime is inclusive and EndTime exclusive, in epoch seconds', async () => {
      const all = (await lookup({ EventSource: SOURCE })).Events;
      const [list, carol, bob] = all.map((e) => e.EventTime);
      assert.deepEqual(await names({ StartTime: bob }), ['ListThings/bob', 'CreateThing/carol', 'DeleteThing/bob']);
      assert.deepEqual(await names({ EndTime: bob }), ['CreateThing/alice']);
      assert.deepEqual(await names({ StartTime: bob, EndTime: list }), ['CreateThing/carol', 'DeleteThing/bob']);
      assert.deepEqual(await names({ StartTime: carol, EndTime: carol + 0.001 }), ['CreateThing/carol']);
      assert.deepEqual(await names({ StartTime: list! + 1 }), []);
    });

    test('pages follow NextToken with MaxResults, without loss or repetition', async () => {
      const expected = await names({});
      const seen: string[] = [];
      let token: string | undefined;
      let pages = 0;
      do {
        const page = await lookup({ EventSource: SOURCE, MaxResults: 1, ...(token ? { NextToken: token } : {}) });
        assert.equal(page.Events.length, 1);
        seen.push(...page.Events.map((e) => `${e.EventName}/${e.UserIdentity.UserName}`));
        token = page.NextToken;
        pages++;
      } while (token);
      assert.equal(pages, 4);
      assert.deepEqual(seen, expected);
      const two = await lookup({ EventSource: SOURCE, MaxResults: 2 });
      assert.deepEqual(two.Events.map((e) => e.EventName), ['ListThings', 'CreateThing']);
      const rest = await lookup({ EventSource: SOURCE, MaxResults: 50, NextToken: two.NextToken });
      assert.deepEqual(rest.Events.map((e) => e.EventName), ['DeleteThing', 'CreateThing']);
      assert.equal(rest.NextToken, undefined);
    });

    test('ValidationException names MaxResults, NextToken and StartTime', async () => {
      await assert.rejects(lookup({ MaxResults: 0 }), refusedWith('ValidationException', /maxResults/i));
      await assert.rejects(lookup({ MaxResults: 51 }), refusedWith('ValidationException', /maxResults/i));
      await assert.rejects(lookup({ NextToken: 'forged' }), refusedWith('ValidationException', /NextToken/));
      await assert.rejects(lookup({ NextToken: '' }), refusedWith('ValidationException', /nextToken/i));
      const now = clock.now() / 1000;
      await assert.rejects(lookup({ StartTime: now, EndTime: now }), refusedWith('ValidationException', /StartTime/));
      await assert.rejects(lookup({ StartTime: now, EndTime: now - 60 }), refusedWith('ValidationException', /StartTime/));
      await assert.rejects(lookup({ StartTime: 'yesterday' }), (e) => e instanceof AdminApiError && e.type === 'SerializationException');
    });

    test('reading needs gatehouse:LookupAuditEvents', async () => {
      const services = server.server.services;
      const { ownerAccountId } = await services.instance.get();
      const reader = async (name: string, actions: string[]) => {
        await services.iam.createIamUser(ownerAccountId, { userName: name });
        await services.iam.putUserPolicy(ownerAccountId, name, 'p', JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: actions, Resource: '*' }] }));
        const key = await services.iam.createUserAccessKey(ownerAccountId, name);
        return new AdminClient({ ...server.clientConfig, credentials: { accessKeyId: key.accessKeyId, secretAccessKey: key.secretAccessKey } });
      };
      const appsOnly = await reader('apps-reader', ['gatehouse:ListApplications']);
      await assert.rejects(lookup({ EventSource: SOURCE }, appsOnly), refusedWith('AccessDeniedException', /gatehouse:LookupAuditEvents/));
      const auditor = await reader('auditor', ['gatehouse:LookupAuditEvents']);
      assert.equal((await lookup({ EventSource: SOURCE }, auditor)).Events.length, 4);
    });
  });
}
