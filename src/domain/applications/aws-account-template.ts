// What an AWS account outside the organization expects of a SAML response (IAM User Guide,
// "Configure SAML assertions for the authentication response"): posted to AWS sign-in, for
// the audience urn:amazon:webservices, a persistent NameID, and the Role (from the
// assignment), RoleSessionName and SessionDuration (900..43200 seconds) attributes.

import type { AttributeMapping, NameIdFormat } from './application.js';

export const AWS_SAML_ATTRIBUTE = 'https://aws.amazon.com/SAML/Attributes/';
/** `roleArn,providerArn` per role the user may take; Gatehouse fills it from assignments. */
export const AWS_ROLE_ATTRIBUTE = `${AWS_SAML_ATTRIBUTE}Role`;
export const AWS_ROLE_SESSION_NAME_ATTRIBUTE = `${AWS_SAML_ATTRIBUTE}RoleSessionName`;
export const AWS_SESSION_DURATION_ATTRIBUTE = `${AWS_SAML_ATTRIBUTE}SessionDuration`;

export interface AwsAccountDefaults {
  readonly acsUrl: string;
  readonly audience: string;
  readonly nameIdFormat: NameIdFormat;
  readonly nameIdSource: string;
  readonly attributeMappings: readonly AttributeMapping[];
}

export const AWS_ACCOUNT_DEFAULTS: AwsAccountDefaults = {
  acsUrl: 'https://signin.aws.amazon.com/saml',
  audience: 'urn:amazon:webservices',
  nameIdFormat: 'persistent',
  nameIdSource: '${user:subject}',
  attributeMappings: [
    { name: AWS_ROLE_SESSION_NAME_ATTRIBUTE, value: '${user:userName}' },
    // A variable, not a number: it follows the application's sessionDuration when that changes.
    { name: AWS_SESSION_DURATION_ATTRIBUTE, value: '${app:sessionDurationSeconds}' },
  ],
};

/** Defaults of every application. */
export const DEFAULT_SESSION_DURATION = 'PT1H';
export const DEFAULT_NAME_ID_SOURCE = '${user:subject}';
