// A SAML 2.0 application: a service provider that trusts Gatehouse as its identity provider.
// The "aws-account" template fills in what an AWS account outside the organization expects
// (ACS, audience, the Role / RoleSessionName / SessionDuration attributes); "custom" is any SP.

export type ApplicationTemplate = 'custom' | 'aws-account';

/** SAML NameID formats, by their short names (the URNs are in src/saml/saml-constants.ts). */
export type NameIdFormat = 'persistent' | 'emailAddress' | 'unspecified' | 'transient';

/**
 * One SAML attribute and the value template it is filled from: `${user:email}`,
 * `${user:subject}`, `${user:userName}`, `${user:groups}` (one value per group),
 * `${path:enterprise.department}` (a path into the identity store user), or literal text.
 */
export interface AttributeMapping {
  readonly name: string;
  readonly value: string;
}

export interface Application {
  /** `app-` and 16 hex digits. */
  readonly applicationId: string;
  readonly name: string;
  readonly description?: string;
  readonly template: ApplicationTemplate;
  /** Where responses are posted (the SP's Assertion Consumer Service). */
  readonly acsUrl: string;
  /** The SP's entity id: the response's Audience. */
  readonly audience: string;
  readonly nameIdFormat: NameIdFormat;
  /** A value template, as in attribute mappings; `${user:subject}` by default. */
  readonly nameIdSource: string;
  readonly attributeMappings: readonly AttributeMapping[];
  /** ISO 8601 duration, PT15M..PT12H: the SP session (and, for AWS, SessionDuration). */
  readonly sessionDuration: string;
  /** Sent as RelayState on IdP-initiated sign-on. */
  readonly relayState?: string;
  /** When true, AuthnRequests must be signed with `spCertificatePem`. */
  readonly requireSignedAuthnRequests: boolean;
  readonly spCertificatePem?: string;
  /** Sign the Response as well as the Assertion. */
  readonly signResponse: boolean;
  readonly createdAt: number;
  readonly updatedAt: number;
}

/** An IAM role an "aws-account" assignment may take: the pair AWS's Role attribute carries. */
export interface AwsRolePair {
  readonly roleArn: string;
  readonly providerArn: string;
}

export type ApplicationPrincipalType = 'USER' | 'GROUP';

export interface ApplicationAssignment {
  readonly applicationId: string;
  readonly principalType: ApplicationPrincipalType;
  readonly principalId: string;
  /** "aws-account" applications only: the roles this principal may choose from. */
  readonly awsRoles: readonly AwsRolePair[];
  readonly createdAt: number;
}
