// The "Check access" form's input: actions are checked against the service authorization
// reference and spelled as it spells them; resources are * or ARNs; context lines are key=value,
// repeated keys multivalued, and keys that describe the session itself refused. Every refusal
// names its field.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseAction, parseContext, parseResource, parseCheckRequest, type ActionReference } from '../../../src/domain/console/check-request.js';
import { iamDataActionReference as catalog } from '../../../src/server/console-routes.js';
import { GatehouseError } from '../../../src/lib/errors.js';

const refused = (field: string, message: RegExp) => (e: unknown) => {
  assert.ok(e instanceof GatehouseError, String(e));
  assert.equal(e.code, 'Validation');
  assert.equal(e.details.field, field);
  assert.match(e.message, message);
  return true;
};

describe('check request', () => {
  test('an action the reference knows comes back spelled as the reference spells it', async () => {
    assert.equal(await parseAction(catalog, 's3:getobject'), 's3:GetObject');
    assert.equal(await parseAction(catalog, '  EC2:DescribeInstances '), 'ec2:DescribeInstances');
    assert.equal(await parseAction(catalog, 'sso:CreatePermissionSet'), 'sso:CreatePermissionSet');
  });

  test('unknown services and actions, wildcards and junk are refused, naming the field', async () => {
    await assert.rejects(parseAction(catalog, 'nosuch:Thing'), refused('action', /no service with the prefix "nosuch"/));
    await assert.rejects(parseAction(catalog, 's3:FlyToTheMoon'), refused('action', /The service s3 has no action named FlyToTheMoon/));
    await assert.rejects(parseAction(catalog, 's3:Get*'), refused('action', /no wildcards/));
    await assert.rejects(parseAction(catalog, '*'), refused('action', /is not an action/));
    await assert.rejects(parseAction(catalog, undefined), refused('action', /Enter an action/));
    await assert.rejects(parseAction(catalog, `s3:${'x'.repeat(5000)}`), refused('action', /is not an action/));
  });

  test('the reference is asked with the service prefix lower-cased, and its spelling wins', async () => {
    const asked: string[] = [];
    const fake: ActionReference = { find: async (s, a) => (asked.push(`${s}|${a}`), { found: 'svc:CanonicalName' }) };
    assert.equal(await parseAction(fake, 'SVC:canonicalname'), 'svc:CanonicalName');
    assert.deepEqual(asked, ['svc|canonicalname']);
  });

  test('resources: * by default, otherwise an ARN', () => {
    assert.equal(parseResource(undefined), '*');
    assert.equal(parseResource('  '), '*');
    assert.equal(parseResource('arn:aws:s3:::bucket/key with/parts'.replace(/ /g, '_')), 'arn:aws:s3:::bucket/key_with/parts');
    assert.equal(parseResource('arn:aws:iam::123456789012:role/x'), 'arn:aws:iam::123456789012:role/x');
    assert.throws(() => parseResource('bucket'), refused('resource', /must be \* or an ARN/));
    assert.throws(() => parseResource('arn:aws:s3'), refused('resource', /must be \* or an ARN/));
    assert.throws(() => parseResource(`arn:aws:s3:::${'b'.repeat(3000)}`), refused('resource', /longer than 2048/));
  });

  test('context: key=value lines, blank lines skipped, repeated keys multivalued', () => {
    assert.deepEqual(parseContext('aws:SourceIp=10.0.0.1\r\n\n s3:prefix = a \ns3:prefix=b=c\naws:RequestTag/team=red'), {
      'aws:SourceIp': '10.0.0.1',
      's3:prefix': ['a', 'b=c'],
      'aws:RequestTag/team': 'red',
    });
    assert.deepEqual(parseContext(undefined), {});
  });

  test('context lines that are not key=value, or set facts of the session itself, are refused by line', () => {
    assert.throws(() => parseContext('aws:SourceIp=1.2.3.4\nnonsense'), refused('context', /^Line 2: write key=value/));
    assert.throws(() => parseContext('noprefix=1'), refused('context', /^Line 1/));
    for (const key of ['aws:PrincipalArn', 'aws:principaltag/team', 'aws:PrincipalOrgID', 'aws:userid', 'aws:TokenIssueTime', 'aws:SourceIdentity']) {
      assert.throws(() => parseContext(`${key}=x`), refused('context', /describes the role session itself/), key);
    }
    assert.throws(() => parseContext(Array.from({ length: 51 }, (_, i) => `k:k${i}=v`).join('\n')), refused('context', /At most 50/));
  });

  test('the whole form', async () => {
    assert.deepEqual(await parseCheckRequest(catalog, { action: 'iam:listroles', context: 'aws:SourceIp=10.0.0.1' }), {
      action: 'iam:ListRoles',
      resource: '*',
      context: { 'aws:SourceIp': '10.0.0.1' },
    });
  });
});
