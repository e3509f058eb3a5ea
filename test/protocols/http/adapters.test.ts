// The awsJson and query adapters end to end: input decoding, output serialization, and errors
// in each protocol's own shape.

import { after, before, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { GatehouseError } from '../../../src/lib/errors.js';
import { createTestApp, TEST_KEY, TEST_TIME, type TestApp } from '../support/aws-test-app.js';
import { signRequest } from '../support/sign.js';

const captured: unknown[] = [];
let t: TestApp;
before(async () => {
  t = await createTestApp({
    handlers: {
      identitystore: {
        CreateGroup: async () => {
          throw new GatehouseError('Conflict', 'Duplicate GroupDisplayName', { reason: 'UNIQUENESS_CONSTRAINT_VIOLATION' });
        },
        DescribeGroupMembership: async () => {
          throw new GatehouseError('NotFound', 'Membership not found', { resource: 'GroupMembership' });
        },
        DescribeUser: async () => {
          throw new Error('connection to postgres://admin:hunter2@db failed');
        },
        ListUsers: async () => ({ Users: [], NextToken: undefined }),
      },
      'sso-admin': {
        DescribePermissionSet: async () => ({ PermissionSet: { Name: 'Admin', CreatedDate: new Date(Date.UTC(2026, 0, 1, 0, 0, 0, 500)) } }),
      },
      iam: {
        CreateUser: async (input) => {
          captured.push(input);
          return { User: { UserName: input.UserName, Path: '/', UserId: 'AIDA<&>"\'', Arn: 'arn:aws:iam::111122223333:user/x', CreateDate: new Date(Date.UTC(2026, 0, 1)) } };
        },
        GetUser: async () => {
          throw new GatehouseError('NotFound', 'The user with name bob cannot be found.', { resource: 'User' });
        },
      },
      sts: {
        AssumeRole: async (input) => {
          captured.push(input);
          return {};
        },
      },
    },
  });
});
after(() => t.close());
beforeEach(() => {
  captured.length = 0;
});

const json = async (target: string, body: string, service = 'identitystore') => {
  const r = await signRequest({
    service,
    date: new Date(TEST_TIME),
    credentials: TEST_KEY,
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': target },
    body,
  });
  return t.app.inject({ method: 'POST', url: r.url, headers: r.headers, payload: r.body });
};

const query = async (service: 'sts' | 'iam', body: string) => {
  const r = await signRequest({ service, date: new Date(TEST_TIME), credentials: TEST_KEY, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
  return t.app.inject({ method: 'POST', url: r.url, headers: r.headers, payload: r.body });
};

test('awsJson: ConflictException carries Reason and both message casings', async () => {
  const res = await json('AWSIdentityStore.CreateGroup', '{"IdentityStoreId":"d-1234567890","DisplayName":"x"}');
  assert.equal(res.statusCode, 400);
  assert.equal(res.headers['x-amzn-errortype'], 'ConflictException');
  const body = res.json();
  assert.equal(body.__type, 'ConflictException');
  assert.equal(body.message, 'Duplicate GroupDisplayName');
  assert.equal(body.Message, 'Duplicate GroupDisplayName');
  assert.equal(body.Reason, 'UNIQUENESS_CONSTRAINT_VIOLATION');
  assert.equal(body.RequestId, res.headers['x-amzn-requestid']);
});

test('awsJson: ResourceNotFoundException carries ResourceType', async () => {
  const res = await json('AWSIdentityStore.DescribeGroupMembership', '{"IdentityStoreId":"d-1234567890","MembershipId":"a1b2c3d4-1234-1234-1234-123456789012"}');
  assert.equal(res.json().__type, 'ResourceNotFoundException');
  assert.equal(res.json().ResourceType, 'GROUP_MEMBERSHIP');
});

test('awsJson: an unexpected error is a 500 InternalFailure that leaks nothing', async () => {
  const res = await json('AWSIdentityStore.DescribeUser', '{"IdentityStoreId":"d-1234567890","UserId":"a1b2c3d4-1234-1234-1234-123456789012"}');
  assert.equal(res.statusCode, 500);
  assert.equal(res.json().__type, 'InternalFailure');
  assert.doesNotMatch(res.body, /hunter2|postgres/);
});

test('awsJson: input validation → ValidationException before the handler', async () => {
  const res = await json('AWSIdentityStore.ListUsers', '{"IdentityStoreId":"d-1234567890","MaxResults":1000}');
  assert.equal(res.statusCode, 400);
  assert.equal(res.json().__type, 'ValidationException');
  assert.match(res.json().message, /^1 validation error detected: Value '1000' at 'maxResults'/);
});

test('awsJson: bad JSON and wrong types → SerializationException', async () => {
  for (const body of ['{"IdentityStoreId":', '[1,2]', 'null', '{"IdentityStoreId":42}']) {
    const res = await json('AWSIdentityStore.ListUsers', body);
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().__type, 'SerializationException', body);
  }
});

test('awsJson: unknown operations and targets → UnknownOperationException', async () => {
  for (const target of ['AWSIdentityStore.DropTables', 'NoSuchService.ListUsers', 'garbage', 'AWSIdentityStore.constructor']) {
    const res = await json(target, '{}');
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().__type, 'UnknownOperationException', target);
  }
});

test('awsJson: timestamps go out as epoch seconds; undefined members are dropped', async () => {
  const res = await json('SWBExternalService.DescribePermissionSet', '{"InstanceArn":"arn:aws:sso:::instance/ssoins-1234567890abcdef","PermissionSetArn":"arn:aws:sso:::permissionSet/ssoins-1234567890abcdef/ps-1234567890abcdef"}', 'sso');
  assert.equal(res.statusCode, 200, res.body);
  assert.deepEqual(res.json(), { PermissionSet: { Name: 'Admin', CreatedDate: 1767225600.5 } });
  const list = await json('AWSIdentityStore.ListUsers', '{"IdentityStoreId":"d-1234567890"}');
  assert.equal(list.body, '{"Users":[]}');
});

test('query: list flattening (Tags.member.N.Key) and XML output with escaping', async () => {
  const res = await query('iam', 'Action=CreateUser&Version=2010-05-08&UserName=bob&Tags.member.1.Key=team&Tags.member.1.Value=blue&Tags.member.2.Key=env&Tags.member.2.Value=prod');
  assert.equal(res.statusCode, 200, res.body);
  assert.deepEqual(captured[0], { UserName: 'bob', Tags: [{ Key: 'team', Value: 'blue' }, { Key: 'env', Value: 'prod' }] });
  assert.match(res.body, /^<CreateUserResponse xmlns="https:\/\/iam.amazonaws.com\/doc\/2010-05-08\/"><CreateUserResult><User><Path>\/<\/Path><UserName>bob<\/UserName><UserId>AIDA&lt;&amp;&gt;&quot;&apos;<\/UserId>/);
  assert.match(res.body, /<CreateDate>2026-01-01T00:00:00.000Z<\/CreateDate>/);
  assert.match(res.body, /<ResponseMetadata><RequestId>[0-9a-f-]{36}<\/RequestId><\/ResponseMetadata><\/CreateUserResponse>$/);
});

test('query: PolicyArns.member.N.arn and integers decode for sts', async () => {
  const res = await query('sts', 'Action=AssumeRole&Version=2011-06-15&RoleArn=arn%3Aaws%3Aiam%3A%3A111122223333%3Arole%2Fr&RoleSessionName=ss&DurationSeconds=900&PolicyArns.member.1.arn=arn%3Aaws%3Aiam%3A%3Aaws%3Apolicy%2FReadOnlyAccess');
  assert.equal(res.statusCode, 200, res.body);
  assert.deepEqual(captured[0], {
    RoleArn: 'arn:aws:iam::111122223333:role/r',
    RoleSessionName: 'ss',
    DurationSeconds: 900,
    PolicyArns: [{ arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }],
  });
});

test('query: validation → ValidationError; bad integer too', async () => {
  const res = await query('iam', 'Action=CreateUser&Version=2010-05-08&UserName=bad%20name');
  assert.equal(res.statusCode, 400);
  assert.match(res.body, /<Code>ValidationError<\/Code><Message>1 validation error detected: Value &apos;bad name&apos; at &apos;userName&apos;/);
  const n = await query('sts', 'Action=AssumeRole&Version=2011-06-15&RoleArn=arn%3Aaws%3Aiam%3A%3A111122223333%3Arole%2Fr&RoleSessionName=ss&DurationSeconds=lots');
  assert.equal(n.statusCode, 400);
  assert.match(n.body, /<Code>ValidationError<\/Code>/);
  assert.equal(captured.length, 0);
});

test('query: domain errors map through the table (NoSuchEntity 404)', async () => {
  const res = await query('iam', 'Action=GetUser&Version=2010-05-08&UserName=bob');
  assert.equal(res.statusCode, 404);
  assert.match(res.body, /<Type>Sender<\/Type><Code>NoSuchEntity<\/Code><Message>The user with name bob cannot be found.<\/Message>/);
});

test('query: unknown and missing actions', async () => {
  const a = await query('sts', 'Action=DropTables&Version=2011-06-15');
  assert.equal(a.statusCode, 400);
  assert.match(a.body, /<Code>InvalidAction<\/Code>/);
  const b = await query('sts', 'Version=2011-06-15');
  assert.match(b.body, /<Code>MissingAction<\/Code>/);
});

test('sts GetCallerIdentity answers the signing principal', async () => {
  const res = await query('sts', 'Action=GetCallerIdentity&Version=2011-06-15');
  assert.equal(res.statusCode, 200);
  assert.equal(res.headers['content-type'], 'text/xml');
  assert.match(
    res.body,
    /^<GetCallerIdentityResponse xmlns="https:\/\/sts.amazonaws.com\/doc\/2011-06-15\/"><GetCallerIdentityResult><UserId>AIDAGATEHOUSETEST0001<\/UserId><Account>111122223333<\/Account><Arn>arn:aws:iam::111122223333:user\/alice<\/Arn><\/GetCallerIdentityResult><ResponseMetadata><RequestId>[0-9a-f-]{36}<\/RequestId><\/ResponseMetadata><\/GetCallerIdentityResponse>$/,
  );
});

test('awsJson: organizations answers model validation as InvalidInputException with a Reason', async () => {
  const res = await json('AWSOrganizationsV20161128.DescribeAccount', '{"AccountId":"12"}', 'organizations');
  assert.equal(res.statusCode, 400);
  const body = res.json();
  assert.equal(body.__type, 'InvalidInputException');
  assert.equal(body.Reason, 'INVALID_PATTERN');
  assert.match(body.Message, /^1 validation error detected: Value '12' at 'accountId' failed to satisfy constraint: Member must satisfy regular expression pattern/);
});

test('query: absurd parameter counts are refused before decoding', async () => {
  const many = Array.from({ length: 2100 }, (_, i) => `Tags.member.${i + 1}.Key=k`).join('&');
  const res = await query('iam', `Action=CreateUser&Version=2010-05-08&UserName=bob&${many}`);
  assert.equal(res.statusCode, 400);
  assert.match(res.body, /<Code>ValidationError<\/Code><Message>Request has more than 2000 parameters.<\/Message>/);
});
