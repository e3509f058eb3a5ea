// The real IAM client against a running server (both back ends): roles, policies and versions,
// users and access keys, SAML providers, aliases, authorization details, and IAM's error names.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  IAMClient,
  AttachRolePolicyCommand,
  CreateAccessKeyCommand,
  CreateAccountAliasCommand,
  CreatePolicyCommand,
  CreatePolicyVersionCommand,
  CreateRoleCommand,
  CreateSAMLProviderCommand,
  CreateUserCommand,
  DeleteAccessKeyCommand,
  DeletePolicyCommand,
  DeletePolicyVersionCommand,
  DeleteRoleCommand,
  DeleteRolePolicyCommand,
  DeleteSAMLProviderCommand,
  DeleteUserCommand,
  DetachRolePolicyCommand,
  GetAccountAuthorizationDetailsCommand,
  GetPolicyCommand,
  GetPolicyVersionCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  GetSAMLProviderCommand,
  GetUserCommand,
  ListAccessKeysCommand,
  ListAccountAliasesCommand,
  ListAttachedRolePoliciesCommand,
  ListEntitiesForPolicyCommand,
  ListPoliciesCommand,
  ListPolicyVersionsCommand,
  ListRolePoliciesCommand,
  ListRoleTagsCommand,
  ListRolesCommand,
  ListSAMLProvidersCommand,
  PutRolePolicyCommand,
  TagRoleCommand,
  UpdateAccessKeyCommand,
  UpdateRoleCommand,
  paginateListRoles,
} from '@aws-sdk/client-iam';
import { STSClient, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { startTestServer, type TestServer } from '../support/server.js';

const TRUST = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
});
const doc = (action: string) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: action, Resource: '*' }] });
const METADATA =
  '<?xml version="1.0"?><md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://idp.example.com">' +
  `<md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"><md:KeyDescriptor use="signing"><ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:X509Data><ds:X509Certificate>${'MIIC'.padEnd(900, 'A')}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>` +
  '<md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="https://idp.example.com/sso"/></md:IDPSSODescriptor></md:EntityDescriptor>';

/** Asserts the call fails with IAM's exception `name` (as the SDK names it) and HTTP `status`. */
const rejectsAs = (p: Promise<unknown>, name: string, status?: number) =>
  assert.rejects(p, (e: any) => {
    assert.equal(e.name, name);
    if (status !== undefined) assert.equal(e.$metadata?.httpStatusCode, status);
    return true;
  });

