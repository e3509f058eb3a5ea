// AssumeRoleWithSAML's decision and session once the assertion is genuine: the trust policy
// with the SAML: keys, the session's duration, tags and source identity, key rotation.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openDomainFixture, TEST_ACCOUNT_ID, type DomainFixture } from '../support/domain-fixture.js';
import { assumeRoleWithSaml } from '../../src/domain/sts/assume-role-with-saml.js';
import { buildIdpMetadata } from '../../src/saml/idp-metadata.js';
import { isGatehouseError } from '../../src/lib/errors.js';
import { lookupException } from '../../src/protocols/errors/exception-table.js';
import { ATTR, ISSUER, newTestIdp, responseFor, trustPolicyFor, type RoleTarget, type TestIdp } from './saml-fixture.js';

const START = Date.UTC(2026, 10, 28, 12, 0, 0);
const FACTS = { sourceIp: '192.0.2.1', secureTransport: true, region: 'us-east-1' };
const PROVIDER = `arn:aws:iam::${TEST_ACCOUNT_ID}:saml-provider/Gatehouse`;
const roleArn = (name: string) => `arn:aws:iam::${TEST_ACCOUNT_ID}:role/${name}`;

let fx: DomainFixture;
let idp: TestIdp;
let nextIdp: TestIdp;

const call = (target: RoleTarget, samlAssertion: string, extra: { durationSeconds?: number } = {}) =>
  assumeRoleWithSaml(fx.ports, { roleArn: target.roleArn, principalArn: target.providerArn, samlAssertion, ...extra }, FACTS);

const refusedAs = async (p: Promise<unknown>): Promise<string> => {
  try {
    await p;
  } catch (e) {
    assert.ok(isGatehouseError(e), String(e));
    return lookupException('sts', e.code, e.details.resource)!.name;
  }
  assert.fail('the request was accepted');
};

const attributes = (target: RoleTarget, more: Record<string, string[]> = {}) => ({
  [`${ATTR}Role`]: [`${target.providerArn},${target.roleArn}`],
  [`${ATTR}RoleSessionName`]: ['alice'],
  ...more,
});

before(async () => {
  fx = await openDomainFixture(undefined, START);
  idp = newTestIdp(START);
  nextIdp = newTestIdp(START);
  // A rotation in progress: the next certificate is published before it signs.
  const metadata = buildIdpMetadata({ entityId: ISSUER, signingCertificatesPem: [idp.key.certificatePem, nextIdp.key.certificatePem], ssoUrl: 'https://gatehouse.test/sso' });
  await fx.services.iam.createSamlProvider(TEST_ACCOUNT_ID, 'Gatehouse', metadata);
  await fx.services.iam.createSamlProvider(TEST_ACCOUNT_ID, 'Other', metadata);
  const create = (roleName: string, trust: string, maxSessionDuration = 3600) =>
    fx.services.iam.createRole(TEST_ACCOUNT_ID, { roleName, assumeRolePolicyDocument: trust, maxSessionDuration });
  await create('Short', trustPolicyFor(PROVIDER));
  await create('Long', trustPolicyFor(PROVIDER), 43200);
  await create('TrustsOther', trustPolicyFor(`arn:aws:iam::${TEST_ACCOUNT_ID}:saml-provider/Other`));
  const sourced = JSON.parse(trustPolicyFor(PROVIDER));
  sourced.Statement[0].Action.push('sts:SetSourceIdentity');
  await create('Sourced', JSON.stringify(sourced), 43200);
  const onlyBob = JSON.parse(trustPolicyFor(PROVIDER));
  onlyBob.Statement[0].Condition.StringEquals['SAML:sub'] = 'bob@example.com';
  onlyBob.Statement[0].Condition.StringEquals['SAML:iss'] = ISSUER;
  await create('OnlyBob', JSON.stringify(onlyBob));
});
after(() => fx.dispose());

