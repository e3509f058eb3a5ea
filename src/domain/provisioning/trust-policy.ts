// The SAML provider Identity Center keeps in every account it provisions to, and the trust
// policy of each provisioned role: federated to that provider for AssumeRoleWithSAML and
// TagSession, for the AWS sign-in audience, as AWS writes it.

import { samlProviderArn } from '../iam/names.js';

/** `AWSSSO_{16 hex}_DO_NOT_DELETE`: the hex is the instance's, so it is the same in every account. */
export const samlProviderName = (instanceArn: string): string =>
  `AWSSSO_${instanceArn.slice(instanceArn.lastIndexOf('/') + 1).replace(/^(sso)?ins-/, '')}_DO_NOT_DELETE`;

export const trustPolicy = (accountId: string, providerName: string): string =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Federated: samlProviderArn(accountId, providerName) },
        Action: ['sts:AssumeRoleWithSAML', 'sts:TagSession'],
        Condition: { StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' } },
      },
    ],
  });

/** The identity provider's metadata as the account's SAML provider keeps it. */
export const samlProviderMetadata = (instanceArn: string): string =>
  '<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" ' +
  `entityID="https://gatehouse.invalid/saml/${instanceArn.slice(instanceArn.lastIndexOf('/') + 1)}">` +
  '<md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"/></md:EntityDescriptor>';
