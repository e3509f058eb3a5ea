// An identity provider for SAML tests: a signing key, its metadata, and valid responses for an
// AWS role, with the knobs the attack tests turn.

import { randomBytes } from 'node:crypto';
import { KeyRing } from '../../src/lib/key-ring.js';
import { generateIdpSigningKey, openIdpSigningKey, type SigningKey } from '../../src/saml/idp-signing-key.js';
import { buildIdpMetadata } from '../../src/saml/idp-metadata.js';
import { buildSamlResponse, type SamlResponseInput } from '../../src/saml/build-saml-response.js';
import { NAMEID_PERSISTENT } from '../../src/saml/saml-constants.js';

export const ISSUER = 'https://gatehouse.test/saml/app-1';
export const AWS_ACS = 'https://signin.aws.amazon.com/saml';
export const ATTR = 'https://aws.amazon.com/SAML/Attributes/';

export interface TestIdp {
  readonly key: SigningKey;
  readonly metadata: string;
}

export const newTestIdp = (now: number): TestIdp => {
  const ring = new KeyRing([{ id: 'idp', key: randomBytes(32) }]);
  const stored = generateIdpSigningKey(ring, { commonName: 'Gatehouse test IdP', now: now - 86_400_000 });
  return {
    key: openIdpSigningKey(ring, stored),
    metadata: buildIdpMetadata({ entityId: ISSUER, signingCertificatesPem: [stored.certificatePem], ssoUrl: 'https://gatehouse.test/saml/sso' }),
  };
};

export interface RoleTarget {
  readonly roleArn: string;
  readonly providerArn: string;
}

export const trustPolicyFor = (providerArn: string) =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Federated: providerArn },
        Action: ['sts:AssumeRoleWithSAML', 'sts:TagSession'],
        Condition: { StringEquals: { 'SAML:aud': AWS_ACS } },
      },
    ],
  });

/** A valid response (base64) for `target`, unless `over` changes it. */
export const responseFor = (idp: TestIdp, target: RoleTarget, now: number, over: Partial<SamlResponseInput> = {}): string =>
  buildSamlResponse({
    issuer: ISSUER,
    audience: 'urn:amazon:webservices',
    acsUrl: AWS_ACS,
    nameId: 'alice@example.com',
    nameIdFormat: NAMEID_PERSISTENT,
    attributes: {
      [`${ATTR}Role`]: [`${target.roleArn},${target.providerArn}`],
      [`${ATTR}RoleSessionName`]: ['alice@example.com'],
      [`${ATTR}SessionDuration`]: ['7200'],
      [`${ATTR}PrincipalTag:Department`]: ['Engineering'],
    },
    sessionNotOnOrAfter: now + 8 * 3600_000,
    inResponseTo: '_request1',
    now,
    signingKey: idp.key,
    ...over,
  });

export const decode = (b64: string) => Buffer.from(b64, 'base64').toString('utf8');
export const encode = (xml: string) => Buffer.from(xml, 'utf8').toString('base64');
