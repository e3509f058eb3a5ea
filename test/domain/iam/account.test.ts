// Account-wide IAM in the domain: SAML providers, account aliases, authorization details, and
// the principal-policies query for the policy engine.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sqliteBackend } from '../../support/backends.js';
import { iamFixture, rejects, TRUST, doc, ACCOUNT, OTHER_ACCOUNT, type IamFixture } from './support.js';

export const samlMetadata = (entityId: string, validUntil?: string) =>
  `<?xml version="1.0"?><md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="${entityId}"` +
  `${validUntil ? ` validUntil="${validUntil}"` : ''}><md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">` +
  `<md:KeyDescriptor use="signing"><ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:X509Data><ds:X509Certificate>${'MIIC'.padEnd(900, 'A')}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>` +
  `<md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="https://idp.example.com/sso"/></md:IDPSSODescriptor></md:EntityDescriptor>`;

describe('iam SAML providers and account aliases', () => {
  let f: IamFixture;
  before(async () => (f = await iamFixture(sqliteBackend)));
  after(() => f.dispose());

  test('SAML providers: create, get, list, update, delete', async () => {
    const p = await f.iam.createSamlProvider(ACCOUNT, 'Corp', samlMetadata('https://idp.example.com'), [{ key: 'k', value: 'v' }]);
    assert.equal(p.arn, `arn:aws:iam::${ACCOUNT}:saml-provider/Corp`);
    const got = await f.iam.getSamlProvider(ACCOUNT, p.arn);
    assert.equal(got.metadataDocument, samlMetadata('https://idp.example.com'));
    assert.equal(got.validUntil, undefined);
    assert.deepEqual(got.tags, [{ key: 'k', value: 'v' }]);
    await rejects(f.iam.createSamlProvider(ACCOUNT, 'Corp', samlMetadata('x')), { code: 'Conflict', reason: 'EntityAlreadyExists' });
    await rejects(f.iam.createSamlProvider(ACCOUNT, 'Other', 'not metadata'), { reason: 'InvalidInput' });
    await f.iam.updateSamlProvider(ACCOUNT, p.arn, samlMetadata('https://idp2.example.com', '2030-01-01T00:00:00Z'));
    const updated = await f.iam.getSamlProvider(ACCOUNT, p.arn);
    assert.equal(updated.validUntil, Date.UTC(2030, 0, 1));
    assert.deepEqual(await f.iam.listSamlProviders(ACCOUNT), [{ arn: p.arn, createdAt: p.createdAt, validUntil: Date.UTC(2030, 0, 1) }]);
    await rejects(f.iam.getSamlProvider(OTHER_ACCOUNT, p.arn), { code: 'NotFound', resource: 'SAMLProvider' });
    await f.iam.deleteSamlProvider(ACCOUNT, p.arn);
    await rejects(f.iam.getSamlProvider(ACCOUNT, p.arn), { code: 'NotFound' });
    await rejects(f.iam.deleteSamlProvider(ACCOUNT, p.arn), { code: 'NotFound' });
    await rejects(f.iam.getSamlProvider(ACCOUNT, 'arn:aws:iam::1:role/x'), { reason: 'InvalidInput' });
  });

  test('account aliases: one per account, unique across accounts', async () => {
    await f.iam.createAccountAlias(ACCOUNT, 'acme-prod');
    await f.iam.createAccountAlias(ACCOUNT, 'acme-prod');
    assert.deepEqual((await f.iam.listAccountAliases(ACCOUNT)).items, ['acme-prod']);
    await rejects(f.iam.createAccountAlias(ACCOUNT, 'acme-dev'), { code: 'LimitExceeded' });
    await rejects(f.iam.createAccountAlias(OTHER_ACCOUNT, 'acme-prod'), { code: 'Conflict', reason: 'EntityAlreadyExists' });
    await rejects(f.iam.createAccountAlias(OTHER_ACCOUNT, 'Bad--Alias'), { reason: 'InvalidInput' });
    await rejects(f.iam.deleteAccountAlias(OTHER_ACCOUNT, 'acme-prod'), { code: 'NotFound' });
    await f.iam.deleteAccountAlias(ACCOUNT, 'acme-prod');
    assert.deepEqual((await f.iam.listAccountAliases(ACCOUNT)).items, []);
    await f.iam.createAccountAlias(OTHER_ACCOUNT, 'acme-prod');
  });
});

