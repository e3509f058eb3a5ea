// The request-wide condition keys: their names and formats, whatever order the clock moves in
// (aws:CurrentTime is remembered per second, so a clock that steps back must not see a stale one).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isoSeconds, requestContext } from '../../../src/domain/authorization/request-context.js';
import type { Principal } from '../../../src/domain/principal.js';

const user = { kind: 'iam-user', arn: 'arn:aws:iam::111122223333:user/ops/alice', accountId: '111122223333', userId: 'AIDAEXAMPLE', name: 'alice' } as Principal;
const facts = { principal: user, sourceIp: '203.0.113.7', secureTransport: false, region: 'eu-west-1', organizationId: 'o-abcdef1234' };

test('isoSeconds writes ISO 8601 to the second, for any order of times', () => {
  const times = [Date.UTC(2026, 11, 6, 15, 0, 0, 999), Date.UTC(2026, 11, 6, 15, 0, 1, 0), Date.UTC(2026, 11, 6, 15, 0, 0, 1), Date.UTC(1999, 0, 1), Date.UTC(2026, 11, 6, 15, 0, 1, 500)];
  for (const t of times) assert.equal(isoSeconds(t), new Date(Math.floor(t / 1000) * 1000).toISOString().replace('.000Z', 'Z'));
  assert.equal(isoSeconds(Date.UTC(2026, 11, 6, 15, 0, 0, 999)), '2026-12-06T15:00:00Z');
});

test('requestContext gives exactly the request-wide keys of an IAM user', () => {
  const now = Date.UTC(2026, 11, 6, 15, 4, 5, 678);
  assert.deepEqual(requestContext({ ...facts, now }), {
    'aws:CurrentTime': '2026-12-06T15:04:05Z',
    'aws:EpochTime': String(Math.floor(now / 1000)),
    'aws:SourceIp': '203.0.113.7',
    'aws:RequestedRegion': 'eu-west-1',
    'aws:SecureTransport': 'false',
    'aws:PrincipalArn': user.arn,
    'aws:PrincipalAccount': '111122223333',
    'aws:PrincipalType': 'User',
    'aws:userid': 'AIDAEXAMPLE',
    'aws:ViaAWSService': 'false',
    'aws:username': 'alice',
    'aws:PrincipalOrgID': 'o-abcdef1234',
  });
});

test('requestContext adds request tags and leaves out what a caller does not have', () => {
  const role = { ...user, kind: 'assumed-role' } as Principal;
  const ctx = requestContext({ ...facts, principal: role, organizationId: undefined, now: 0, requestTags: { team: 'red', env: 'prod' } });
  assert.equal(ctx['aws:PrincipalType'], 'AssumedRole');
  assert.equal('aws:username' in ctx, false);
  assert.equal('aws:PrincipalOrgID' in ctx, false);
  assert.equal(ctx['aws:RequestTag/team'], 'red');
  assert.deepEqual(ctx['aws:TagKeys'], ['team', 'env']);
  // A fresh object each time: the authorizer merges into it.
  assert.notEqual(requestContext({ ...facts, now: 0 }), requestContext({ ...facts, now: 0 }));
});
