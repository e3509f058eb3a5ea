// IAM's model, as plain immutable records. Times are epoch milliseconds; documents are kept as
// the JSON text the caller sent (URL-encoding happens only on the way out). `nameKey` is the
// lower-cased name: IAM names are unique per account regardless of case.

export interface Tag {
  readonly key: string;
  readonly value: string;
}

export interface IamUser {
  readonly accountId: string;
  readonly userName: string;
  /** `AIDA…` */
  readonly userId: string;
  readonly path: string;
  readonly arn: string;
  readonly createdAt: number;
  readonly permissionsBoundaryArn?: string;
  readonly tags?: readonly Tag[];
}

export interface AccessKey {
  readonly accessKeyId: string;
  readonly accountId: string;
  readonly userName: string;
  /** The secret, sealed with the key ring (never stored in the clear). */
  readonly secretSealed: string;
  readonly status: 'Active' | 'Inactive';
  readonly createdAt: number;
  readonly lastUsed?: { readonly at: number; readonly serviceName: string; readonly region: string };
}

export interface IamRole {
  readonly accountId: string;
  readonly roleName: string;
  /** `AROA…` */
  readonly roleId: string;
  readonly path: string;
  readonly arn: string;
  readonly createdAt: number;
  readonly assumeRolePolicyDocument: string;
  readonly description?: string;
  readonly maxSessionDuration: number;
  readonly permissionsBoundaryArn?: string;
  readonly tags: readonly Tag[];
}

/** Whose inline policies and attachments: a user, a role (groups come later). */
export type PrincipalKind = 'user' | 'role';

export interface PrincipalRef {
  readonly kind: PrincipalKind;
  readonly name: string;
}

export interface InlinePolicy {
  readonly accountId: string;
  readonly principalKind: PrincipalKind;
  /** The principal's name as stored (its case preserved). */
  readonly principalName: string;
  readonly policyName: string;
  readonly document: string;
}

/** A customer managed policy. */
export interface ManagedPolicy {
  readonly accountId: string;
  readonly policyName: string;
  /** `ANPA…` */
  readonly policyId: string;
  readonly arn: string;
  readonly path: string;
  readonly description?: string;
  readonly defaultVersionId: string;
  /** The number the next version gets (`v{n}`); version numbers are never reused. */
  readonly nextVersion: number;
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly tags: readonly Tag[];
}

export interface PolicyVersion {
  readonly policyArn: string;
  readonly versionId: string;
  readonly document: string;
  readonly createdAt: number;
}

export interface PolicyAttachment {
  readonly accountId: string;
  readonly principalKind: PrincipalKind;
  readonly principalName: string;
  readonly policyArn: string;
}

export interface SamlProvider {
  readonly accountId: string;
  readonly name: string;
  readonly arn: string;
  readonly metadataDocument: string;
  readonly createdAt: number;
  readonly validUntil?: number;
  readonly tags: readonly Tag[];
}

export interface AccountAlias {
  readonly accountId: string;
  readonly alias: string;
}