for (const backend of ['sqlite', 'postgres'] as const) {
  describe(`iam conformance (${backend})`, () => {
    let server: TestServer;
    let iam: IAMClient;
    let account: string;
    before(async () => {
      server = await startTestServer({ backend });
      iam = new IAMClient(server.clientConfig);
      account = (await server.server.services.instance.get()).ownerAccountId;
    });
    after(() => server.close());

    test('CreateRole, GetRole (trust policy URL-encoded), UpdateRole, TagRole', async () => {
      const created = await iam.send(
        new CreateRoleCommand({ RoleName: 'Lambda', Path: '/apps/', AssumeRolePolicyDocument: TRUST, Description: 'fn', MaxSessionDuration: 7200, Tags: [{ Key: 'a', Value: 'b' }] }),
      );
      assert.equal(created.Role?.Arn, `arn:aws:iam::${account}:role/apps/Lambda`);
      assert.match(created.Role?.RoleId ?? '', /^AROA/);
      assert.ok(created.Role?.CreateDate instanceof Date);
      const got = await iam.send(new GetRoleCommand({ RoleName: 'lambda' }));
      assert.equal(decodeURIComponent(got.Role?.AssumeRolePolicyDocument ?? ''), TRUST);
      assert.equal(got.Role?.MaxSessionDuration, 7200);
      assert.deepEqual(got.Role?.Tags, [{ Key: 'a', Value: 'b' }]);
      await iam.send(new UpdateRoleCommand({ RoleName: 'Lambda', MaxSessionDuration: 3600, Description: 'changed' }));
      await iam.send(new TagRoleCommand({ RoleName: 'Lambda', Tags: [{ Key: 'c', Value: 'd' }] }));
      const tags = await iam.send(new ListRoleTagsCommand({ RoleName: 'Lambda' }));
      assert.deepEqual(tags.Tags, [{ Key: 'a', Value: 'b' }, { Key: 'c', Value: 'd' }]);
      assert.equal(tags.IsTruncated, false);
    });

    test('IAM error names and statuses', async () => {
      await rejectsAs(iam.send(new GetRoleCommand({ RoleName: 'Nope' })), 'NoSuchEntityException', 404);
      await rejectsAs(iam.send(new CreateRoleCommand({ RoleName: 'LAMBDA', AssumeRolePolicyDocument: TRUST })), 'EntityAlreadyExistsException', 409);
      await rejectsAs(iam.send(new CreateRoleCommand({ RoleName: 'Bad', AssumeRolePolicyDocument: '{nope' })), 'MalformedPolicyDocumentException', 400);
    });

    test('inline and attached role policies; DeleteRole refused with DeleteConflict until they are gone', async () => {
      await iam.send(new PutRolePolicyCommand({ RoleName: 'Lambda', PolicyName: 'Logs', PolicyDocument: doc('logs:*') }));
      const inline = await iam.send(new GetRolePolicyCommand({ RoleName: 'Lambda', PolicyName: 'Logs' }));
      assert.equal(decodeURIComponent(inline.PolicyDocument ?? ''), doc('logs:*'));
      assert.deepEqual((await iam.send(new ListRolePoliciesCommand({ RoleName: 'Lambda' }))).PolicyNames, ['Logs']);
      await iam.send(new AttachRolePolicyCommand({ RoleName: 'Lambda', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }));
      const attached = await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: 'Lambda' }));
      assert.deepEqual(attached.AttachedPolicies, [{ PolicyName: 'ReadOnlyAccess', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }]);
      await rejectsAs(iam.send(new AttachRolePolicyCommand({ RoleName: 'Lambda', PolicyArn: 'arn:aws:iam::aws:policy/NoSuchThing' })), 'NoSuchEntityException');
      await rejectsAs(iam.send(new DeleteRoleCommand({ RoleName: 'Lambda' })), 'DeleteConflictException', 409);
      await iam.send(new DetachRolePolicyCommand({ RoleName: 'Lambda', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }));
      await iam.send(new DeleteRolePolicyCommand({ RoleName: 'Lambda', PolicyName: 'Logs' }));
      await iam.send(new DeleteRoleCommand({ RoleName: 'Lambda' }));
    });

    test('ListRoles pages with Marker and MaxItems (the SDK paginator walks every page)', async () => {
      for (let i = 0; i < 5; i++) await iam.send(new CreateRoleCommand({ RoleName: `Paged${i}`, Path: '/paged/', AssumeRolePolicyDocument: TRUST }));
      const first = await iam.send(new ListRolesCommand({ PathPrefix: '/paged/', MaxItems: 2 }));
      assert.equal(first.IsTruncated, true);
      assert.ok(first.Marker);
      const names: string[] = [];
      for await (const page of paginateListRoles({ client: iam, pageSize: 2 }, { PathPrefix: '/paged/' })) {
        names.push(...(page.Roles ?? []).map((r) => r.RoleName!));
      }
      assert.deepEqual(names, ['Paged0', 'Paged1', 'Paged2', 'Paged3', 'Paged4']);
    });

    test('customer managed policies with versions; AWS managed policies readable', async () => {
      const created = await iam.send(new CreatePolicyCommand({ PolicyName: 'Queue', PolicyDocument: doc('sqs:*'), Description: 'queues' }));
      const arn = created.Policy!.Arn!;
      assert.equal(arn, `arn:aws:iam::${account}:policy/Queue`);
      assert.equal(created.Policy?.DefaultVersionId, 'v1');
      const v2 = await iam.send(new CreatePolicyVersionCommand({ PolicyArn: arn, PolicyDocument: doc('sns:*'), SetAsDefault: true }));
      assert.equal(v2.PolicyVersion?.VersionId, 'v2');
      const got = await iam.send(new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: 'v2' }));
      assert.equal(decodeURIComponent(got.PolicyVersion?.Document ?? ''), doc('sns:*'));
      assert.equal(got.PolicyVersion?.IsDefaultVersion, true);
      const versions = await iam.send(new ListPolicyVersionsCommand({ PolicyArn: arn }));
      assert.deepEqual(versions.Versions?.map((v) => v.VersionId), ['v2', 'v1']);
      await rejectsAs(iam.send(new DeletePolicyVersionCommand({ PolicyArn: arn, VersionId: 'v2' })), 'DeleteConflictException');
      await rejectsAs(iam.send(new DeletePolicyCommand({ PolicyArn: arn })), 'DeleteConflictException');
      await iam.send(new DeletePolicyVersionCommand({ PolicyArn: arn, VersionId: 'v1' }));
      const aws = await iam.send(new GetPolicyCommand({ PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' }));
      assert.equal(aws.Policy?.PolicyName, 'AdministratorAccess');
      const local = await iam.send(new ListPoliciesCommand({ Scope: 'Local' }));
      assert.deepEqual(local.Policies?.map((p) => p.PolicyName), ['Queue']);
      const entities = await iam.send(new ListEntitiesForPolicyCommand({ PolicyArn: arn }));
      assert.deepEqual([entities.PolicyRoles, entities.PolicyUsers], [[], []]);
      await iam.send(new DeletePolicyCommand({ PolicyArn: arn }));
    });

    test('users and access keys: a new key signs requests until it is made inactive', async () => {
      const user = await iam.send(new CreateUserCommand({ UserName: 'ci', Path: '/bots/' }));
      assert.equal(user.User?.Arn, `arn:aws:iam::${account}:user/bots/ci`);
      const key = (await iam.send(new CreateAccessKeyCommand({ UserName: 'ci' }))).AccessKey!;
      assert.match(key.AccessKeyId ?? '', /^AKIA/);
      const sts = new STSClient({ ...server.clientConfig, credentials: { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! } });
      // The key authenticates (the caller may still lack permissions: AccessDenied, not InvalidClientTokenId).
      await sts.send(new GetCallerIdentityCommand({})).then(
        (id) => assert.equal(id.Arn, `arn:aws:iam::${account}:user/bots/ci`),
        (e) => assert.equal(e.name, 'AccessDenied'),
      );
      const me = await iam.send(new GetUserCommand({}));
      assert.equal(me.User?.UserName, 'admin');
      const keys = await iam.send(new ListAccessKeysCommand({ UserName: 'ci' }));
      assert.equal(keys.AccessKeyMetadata?.[0]?.Status, 'Active');
      await iam.send(new UpdateAccessKeyCommand({ UserName: 'ci', AccessKeyId: key.AccessKeyId!, Status: 'Inactive' }));
      await rejectsAs(sts.send(new GetCallerIdentityCommand({})), 'InvalidClientTokenId', 403);
      await rejectsAs(iam.send(new DeleteUserCommand({ UserName: 'ci' })), 'DeleteConflictException');
      await iam.send(new DeleteAccessKeyCommand({ UserName: 'ci', AccessKeyId: key.AccessKeyId! }));
      await iam.send(new DeleteUserCommand({ UserName: 'ci' }));
    });

    test('SAML providers, account alias, authorization details', async () => {
      const { SAMLProviderArn } = await iam.send(new CreateSAMLProviderCommand({ Name: 'Corp', SAMLMetadataDocument: METADATA }));
      assert.equal(SAMLProviderArn, `arn:aws:iam::${account}:saml-provider/Corp`);
      assert.equal((await iam.send(new GetSAMLProviderCommand({ SAMLProviderArn }))).SAMLMetadataDocument, METADATA);
      assert.deepEqual((await iam.send(new ListSAMLProvidersCommand({}))).SAMLProviderList?.map((p) => p.Arn), [SAMLProviderArn]);
      await iam.send(new DeleteSAMLProviderCommand({ SAMLProviderArn }));
      await iam.send(new CreateAccountAliasCommand({ AccountAlias: `gh-${backend}` }));
      assert.deepEqual((await iam.send(new ListAccountAliasesCommand({}))).AccountAliases, [`gh-${backend}`]);
      const details = await iam.send(new GetAccountAuthorizationDetailsCommand({ Filter: ['User', 'Role'] }));
      assert.ok(details.UserDetailList?.some((u) => u.UserName === 'admin'));
      assert.ok(details.RoleDetailList?.every((r) => decodeURIComponent(r.AssumeRolePolicyDocument ?? '').startsWith('{')));
    });
  });
}
