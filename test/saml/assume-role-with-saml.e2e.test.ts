// AssumeRoleWithSAML end to end: the real STS client against a running server. The management
// account trusts our identity provider through an IAM SAML provider made from our metadata; a
// response we sign is exchanged for credentials, and those credentials sign requests.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AssumeRoleWithSAMLCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { startTestServer, type TestServer } from '../support/server.js';
import { newTestIdp, responseFor, trustPolicyFor, type RoleTarget, type TestIdp } from './saml-fixture.js';

describe('sts AssumeRoleWithSAML through the AWS SDK', () => {
  let server: TestServer;
  let idp: TestIdp;
  let target: RoleTarget;

  before(async () => {
    server = await startTestServer();
    const services = server.server.services;
    const account = (await services.organizations.describeOrganization()).managementAccountId;
    idp = newTestIdp(Date.now());
    const provider = await services.iam.createSamlProvider(account, 'GatehouseApp', idp.metadata);
    const role = await services.iam.createRole(account, { roleName: 'SamlEngineer', assumeRolePolicyDocument: trustPolicyFor(provider.arn) });
    target = { roleArn: role.arn, providerArn: provider.arn };
  });
  after(() => server?.close());

  // The SDK sends AssumeRoleWithSAML unsigned (smithy.api#noAuth), as AWS takes it: the
  // assertion is the credential. No credentials are configured at all.
  const samlClient = () => new STSClient({ endpoint: server.endpoint, region: server.region, maxAttempts: 1 });

  it('exchanges a signed assertion for credentials of the role session', async () => {
    const out = await samlClient().send(
      new AssumeRoleWithSAMLCommand({ RoleArn: target.roleArn, PrincipalArn: target.providerArn, SAMLAssertion: responseFor(idp, target, Date.now()) }),
    );
    const account = target.roleArn.split(':')[4];
    assert.equal(out.AssumedRoleUser?.Arn, `arn:aws:sts::${account}:assumed-role/SamlEngineer/alice@example.com`);
    assert.equal(out.Subject, 'alice@example.com');
    assert.equal(out.SubjectType, 'persistent');
    assert.equal(out.Issuer, 'https://gatehouse.test/saml/app-1');
    assert.equal(out.Audience, 'https://signin.aws.amazon.com/saml');
    assert.ok(out.NameQualifier);
    assert.match(out.Credentials!.AccessKeyId!, /^ASIA/);
    const sts = new STSClient({
      ...server.clientConfig,
      maxAttempts: 1,
      credentials: { accessKeyId: out.Credentials!.AccessKeyId!, secretAccessKey: out.Credentials!.SecretAccessKey!, sessionToken: out.Credentials!.SessionToken! },
    });
    const me = await sts.send(new GetCallerIdentityCommand({}));
    assert.equal(me.Arn, `arn:aws:sts::${account}:assumed-role/SamlEngineer/alice@example.com`);
  });

  it('answers a forged assertion with InvalidIdentityToken and a wrong audience with IDPRejectedClaim', async () => {
    const send = (SAMLAssertion: string) =>
      samlClient().send(new AssumeRoleWithSAMLCommand({ RoleArn: target.roleArn, PrincipalArn: target.providerArn, SAMLAssertion }));
    await assert.rejects(send(responseFor(newTestIdp(Date.now()), target, Date.now())), { name: 'InvalidIdentityTokenException' });
    await assert.rejects(send(responseFor(idp, target, Date.now(), { audience: 'https://elsewhere.example' })), (e: { name: string; $metadata: { httpStatusCode: number } }) => {
      assert.equal(e.name, 'IDPRejectedClaimException');
      assert.equal(e.$metadata.httpStatusCode, 403);
      return true;
    });
  });
});