describe('AssumeRoleWithSAML sessions', () => {
  it('caps the SessionDuration attribute at the role maximum, and bounds it by SessionNotOnOrAfter', async () => {
    const short = { roleArn: roleArn('Short'), providerArn: PROVIDER };
    const now = fx.clock.now();
    const out = await call(short, responseFor(idp, short, now, { attributes: attributes(short, { [`${ATTR}SessionDuration`]: ['7200'] }) }));
    assert.equal(out.credentials.expiration, now + 3600_000);
    const long = { roleArn: roleArn('Long'), providerArn: PROVIDER };
    const bounded = await call(long, responseFor(idp, long, now, { attributes: attributes(long, { [`${ATTR}SessionDuration`]: ['43200'] }), sessionNotOnOrAfter: now + 1800_000 }));
    assert.equal(bounded.credentials.expiration, now + 1800_000);
  });

  it('refuses DurationSeconds above the role maximum', async () => {
    const short = { roleArn: roleArn('Short'), providerArn: PROVIDER };
    assert.equal(await refusedAs(call(short, responseFor(idp, short, fx.clock.now(), { attributes: attributes(short) }), { durationSeconds: 7200 })), 'ValidationError');
  });

  it('carries principal tags, transitive keys and the source identity into the session', async () => {
    const more = { [`${ATTR}PrincipalTag:Project`]: ['Apollo'], [`${ATTR}TransitiveTagKeys`]: ['Project'], [`${ATTR}SourceIdentity`]: ['alice'] };
    // Setting a source identity needs sts:SetSourceIdentity in the trust policy.
    const plain = { roleArn: roleArn('Long'), providerArn: PROVIDER };
    await assert.rejects(call(plain, responseFor(idp, plain, fx.clock.now(), { attributes: attributes(plain, more) })), /sts:SetSourceIdentity/);
    const long = { roleArn: roleArn('Sourced'), providerArn: PROVIDER };
    const out = await call(long, responseFor(idp, long, fx.clock.now(), { attributes: attributes(long, more) }));
    assert.deepEqual(out.session.tags, [{ key: 'Project', value: 'Apollo' }]);
    assert.deepEqual(out.session.transitiveTagKeys, ['Project']);
    assert.equal(out.sourceIdentity, 'alice');
    assert.equal(out.session.sessionName, 'alice');
    assert.ok(out.packedPolicySize! > 0);
  });

  it('accepts the next certificate of a rotation published in the metadata', async () => {
    const long = { roleArn: roleArn('Long'), providerArn: PROVIDER };
    const out = await call(long, responseFor(nextIdp, long, fx.clock.now(), { attributes: attributes(long) }));
    assert.match(out.assumedRoleUser.arn, /assumed-role\/Long\/alice$/);
  });

  it('lets the trust policy decide: another provider, and SAML:sub conditions', async () => {
    const other = { roleArn: roleArn('TrustsOther'), providerArn: PROVIDER };
    assert.equal(await refusedAs(call(other, responseFor(idp, other, fx.clock.now(), { attributes: attributes(other) }))), 'AccessDenied');
    const bob = { roleArn: roleArn('OnlyBob'), providerArn: PROVIDER };
    assert.equal(await refusedAs(call(bob, responseFor(idp, bob, fx.clock.now(), { attributes: attributes(bob) }))), 'AccessDenied');
    const out = await call(bob, responseFor(idp, bob, fx.clock.now(), { nameId: 'bob@example.com', attributes: attributes(bob) }));
    assert.equal(out.subject, 'bob@example.com');
  });

  it('refuses a provider of another account than the role, and an unknown provider', async () => {
    const foreign = { roleArn: roleArn('Long'), providerArn: 'arn:aws:iam::999988887777:saml-provider/Gatehouse' };
    assert.equal(await refusedAs(call(foreign, responseFor(idp, foreign, fx.clock.now(), { attributes: attributes(foreign) }))), 'AccessDenied');
    const unknown = { roleArn: roleArn('Long'), providerArn: `arn:aws:iam::${TEST_ACCOUNT_ID}:saml-provider/Nope` };
    assert.equal(await refusedAs(call(unknown, responseFor(idp, unknown, fx.clock.now(), { attributes: attributes(unknown) }))), 'InvalidIdentityToken');
  });

  it('requires a valid RoleSessionName attribute', async () => {
    const long = { roleArn: roleArn('Long'), providerArn: PROVIDER };
    const none = { [`${ATTR}Role`]: [`${long.roleArn},${long.providerArn}`] };
    assert.equal(await refusedAs(call(long, responseFor(idp, long, fx.clock.now(), { attributes: none }))), 'InvalidIdentityToken');
    const bad = attributes(long, { [`${ATTR}RoleSessionName`]: ['no spaces allowed'] });
    assert.equal(await refusedAs(call(long, responseFor(idp, long, fx.clock.now(), { attributes: bad }))), 'InvalidIdentityToken');
  });
});