describe('iam authorization details and principal policies', () => {
  let f: IamFixture;
  let customerArn: string;
  before(async () => {
    f = await iamFixture(sqliteBackend);
    await f.iam.createRole(ACCOUNT, { roleName: 'App', assumeRolePolicyDocument: TRUST, permissionsBoundary: 'arn:aws:iam::aws:policy/PowerUserAccess' });
    await f.iam.putRolePolicy(ACCOUNT, 'App', 'Inline', doc('dynamodb:GetItem'));
    customerArn = (await f.iam.createPolicy(ACCOUNT, { policyName: 'Custom', policyDocument: doc('sqs:*') })).arn;
    await f.iam.createPolicyVersion(ACCOUNT, customerArn, doc('sns:*'), true);
    await f.iam.attachRolePolicy(ACCOUNT, 'App', customerArn);
    await f.iam.attachRolePolicy(ACCOUNT, 'App', 'arn:aws:iam::aws:policy/AdministratorAccess');
    await f.iam.createIamUser(ACCOUNT, { userName: 'zed' });
    await f.iam.putUserPolicy(ACCOUNT, 'zed', 'Own', doc('s3:*'));
  });
  after(() => f.dispose());

  test('getPrincipalPolicies gathers inline, customer managed (default version) and AWS managed documents, and the boundary', async () => {
    const got = await f.iam.getPrincipalPolicies(ACCOUNT, { kind: 'role', name: 'app' });
    const byId = new Map(got.identity.map((p) => [p.id, p.document]));
    assert.equal(byId.get(`arn:aws:iam::${ACCOUNT}:role/App#Inline`), doc('dynamodb:GetItem'));
    assert.equal(byId.get(customerArn), doc('sns:*'));
    assert.deepEqual(JSON.parse(byId.get('arn:aws:iam::aws:policy/AdministratorAccess')!).Statement, [{ Effect: 'Allow', Action: '*', Resource: '*' }]);
    assert.equal(got.identity.length, 3);
    assert.equal(got.boundary?.id, 'arn:aws:iam::aws:policy/PowerUserAccess');
    assert.ok(JSON.parse(got.boundary!.document).Statement.length >= 1);
    const user = await f.iam.getPrincipalPolicies(ACCOUNT, { kind: 'user', name: 'zed' });
    assert.deepEqual(user, { identity: [{ id: `arn:aws:iam::${ACCOUNT}:user/zed#Own`, document: doc('s3:*') }] });
    await rejects(f.iam.getPrincipalPolicies(ACCOUNT, { kind: 'role', name: 'Missing' }), { code: 'NotFound' });
  });

  test('GetAccountAuthorizationDetails lists users, roles and policies with URL-encoded documents', async () => {
    const all = await f.iam.getAccountAuthorizationDetails(ACCOUNT);
    const kinds = all.items.map((d) => d.kind);
    assert.deepEqual(kinds, ['user', 'role', 'policy', 'policy', 'policy']);
    const role = all.items.find((d) => d.kind === 'role');
    assert.ok(role && role.kind === 'role');
    assert.equal(decodeURIComponent(role.role.assumeRolePolicyDocument), TRUST);
    assert.deepEqual(role.inline, [{ policyName: 'Inline', policyDocument: encodeURIComponent(doc('dynamodb:GetItem')).replace('*', '%2A') }]);
    assert.equal(role.attached.length, 2);
    const custom = all.items.find((d) => d.kind === 'policy' && d.policy.arn === customerArn);
    assert.ok(custom && custom.kind === 'policy');
    assert.deepEqual(custom.versions.map((v) => [v.versionId, v.isDefaultVersion]), [['v1', false], ['v2', true]]);
    assert.equal(decodeURIComponent(custom.versions[1]!.document!), doc('sns:*'));
    // Only the AWS managed policies in use are reported: AdministratorAccess and the PowerUserAccess boundary.
    const awsArns = all.items.filter((d) => d.kind === 'policy' && d.policy.arn.includes(':aws:policy/')).map((d) => (d.kind === 'policy' ? d.policy.policyName : ''));
    assert.deepEqual(awsArns.sort(), ['AdministratorAccess', 'PowerUserAccess']);
  });

  test('GetAccountAuthorizationDetails filters and pages', async () => {
    const roles = await f.iam.getAccountAuthorizationDetails(ACCOUNT, ['Role']);
    assert.deepEqual(roles.items.map((d) => d.kind), ['role']);
    const local = await f.iam.getAccountAuthorizationDetails(ACCOUNT, ['LocalManagedPolicy']);
    assert.equal(local.items.length, 1);
    const p1 = await f.iam.getAccountAuthorizationDetails(ACCOUNT, undefined, { maxItems: 2 });
    assert.equal(p1.isTruncated, true);
    const p2 = await f.iam.getAccountAuthorizationDetails(ACCOUNT, undefined, { maxItems: 10, marker: p1.marker });
    assert.equal(p1.items.length + p2.items.length, 5);
    await rejects(f.iam.getAccountAuthorizationDetails(ACCOUNT, ['Role'], { marker: p1.marker }), { field: 'Marker' });
  });
});
