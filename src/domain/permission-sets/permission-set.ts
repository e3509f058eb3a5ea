// A permission set: a named bundle of IAM policy defined once and provisioned into every
// assigned account as a role. This type is the contract between the permission-set work
// (definition, sso-admin CRUD) and the provisioning work (materializing roles).

export interface CustomerManagedPolicyReference {
  readonly name: string;
  /** Defaults to `/`. */
  readonly path: string;
}

export type PermissionsBoundary =
  | { readonly kind: 'managed'; readonly managedPolicyArn: string }
  | { readonly kind: 'customer-managed'; readonly reference: CustomerManagedPolicyReference };

export interface Tag {
  readonly key: string;
  readonly value: string;
}

export interface PermissionSet {
  readonly instanceArn: string;
  /** `arn:aws:sso:::permissionSet/ssoins-…/ps-…` */
  readonly permissionSetArn: string;
  readonly name: string;
  readonly description: string | undefined;
  /** ISO 8601, `PT1H` to `PT12H`. */
  readonly sessionDuration: string;
  readonly relayState: string | undefined;
  readonly createdAt: number;
  /** The AWS managed policies attached (ARNs), in attachment order. */
  readonly managedPolicyArns: readonly string[];
  readonly customerManagedPolicies: readonly CustomerManagedPolicyReference[];
  /** The inline policy document as JSON text, or undefined. */
  readonly inlinePolicy: string | undefined;
  readonly permissionsBoundary: PermissionsBoundary | undefined;
  /**
   * Grows by one with every change that alters what a provisioned role must look like. An
   * account provisioned at an older revision has drifted (LATEST_PERMISSION_SET_NOT_PROVISIONED).
   */
  readonly revision: number;
  /** 16 hex, fixed at creation: the suffix of the role name in every account. */
  readonly roleSuffix: string;
  readonly tags: readonly Tag[];
}
