// The IAM policy simulator through the real IAM client (and the AWS CLI where installed),
// answered by Gatehouse's policy engine.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import {
  IAMClient,
  SimulateCustomPolicyCommand,
  GetContextKeysForCustomPolicyCommand,
  SimulatePrincipalPolicyCommand,
  GetContextKeysForPrincipalPolicyCommand,
} from '@aws-sdk/client-iam';
import { startTestServer, type TestServer } from '../support/server.js';
import { awsError } from '../support/aws-error.js';

const POLICY = JSON.stringify(
  {
    Version: '2012-10-17',
    Statement: [
      { Sid: 'Read', Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::reports/${aws:username}/*' },
      { Sid: 'NoDeletes', Effect: 'Deny', Action: 's3:Delete*', Resource: '*', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'false' } } },
    ],
  },
  null,
  2,
);

/** The CLI's environment: the test server's key and nothing from the developer's own config. */
const cliEnv = (server: TestServer) => {
  const env: NodeJS.ProcessEnv = { ...process.env, AWS_ACCESS_KEY_ID: server.credentials.accessKeyId, AWS_SECRET_ACCESS_KEY: server.credentials.secretAccessKey, AWS_CONFIG_FILE: '/dev/null', AWS_SHARED_CREDENTIALS_FILE: '/dev/null' };
  delete env.AWS_PROFILE;
  delete env.AWS_SESSION_TOKEN;
  return env;
};

const whichAws = async () => promisify(execFile)('aws', ['--version']).then(() => true, () => false);

for (const backend of ['sqlite', 'postgres'] as const) {
  describe(`iam simulation conformance (${backend})`, () => {
    let server: TestServer;
    let iam: IAMClient;
    before(async () => {
      server = await startTestServer({ backend });
      iam = new IAMClient(server.clientConfig);
    });
    after(() => server.close());

    test('SimulateCustomPolicy: allowed with variables, explicit deny, implicit deny, positions', async () => {
      const out = await iam.send(
        new SimulateCustomPolicyCommand({
          PolicyInputList: [POLICY],
          ActionNames: ['s3:GetObject', 's3:DeleteObject', 's3:PutObject'],
          ResourceArns: ['arn:aws:s3:::reports/alice/q1.csv'],
          ContextEntries: [
            { ContextKeyName: 'aws:username', ContextKeyValues: ['alice'], ContextKeyType: 'string' },
            { ContextKeyName: 'aws:MultiFactorAuthPresent', ContextKeyValues: ['false'], ContextKeyType: 'boolean' },
          ],
        }),
      );
      assert.deepEqual(out.EvaluationResults?.map((r) => [r.EvalActionName, r.EvalDecision]), [
        ['s3:GetObject', 'allowed'],
        ['s3:DeleteObject', 'explicitDeny'],
        ['s3:PutObject', 'implicitDeny'],
      ]);
      const matched = out.EvaluationResults![1].MatchedStatements![0];
      assert.equal(matched.SourcePolicyId, 'PolicyInputList.1');
      assert.deepEqual(matched.StartPosition, { Line: 10, Column: 5 });
      assert.equal(out.IsTruncated, false);
    });

    test('SimulateCustomPolicy reports missing context values and the boundary', async () => {
      const out = await iam.send(
        new SimulateCustomPolicyCommand({
          PolicyInputList: [POLICY],
          PermissionsBoundaryPolicyInputList: [JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:List*', Resource: '*' }] })],
          ActionNames: ['s3:GetObject'],
          ResourceArns: ['arn:aws:s3:::reports/alice/q1.csv'],
        }),
      );
      const [r] = out.EvaluationResults!;
      assert.equal(r.EvalDecision, 'implicitDeny');
      assert.ok(r.MissingContextValues?.includes('aws:username'), String(r.MissingContextValues));
      assert.deepEqual(r.PermissionsBoundaryDecisionDetail, { AllowedByPermissionsBoundary: false });
    });

    test('a malformed policy is refused, naming the input', async () => {
      await assert.rejects(
        iam.send(new SimulateCustomPolicyCommand({ PolicyInputList: ['{"Statement":[{"Effect":"Perhaps","Action":"*","Resource":"*"}]}'], ActionNames: ['s3:GetObject'] })),
        (e: Error) => awsError('MalformedPolicyDocumentException', 400)(e) && /PolicyInputList\.1/.test(e.message),
      );
    });

    test('GetContextKeysForCustomPolicy lists condition keys and variables', async () => {
      const out = await iam.send(new GetContextKeysForCustomPolicyCommand({ PolicyInputList: [POLICY] }));
      assert.deepEqual(out.ContextKeyNames, ['aws:username', 'aws:MultiFactorAuthPresent']);
    });

    test('SimulatePrincipalPolicy decides with the administrator policies', async () => {
      const { ownerAccountId } = await server.server.services.instance.get();
      const arn = `arn:aws:iam::${ownerAccountId}:user/admin`;
      const out = await iam.send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: arn, ActionNames: ['sso:CreatePermissionSet', 'iam:CreateRole'] }));
      assert.deepEqual(out.EvaluationResults?.map((r) => r.EvalDecision), ['allowed', 'allowed']);
      assert.equal(out.EvaluationResults![0].MatchedStatements![0].SourcePolicyId, 'arn:aws:iam::aws:policy/AdministratorAccess');
      assert.equal(out.EvaluationResults![0].MatchedStatements![0].SourcePolicyType, 'aws-managed');
      const keys = await iam.send(new GetContextKeysForPrincipalPolicyCommand({ PolicySourceArn: arn, PolicyInputList: [POLICY] }));
      assert.deepEqual(keys.ContextKeyNames, ['aws:username', 'aws:MultiFactorAuthPresent']);
    });

    test('aws iam simulate-custom-policy works against Gatehouse (when the AWS CLI is installed)', async (t) => {
      if (!(await whichAws())) return t.skip('the AWS CLI is not installed');
      const { stdout } = await promisify(execFile)(
        'aws',
        ['iam', 'simulate-custom-policy', '--endpoint-url', server.endpoint, '--region', 'us-east-1', '--output', 'json',
          '--policy-input-list', POLICY, '--action-names', 's3:GetObject', '--resource-arns', 'arn:aws:s3:::reports/bob/x',
          '--context-entries', 'ContextKeyName=aws:username,ContextKeyValues=bob,ContextKeyType=string'],
        { env: cliEnv(server) },
      );
      assert.equal(JSON.parse(stdout).EvaluationResults[0].EvalDecision, 'allowed');
    });
  });
}
