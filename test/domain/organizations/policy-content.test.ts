// Policy content rules, per policy type.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkPolicyContent } from '../../../src/domain/organizations/policy-content.js';
import { FULL_AWS_ACCESS } from '../../../src/domain/organizations/full-aws-access.js';
import { isError } from './harness.js';

const malformed = isError('Validation', { resource: 'PolicyDocument' });

describe('checkPolicyContent', () => {
  test('accepts FullAWSAccess and the usual SCP forms', () => {
    checkPolicyContent('SERVICE_CONTROL_POLICY', FULL_AWS_ACCESS.content);
    checkPolicyContent('SERVICE_CONTROL_POLICY', '{"Statement":{"Effect":"Deny","NotAction":["iam:*","sts:*"],"Resource":"*"}}');
    checkPolicyContent('SERVICE_CONTROL_POLICY', JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Sid: 'Region', Effect: 'Deny', Action: '*', Resource: '*', Condition: { StringNotEquals: { 'aws:RequestedRegion': 'eu-west-1' } } }],
    }));
  });

  test('refuses what an SCP may not say', () => {
    for (const doc of [
      '', 'null', '"x"', '{"Version":"2012-10-17"}', '{"Statement":[],"Version":"2012-10-17"}',
      '{"Version":"2020-01-01","Statement":{"Effect":"Allow","Action":"*"}}',
      '{"Statement":{"Effect":"Allow","Action":"*","NotAction":"s3:*"}}',
      '{"Statement":{"Effect":"Allow"}}',
      '{"Statement":{"Effect":"Allow","Action":[]}}',
      '{"Statement":{"Effect":"Allow","Action":"*","Resource":5}}',
      '{"Statement":{"Effect":"Allow","Action":"*","Resource":"*","NotResource":"*"}}',
      '{"Statement":{"Effect":"Allow","Action":"*","Condition":"x"}}',
      '{"Statement":{"Effect":"Allow","Action":"*","Bogus":1}}',
      '{"Statement":{"Effect":"Allow","Action":"*"},"Extra":1}',
      '{"Statement":["x"]}',
    ]) {
      assert.throws(() => checkPolicyContent('SERVICE_CONTROL_POLICY', doc), malformed, doc);
    }
  });

  test('size quotas per type, white space included', () => {
    const pad = (n: number) => `{"x":"${'a'.repeat(n - 8)}"}`;
    checkPolicyContent('TAG_POLICY', pad(10000));
    assert.throws(() => checkPolicyContent('TAG_POLICY', pad(10001)), isError('LimitExceeded', { reason: 'POLICY_CONTENT_LIMIT_EXCEEDED' }));
    checkPolicyContent('AISERVICES_OPT_OUT_POLICY', pad(2500));
    assert.throws(() => checkPolicyContent('AISERVICES_OPT_OUT_POLICY', pad(2501)), isError('LimitExceeded'));
    const scp = `{"Statement":{"Effect":"Allow","Action":"*"}}`;
    checkPolicyContent('SERVICE_CONTROL_POLICY', scp + ' '.repeat(5120 - scp.length));
    assert.throws(() => checkPolicyContent('SERVICE_CONTROL_POLICY', scp + ' '.repeat(5121 - scp.length)), isError('LimitExceeded'));
  });

  test('management policy types need only a JSON object', () => {
    checkPolicyContent('BACKUP_POLICY', '{"plans":{}}');
    assert.throws(() => checkPolicyContent('BACKUP_POLICY', '[1]'), malformed);
  });
});
